import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { KmsVaultMockError } from '../errors/library-error';
import type { Scenario } from '../scenarios/scenario';
import { syncDirectory } from './journal';

const STATE = 'state.json';
const TEMP = /^state\.json(\.\d+)?\.tmp$/;
const FORMAT = 'kms-vault-mock/state';

/** The file a data directory keeps its vault in. */
interface StoredState {
  readonly format: typeof FORMAT;
  readonly version: 1;
  readonly savedAt: string;
  /**
   * The first journal generation the document does not hold: journals of earlier generations are
   * folded into it. Absent in documents written before the journal (read as 0).
   */
  readonly generation?: number;
  readonly state: Scenario;
}

/** A state document read from a data directory. */
export interface StoredDocument {
  readonly state: Scenario;
  readonly generation: number;
  readonly bytes: number;
}

/**
 * The vault's state document in a data directory, replaced as a whole: written to a temporary file,
 * fsync'd, renamed over the old one, and the directory fsync'd. A crash at any point leaves either the
 * old document or the new one, never a torn one (see docs/decisions). Changes between two documents
 * are in the journal (./journal.ts).
 */
export class StateFile {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
    // A temporary file is what a crash during a write leaves; the document it was replacing is whole.
    for (const name of readdirSync(dir)) if (TEMP.test(name)) rmSync(join(dir, name), { force: true });
  }

  /** The stored document, or undefined for a new directory. A document that cannot be read is an error, never silently dropped. */
  read(): StoredDocument | undefined {
    const path = join(this.dir, STATE);
    if (!existsSync(path)) return undefined;
    const text = readFileSync(path, 'utf8');
    let stored: Partial<StoredState>;
    try {
      stored = JSON.parse(text) as Partial<StoredState>;
    } catch (error) {
      throw new KmsVaultMockError(
        `The data directory ${this.dir} holds a ${STATE} that is not valid JSON (${(error as Error).message}). Move it away to start empty.`,
      );
    }
    const generation = stored.generation ?? 0;
    if (
      stored.format !== FORMAT ||
      stored.version !== 1 ||
      typeof stored.state !== 'object' ||
      stored.state === null ||
      !Number.isSafeInteger(generation) ||
      generation < 0
    ) {
      throw new KmsVaultMockError(`${path} is not a kms-vault-mock state file (format ${FORMAT}, version 1). Move it away to start empty.`);
    }
    return { state: stored.state, generation, bytes: Buffer.byteLength(text) };
  }

  /** The document's text, holding `state` and the journal generations before `generation`. */
  static encode(state: Scenario, generation: number): string {
    const stored: StoredState = { format: FORMAT, version: 1, savedAt: new Date().toISOString(), generation, state };
    return JSON.stringify(stored);
  }

  /** Replaces the stored document durably: when this returns, a crash cannot lose it. */
  write(text: string, generation: number): void {
    const temp = join(this.dir, `${STATE}.${generation}.tmp`);
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, join(this.dir, STATE));
    syncDirectory(this.dir);
  }

  /**
   * The same, with the write and its fsync off the main thread. `stillWanted` is asked right before the
   * rename (a document written meanwhile by {@link write} must not be replaced by this older one);
   * false leaves the stored document as it is. Resolves with whether the document was replaced.
   */
  async writeInBackground(text: string, generation: number, stillWanted: () => boolean): Promise<boolean> {
    const temp = join(this.dir, `${STATE}.${generation}.tmp`);
    try {
      const handle = await open(temp, 'w', 0o600);
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      // A failed compaction leaves no temp file behind (the next one writes its own).
      rmSync(temp, { force: true });
      throw error;
    }
    if (!stillWanted()) {
      rmSync(temp, { force: true });
      return false;
    }
    try {
      renameSync(temp, join(this.dir, STATE));
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    syncDirectory(this.dir);
    return true;
  }
}
