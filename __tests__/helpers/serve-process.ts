import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A `kms-vault-mock serve` process started by a test. */
export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Sends a signal and waits for the process to exit; resolves with its exit code (null when killed by the signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs the CLI (`kms-vault-mock serve ARGS`) from source in its own node process, and resolves once
 * it printed the line with its URL. Rejects with its output when it exits first.
 */
export function startServeProcess(args: readonly string[], timeoutMs = 60_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/scenarios/cli.ts'), 'serve', ...args], {
    cwd: ROOT,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kms-vault-mock serve printed no URL within ${timeoutMs} ms; stdout: ${out} stderr: ${err}`));
    }, timeoutMs);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({
          url,
          child,
          stderr: () => err,
          stop: (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`kms-vault-mock serve exited with ${String(code)}: ${err}`), { code, stdout: out, stderr: err }));
    });
  });
}

/** Runs `kms-vault-mock serve ARGS` expecting it to fail; resolves with its exit code and stderr. */
export function serveFailure(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return startServeProcess(args).then(
    async (p) => {
      await p.stop('SIGKILL');
      throw new Error(`kms-vault-mock serve ${args.join(' ')} started, but should have failed`);
    },
    (error: { code?: number | null; stderr?: string }) => ({ code: error.code ?? null, stderr: error.stderr ?? '' }),
  );
}
