import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsync, fsyncSync, ftruncateSync, openSync, readdirSync, readFileSync, rmSync, write } from 'node:fs';
import { join } from 'node:path';
import { KmsVaultMockError } from '../errors/library-error';

const NAME = /^journal-(\d+)\.log$/;
/** Hex digits of a record's checksum: enough to tell a torn or overwritten line from a whole one. */
const SUM = 16;

/** The journal file of generation `generation`. */
export function journalName(generation: number): string {
  return `journal-${generation}.log`;
}

/** The generations of the journal files in `dir`, ascending. */
export function journalGenerations(dir: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME.exec(name);
    if (m) out.push(Number(m[1]));
  }
  return out.sort((a, b) => a - b);
}

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, SUM);
}

/** One record as a line of the journal: its checksum, a space, its JSON, a newline. */
export function encodeRecord(record: unknown): string {
  const json = JSON.stringify(record);
  return `${checksum(json)} ${json}\n`;
}

/**
 * The records of one journal file, in order. A last record cut short by a crash (no newline, or a
 * checksum that does not match) was never acknowledged: it is dropped. A damaged record followed by
 * whole ones is not what a crash leaves: that stops the start with a message naming the file.
 */
export function readJournal(path: string): { records: unknown[]; bytes: number } {
  const text = readFileSync(path, 'utf8');
  const records: unknown[] = [];
  let start = 0;
  let damagedAt: number | undefined;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end < 0) break; // A torn last record: the crash came before its newline.
    const line = text.slice(start, end);
    const json = line.slice(SUM + 1);
    let record: unknown;
    let whole = line.charAt(SUM) === ' ' && checksum(json) === line.slice(0, SUM);
    if (whole) {
      try {
        record = JSON.parse(json) as unknown;
      } catch {
        whole = false;
      }
    }
    if (!whole) {
      damagedAt ??= records.length;
    } else {
      if (damagedAt !== undefined) {
        throw new KmsVaultMockError(
          `The journal ${path} has a damaged record (number ${damagedAt + 1}) before whole ones: that is not what a crash leaves. Move the data directory away to start empty.`,
        );
      }
      records.push(record);
    }
    start = end + 1;
  }
  return { records, bytes: Buffer.byteLength(text) };
}

/** An open journal file, appended to. */
interface Segment {
  readonly generation: number;
  readonly fd: number;
  /** Lines waiting to be written. */
  pending: string[];
  /** Sequence number of the last line given to this segment. */
  lastSeq: number;
  /** The file's length after its last whole write: where a failed write is cut back to. */
  goodLength: number;
  /** Closed once its writes are done and it is no longer the current one. */
  retired: boolean;
  closed: boolean;
}

/**
 * The journal of a data directory: records appended to the current file and made durable in groups.
 * `append` queues a record; `durable()` is a promise settled when every record appended so far is
 * written and fsync'd (undefined when nothing is waiting). While one write and fsync are in flight,
 * records of calls arriving meanwhile gather and go to disk together in the next one: one fsync for
 * all the calls that came during the previous one.
 */
