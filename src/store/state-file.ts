import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { KmsVaultMockError } from '../errors/library-error';
import type { Scenario } from '../scenarios/scenario';

const STATE = 'state.json';
const TEMP = 'state.json.tmp';
const FORMAT = 'kms-vault-mock/state';

/** The file a data directory keeps its vault in. */
interface StoredState {
  readonly format: typeof FORMAT;
  readonly version: 1;
  readonly savedAt: string;
  readonly state: Scenario;
}

/**
 * The vault's state document in a data directory, replaced as a whole on each write: written to a
 * temporary file, fsync'd, renamed over the old one, and the directory fsync'd. A crash at any point
 * leaves either the old document or the new one, never a torn one (see docs/decisions).
 */
export class StateFile {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
    // A temporary file is what a crash during a write leaves; the document it was replacing is whole.
    rmSync(join(dir, TEMP), { force: true });
  }

  /** The stored document, or undefined for a new directory. A document that cannot be read is an error, never silently dropped. */
  read(): Scenario | undefined {
    const path = join(this.dir, STATE);
    if (!existsSync(path)) return undefined;
    let stored: Partial<StoredState>;
    try {
      stored = JSON.parse(readFileSync(path, 'utf8')) as Partial<StoredState>;
    } catch (error) {
      throw new KmsVaultMockError(`The data directory ${this.dir} holds a ${STATE} that is not valid JSON (${(error as Error).message}). Move it away to start empty.`);
    }
    if (stored.format !== FORMAT || stored.version !== 1 || typeof stored.state !== 'object' || stored.state === null) {
      throw new KmsVaultMockError(`${path} is not a kms-vault-mock state file (format ${FORMAT}, version 1). Move it away to start empty.`);
    }
    return stored.state;
  }

  /** Replaces the stored document durably: when this returns, a crash cannot lose it. */
  write(state: Scenario): void {
    const stored: StoredState = { format: FORMAT, version: 1, savedAt: new Date().toISOString(), state };
    const temp = join(this.dir, TEMP);
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(stored));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, join(this.dir, STATE));
    syncDirectory(this.dir);
  }
}

/** Makes a rename in the directory durable (POSIX); platforms that cannot open directories skip it. */
function syncDirectory(dir: string): void {
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
