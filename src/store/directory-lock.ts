import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KmsVaultMockError } from '../errors/library-error';

const LOCK = 'server.lock';
const held = new Set<string>();

/**
 * One server per data directory: a lock file holding the owner's process id, created exclusively.
 * A lock left by a process that no longer runs (a server killed with -9) is taken over.
 */
export class DirectoryLock {
  private readonly path: string;
  private readonly key: string;
  private released = false;

  private constructor(dir: string) {
    this.key = resolve(dir);
    this.path = join(dir, LOCK);
  }

  /** Takes the directory, or throws a clear error when another live server has it. */
  static acquire(dir: string): DirectoryLock {
    const lock = new DirectoryLock(dir);
    if (held.has(lock.key)) throw busy(dir, process.pid);
    // The lock is taken before the state file is opened, so it is the first thing in a new directory.
    mkdirSync(dir, { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(lock.path, 'wx', 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        held.add(lock.key);
        return lock;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number.parseInt(readOwner(lock.path), 10);
        if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) throw busy(dir, owner);
        rmSync(lock.path, { force: true });
      }
    }
    throw busy(dir, undefined);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this.key);
    rmSync(this.path, { force: true });
  }
}

function readOwner(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busy(dir: string, pid: number | undefined): KmsVaultMockError {
  const who = pid === undefined ? 'another kms-vault-mock server' : `another kms-vault-mock server (process ${pid})`;
  return new KmsVaultMockError(`The data directory ${dir} is in use by ${who}. Stop that server, or give this one another --data-dir.`);
}
