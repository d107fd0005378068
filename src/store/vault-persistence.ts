import type { CallEvent } from '../engine/execute';
import type { KmsVault } from '../kms-vault';
import { DirectoryLock } from './directory-lock';
import { OPERATION_EFFECTS } from './operation-effects';
import { StateFile } from './state-file';

/** Usage records (last use of a key) reach the disk at most this long after the call. */
export const USAGE_WRITE_DELAY_MS = 1000;

/**
 * Keeps a vault's state document in a data directory: loaded when opened (a stored document replaces
 * what the vault held), written before the response of every call that changes state, and within a
 * second of calls that only record a key's use. One server per directory.
 */
export class VaultPersistence {
  private readonly stopObserving: () => void;
  private timer: NodeJS.Timeout | undefined;
  private keyCount: number;
  private closed = false;

  private constructor(
    private readonly vault: KmsVault,
    private readonly file: StateFile,
    private readonly lock: DirectoryLock,
  ) {
    this.keyCount = countKeys(vault);
    this.stopObserving = vault.observers.add('persistence', (event) => this.observe(event));
  }

  /** Takes the directory (refusing one another server holds) and restores or initializes its state. */
  static open(vault: KmsVault, dir: string): VaultPersistence {
    const lock = DirectoryLock.acquire(dir);
    try {
      const file = new StateFile(dir);
      const stored = file.read();
      if (stored) {
        vault.reset();
        // A seeded vault goes on from a sequence derived from the document (vault.load), so its next
        // key ids are not those of the keys it restored.
        vault.load(stored);
      } else {
        file.write(vault.snapshot());
      }
      return new VaultPersistence(vault, file, lock);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /** Writes the whole state now (after a reset or a load through the server's endpoints). */
  save(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.file.write(this.vault.snapshot());
    this.keyCount = countKeys(this.vault);
  }

  /** Writes what is pending and lets the directory go. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopObserving();
    try {
      this.save();
    } finally {
      this.lock.release();
    }
  }

  private observe(event: CallEvent): void {
    // A failed call leaves the vault as it was.
    if (!event.output) return;
    const effect = OPERATION_EFFECTS[event.operation];
    if (effect === 'change' || countKeys(this.vault) !== this.keyCount) this.save();
    else if (effect === 'usage' && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        try {
          this.file.write(this.vault.snapshot());
        } catch (error) {
          // Thrown from a timer it would end the process, and every caller's server with it. The usage
          // stays in memory: the next change, or close(), writes the whole document again.
          process.emitWarning(`kms-vault-mock could not write the vault's state to ${this.file.dir}: ${(error as Error).message}`);
        }
      }, USAGE_WRITE_DELAY_MS);
      // Pending usage is written by close(); it must not keep a process alive on its own.
      this.timer.unref();
    }
  }
}

function countKeys(vault: KmsVault): number {
  let n = 0;
  for (const store of vault.state.allStores()) n += store.keys.size;
  return n;
}
