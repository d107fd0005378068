/**
 * A consumer project for the documentation's code blocks (docs/guides/CONVENTIONS.md): a directory
 * outside the repository whose node_modules holds the repository's dependencies and a
 * `kms-vault-mock` package that resolves to the repository's sources (as an installed package
 * resolves to dist/), with `node_modules/.bin/kms-vault-mock` running the CLI from source.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
const TSX_LOADER = join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');

export interface ConsumerProject {
  readonly dir: string;
  /** A fresh empty directory of the project (its node_modules linked), for one block. */
  freshDir(name: string): string;
  remove(): void;
}

export function createConsumerProject(): ConsumerProject {
  const dir = mkdtempSync(join(tmpdir(), 'kvm-docs-'));
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry === '.bin' || entry === '.cache' || entry === 'kms-vault-mock' || entry.startsWith('.package-lock')) continue;
    symlinkSync(join(ROOT, 'node_modules', entry), join(modules, entry));
  }
  const pkg = join(modules, 'kms-vault-mock');
  mkdirSync(pkg);
  symlinkSync(join(ROOT, 'src'), join(pkg, 'src'));
  symlinkSync(join(ROOT, 'schema'), join(pkg, 'schema'));
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({
      name: 'kms-vault-mock',
      version: '0.0.0-docs',
      exports: {
        '.': './src/index.ts',
        './jest': './src/matchers/jest.ts',
        './vitest': './src/matchers/vitest.ts',
        './sinon': './src/sinon.ts',
        './schema/scenario.schema.json': './schema/scenario.schema.json',
        './package.json': './package.json',
      },
    }),
  );
  const cli = join(modules, '.bin', 'kms-vault-mock');
  writeFileSync(cli, `#!/bin/sh\nexec "${process.execPath}" --import "${TSX_LOADER}" "${join(ROOT, 'src', 'scenarios', 'cli.ts')}" "$@"\n`);
  chmodSync(cli, 0o755);
  for (const bin of ['jest', 'vitest', 'tsx']) symlinkSync(join(ROOT, 'node_modules', '.bin', bin), join(modules, '.bin', bin));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'docs-consumer', private: true, version: '1.0.0' }));
  let n = 0;
  return {
    dir,
    freshDir(name) {
      const sub = join(dir, 'blocks', `${String(++n).padStart(3, '0')}-${name.replace(/[^\w.-]+/g, '-').slice(0, 60)}`);
      mkdirSync(sub, { recursive: true });
      symlinkSync(modules, join(sub, 'node_modules'));
      return sub;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The environment a block runs in: the caller's, without AWS settings, plus what the conventions add. */
export function blockEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('AWS_') || k.startsWith('JEST_') || k === 'NODE_OPTIONS' || k === 'KMS_VAULT_MOCK_ADAPTER') continue;
    env[k] = v;
  }
  return { ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...extra };
}

export interface RunResult {
  readonly code: number | null;
  readonly output: string;
  readonly timedOut: boolean;
}

/**
 * Runs a command in its own process group and resolves when it exits; then (or on timeout) signals
 * the whole group, so a server a block started and failed to stop does not outlive it.
 */
export function run(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; input?: string }): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const killGroup = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // the group is gone
      }
    };
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.stdin.end(options.input ?? '');
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGKILL');
    }, options.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      killGroup('SIGTERM');
      resolve({ code, output, timedOut });
    });
  });
}

/** The absolute path of the first of `candidates` that runs `args` successfully (the e2e tests' rule). */
export function toolPath(candidates: readonly string[], args: readonly string[]): string | undefined {
  for (const c of candidates) {
    if (spawnSync(c, args, { stdio: 'ignore' }).status !== 0) continue;
    const found = spawnSync('bash', ['-c', `command -v "${c}"`], { encoding: 'utf8' }).stdout.trim();
    if (found) return found;
  }
  return undefined;
}

/** A port no one listens on right now (the conventions' `4599` in `sh server` blocks is replaced by it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs tasks with at most `limit` at a time. */
export function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((r) => queue.push(r));
    active++;
    try {
      return await task();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}
