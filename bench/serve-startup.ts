/**
 * Start-up of the server: from launching `kms-vault-mock serve` (the built CLI, dist/cli.js) until
 * its /health answers, beside `node -e 1` (Node's own start) and the ceiling: a process that requires
 * only node:http, listens and answers, as the least any Node server can take. Each process is started
 * fresh and stopped before the next; the kinds alternate, round after round, so background load hits
 * all alike. Target (issue 19): ready within 1.6 times `node -e 1`.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { median, medianRatios } from './stats';

const ROUNDS = Number(process.env.BENCH_SERVE_STARTUP_ROUNDS ?? 15);
const root = join(__dirname, '..');
const cli = join(root, 'dist', 'cli.js');

/** The least a Node HTTP server does before it can answer: require node:http, listen, say where. */
const CEILING = `require('node:http').createServer((q, s) => s.end('{"status":"ready"}')).listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port); });`;

const get = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });

/** Milliseconds from spawning `args` until `GET <its URL>/health` has answered; the process is stopped after. */
function readyMillis(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    let out = '';
    let asked = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', () => clearTimeout(timer));
    child.on('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (!url || asked) return;
      asked = true;
      get(`${url}/health`).then(
        (status) => {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          child.once('exit', () => (status === 200 ? resolve(ms) : reject(new Error(`/health answered ${status}`))));
          child.kill('SIGTERM');
        },
        (error: unknown) => {
          child.kill('SIGKILL');
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  });
}

/** Milliseconds a `node -e 1` process takes from spawn to exit. */
function nodeMillis(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', '1'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(Number(process.hrtime.bigint() - t0) / 1e6));
  });
}

/** Prints the median time to ready of each kind of process, and each one's ratio to `node -e 1`. */
export async function reportServeStartup(): Promise<void> {
  if (!existsSync(cli)) {
    console.log('\nserve start-up: skipped (no dist/cli.js; run npm run build first)');
    return;
  }
  // A copy of the build, so that a rebuild of dist/ during the run does not break it.
  const copy = join(root, '.bench', 'serve-startup');
  rmSync(copy, { recursive: true, force: true });
  cpSync(join(root, 'dist'), copy, { recursive: true });
  const copiedCli = join(copy, 'cli.js');
  const kinds: [string, () => Promise<number>][] = [
    ['node -e 1', nodeMillis],
    ['node:http listening (ceiling)', () => readyMillis(['-e', CEILING])],
    ['kms-vault-mock serve', () => readyMillis([copiedCli, 'serve', '--port', '0'])],
    ['kms-vault-mock serve --like localstack', () => readyMillis([copiedCli, 'serve', '--like', 'localstack', '--port', '0'])],
  ];
  for (const [, run] of kinds) await run();
  const samples: number[][] = kinds.map(() => []);
  for (let r = 0; r < ROUNDS; r++) for (const [i, [, run]] of kinds.entries()) samples[i]?.push(await run());
  const ratio = medianRatios(samples);
  console.log(`\nserve start-up: launch until GET /health answers, fresh processes, median of ${ROUNDS} interleaved rounds`);
  console.log(`${'process'.padEnd(40)}${'ms'.padStart(8)}${'x node -e 1'.padStart(13)}`);
  for (const [i, [name]] of kinds.entries()) {
    console.log(
      `${name.padEnd(40)}${median(samples[i] ?? [])
        .toFixed(1)
        .padStart(8)}${(i === 0 ? '' : ratio(i, 0).toFixed(2)).padStart(13)}`,
    );
  }
  console.log(`target: kms-vault-mock serve within 1.60x node -e 1 (the node:http ceiling is ${ratio(1, 0).toFixed(2)}x); got ${ratio(2, 0).toFixed(2)}x`);
  rmSync(copy, { recursive: true, force: true });
}
