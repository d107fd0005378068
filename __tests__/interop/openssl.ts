import { execFileSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch directory for files handed to the `openssl` command line, removed by `cleanup()`. */
export function opensslWorkspace(): {
  file(name: string, content: Uint8Array | string): string;
  pem(name: string, spki: Uint8Array): string;
  run(args: string[]): string;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-interop-'));
  return {
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    /** A DER SubjectPublicKeyInfo (as GetPublicKey returns it) written as a PEM public key. */
    pem(name, spki) {
      const pem = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' });
      return this.file(name, pem);
    },
    run(args) {
      return execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString('latin1');
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