export class Journal {
  private current: Segment;
  private readonly segments: Segment[] = [];
  private appendedSeq = 0;
  private durableSeq = 0;
  private flushing = false;
  private failure: Error | undefined;
  private waiters: { seq: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  /** Bytes appended since the journal's generations began (the replayed files included). */
  bytes: number;
  /** How many fsyncs of records it made (each covering every record queued before it started). */
  syncs = 0;

  constructor(
    private readonly dir: string,
    generation: number,
    replayedBytes: number,
  ) {
    this.bytes = replayedBytes;
    this.current = this.open(generation);
  }

  /** The generation new records go to. */
  get generation(): number {
    return this.current.generation;
  }

  append(record: unknown): void {
    // A journal that failed writes nothing more: a torn line may end its file (cut back if it could be).
    if (this.failure) return;
    const line = encodeRecord(record);
    this.bytes += Buffer.byteLength(line);
    this.current.pending.push(line);
    this.current.lastSeq = ++this.appendedSeq;
    if (!this.flushing) this.flush();
  }

  /** The write or fsync error that stopped the journal for good, if one did. */
  get failed(): Error | undefined {
    return this.failure;
  }

  /**
   * Settles when every record appended so far is on disk; undefined when nothing is waiting. Once a
   * write or fsync failed it always rejects: nothing is written any more.
   */
  durable(): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    if (this.durableSeq >= this.appendedSeq) return undefined;
    const seq = this.appendedSeq;
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  /**
   * Starts the next generation: records appended from now on go to a new file. The files of earlier
   * generations are closed once their pending records are on disk.
   */
  rotate(): number {
    const previous = this.current;
    this.current = this.open(previous.generation + 1);
    previous.retired = true;
    this.closeIfDone(previous);
    this.bytes = 0;
    return this.current.generation;
  }

  /** Deletes the files of generations before `generation` (folded into the document). */
  discardBefore(generation: number): void {
    for (const g of journalGenerations(this.dir)) {
      if (g >= generation) continue;
      try {
        rmSync(join(this.dir, journalName(g)), { force: true });
      } catch {
        // Deleted at the next start instead: a file older than the document is never replayed.
      }
    }
  }

  /** Closes the files once their pending records are written; no more appends. */
  close(): void {
    for (const s of this.segments) {
      s.retired = true;
      this.closeIfDone(s);
    }
  }

  private open(generation: number): Segment {
    const fd = openSync(join(this.dir, journalName(generation)), 'a', 0o600);
    // A new file's name must be durable before records in it are acknowledged.
    syncDirectory(this.dir);
    const goodLength = fstatSync(fd).size;
    const segment: Segment = { generation, fd, pending: [], lastSeq: this.appendedSeq, goodLength, retired: false, closed: false };
    this.segments.push(segment);
    return segment;
  }

  private closeIfDone(segment: Segment): void {
    if (!segment.retired || segment.closed || segment.pending.length > 0 || this.flushing) return;
    segment.closed = true;
    this.segments.splice(this.segments.indexOf(segment), 1);
    closeSync(segment.fd);
  }

  /** Writes and fsyncs every segment's pending lines, oldest first; then again while more arrived. */
  private flush(): void {
    const segment = this.segments.find((s) => s.pending.length > 0);
    if (!segment) {
      this.flushing = false;
      for (const s of [...this.segments]) this.closeIfDone(s);
      return;
    }
    this.flushing = true;
    const data = Buffer.from(segment.pending.join(''));
    const seq = segment.lastSeq;
    segment.pending = [];
    writeAll(segment.fd, data, (error) => {
      if (error) return this.fail(error, segment);
      fsync(segment.fd, (syncError) => {
        if (syncError) return this.fail(syncError, segment);
        segment.goodLength += data.length;
        this.syncs++;
        this.reached(seq);
        this.flush();
      });
    });
  }

  private reached(seq: number): void {
    // Segments are written in the order their records were appended, so reaching `seq` in one
    // reaches every earlier record, unless another segment still holds older pending lines.
    const older = this.segments.find((s) => s.pending.length > 0);
    const limit = older ? Math.min(seq, firstPendingSeq(older) - 1) : seq;
    if (limit <= this.durableSeq) return;
    this.durableSeq = limit;
    const still: typeof this.waiters = [];
    for (const w of this.waiters) {
      if (w.seq <= limit) w.resolve();
      else still.push(w);
    }
    this.waiters = still;
  }

  /**
   * A write or fsync failed: part of a line may be on disk. The journal stops for good (writing after a
   * torn line would put whole records after a damaged one, which the next start refuses): every waiter
   * and every later durable() rejects. The file is cut back to its last whole write when it can be, so
   * the directory loads with every record acknowledged before the failure (a torn last line is dropped
   * at load anyway).
   */
  private fail(error: Error, segment: Segment): void {
    this.flushing = false;
    this.failure = new KmsVaultMockError(`kms-vault-mock could not write its journal in ${this.dir}: ${error.message}`);
    for (const s of this.segments) s.pending = [];
    try {
      ftruncateSync(segment.fd, segment.goodLength);
    } catch {
      // Left torn: the torn line is the file's last, which a start drops as never acknowledged.
    }
    for (const w of this.waiters.splice(0)) w.reject(this.failure);
    for (const s of [...this.segments]) this.closeIfDone(s);
    process.emitWarning(this.failure.message);
  }
}

function firstPendingSeq(segment: Segment): number {
  return segment.lastSeq - segment.pending.length + 1;
}

function writeAll(fd: number, data: Buffer, done: (error: Error | null) => void, offset = 0): void {
  write(fd, data, offset, data.length - offset, null, (error, written) => {
    if (error) return done(error);
    if (offset + written < data.length) return writeAll(fd, data, done, offset + written);
    done(null);
  });
}

/** Makes a new or renamed name in the directory durable (POSIX); platforms that cannot open directories skip it. */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory; its rename is as durable as it gets there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
