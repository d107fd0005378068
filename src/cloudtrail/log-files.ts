import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { KmsVaultMockError } from '../errors/library-error';
import type { CloudTrailEvent } from './cloudtrail-event';

/**
 * Where CloudTrail delivers a log file (CloudTrail User Guide, "Finding your CloudTrail log files"):
 * `AWSLogs/<account>/CloudTrail/<region>/<YYYY>/<MM>/<DD>/` then
 * `<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<16 alphanumeric characters>.json.gz`, dated by
 * the delivery time (UTC).
 */
export function logFilePath(accountId: string, region: string, delivered: Date, unique: string): string {
  const iso = delivered.toISOString();
  const [yyyy, mm, dd] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  const stamp = `${yyyy}${mm}${dd}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
  return join('AWSLogs', accountId, 'CloudTrail', region, yyyy, mm, dd, `${accountId}_CloudTrail_${region}_${stamp}_${unique}.json.gz`);
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function uniqueString(): string {
  let out = '';
  for (const b of randomBytes(16)) out += ALPHANUMERIC[b % ALPHANUMERIC.length];
  return out;
}

/**
 * Writes CloudTrail log files under a directory as CloudTrail delivers them to S3: gzip JSON
 * `{"Records": [...]}`, one file per account and region per batch, within `delayMs` of the first
 * record of a batch (CloudTrail takes minutes; a test does not wait). `flush()` writes what is
 * pending at once; `close()` flushes and stops. Files appear whole (written aside, then renamed).
 * A failure to write never reaches the caller: it is kept in `lastError`.
 */
export class CloudTrailLogFiles {
  private pending: CloudTrailEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** The last error writing a file, if any. */
  lastError: Error | undefined;
  /** The paths written so far, relative to the directory, oldest first (the latest 1000). */
  readonly written: string[] = [];

  constructor(
    readonly dir: string,
    /** The delivery time of a batch: the vault's clock, so that files are dated as the events are. */
    private readonly now: () => Date,
    private readonly delayMs = 1000,
  ) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new KmsVaultMockError(`Cannot write CloudTrail log files under '${dir}': ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Queues a record for the next file. */
  add(event: CloudTrailEvent): void {
    if (this.closed) return;
    this.pending.push(event);
    if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), this.delayMs);
      this.timer.unref();
    }
  }

  /** Writes every queued record now. */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const groups = new Map<string, CloudTrailEvent[]>();
    for (const event of batch) {
      const key = `${event.recipientAccountId}\u0000${event.awsRegion}`;
      const list = groups.get(key);
      if (list) list.push(event);
      else groups.set(key, [event]);
    }
    const delivered = this.now();
    for (const [key, records] of groups) {
      const [accountId = '', region = ''] = key.split('\u0000');
      const relative = logFilePath(accountId, region, delivered, uniqueString());
      const path = join(this.dir, relative);
      try {
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileSync(`${path}.tmp`, gzipSync(JSON.stringify({ Records: records })));
        renameSync(`${path}.tmp`, path);
        this.written.push(relative);
        if (this.written.length > 1000) this.written.shift();
      } catch (error) {
        this.lastError = error instanceof Error ? error : new Error(String(error));
      }
    }
  }

  /** Flushes and stops taking records. */
  close(): void {
    this.flush();
    this.closed = true;
  }
}
