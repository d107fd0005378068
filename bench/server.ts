/**
 * The server over loopback: Encrypt (32 bytes) through @aws-sdk/client-kms against `startServer`,
 * per call, against `moto_server` measured in the same run (the target: at least 20 times
 * faster), and throughput with 8 concurrent clients. A third server does no work at all: a bare
 * node:http server that answers every request with the same Encrypt response. Its time bounds what a
 * Node.js server can reach through this client; that time less the server's own CPU bounds any server.
 * All three run as processes of their own (ours is `kms-vault-mock serve` from the build), so none
 * shares the benchmark client's CPU. Without moto_server on PATH, says so and skips that reference.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateKeyCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { median, medianRatios } from './stats';

const ROUNDS = Number(process.env.BENCH_SERVER_ROUNDS ?? 7);
const CALLS = Number(process.env.BENCH_SERVER_CALLS ?? 200);
const CONCURRENCY = 8;
const THROUGHPUT_MS = Number(process.env.BENCH_SERVER_THROUGHPUT_MS ?? 3000);
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'bench' };
const plaintext = new Uint8Array(32).fill(7);

interface Target {
  readonly name: string;
  readonly url: string;
  readonly pid: number | undefined;
  keyId: string;
}

/**
 * CPU time (user + system, ms) a process has used, from /proc (Linux); undefined elsewhere. Unlike
 * wall time it does not depend on what else the machine runs, so it compares the servers' own costs.
 */
export function cpuMillis(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, counted after the command name's ')'; clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function client(url: string): KMSClient {
  return new KMSClient({ region: 'us-east-1', endpoint: url, credentials, maxAttempts: 1 });
}

/**
 * Median µs per call of each target, and `ratio(a, b)`: the median of the per-round ratios of target a to target b.
 * Rounds alternate between the targets, so background load hits them alike.
 */
async function perCallMicros(
  targets: readonly Target[],
): Promise<{ micros: number[]; ratio: (a: number, b: number) => number; cpuMicros: (number | undefined)[] }> {
  const sends = targets.map((target) => {
    const kms = client(target.url);
    return { kms, send: (): Promise<unknown> => kms.send(new EncryptCommand({ KeyId: target.keyId, Plaintext: plaintext })) };
  });
  for (const { send } of sends) for (let i = 0; i < 50; i++) await send();
  const samples: number[][] = targets.map(() => []);
  const cpuBefore = targets.map((t) => cpuMillis(t.pid));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, { send }] of sends.entries()) {
      const t0 = process.hrtime.bigint();
      for (let c = 0; c < CALLS; c++) await send();
      samples[i]?.push(Number(process.hrtime.bigint() - t0) / 1000 / CALLS);
    }
  }
  const cpuMicros = targets.map((t, i) => {
    const before = cpuBefore[i];
    const after = cpuMillis(t.pid);
    return before === undefined || after === undefined ? undefined : ((after - before) * 1000) / (ROUNDS * CALLS);
  });
  for (const { kms } of sends) kms.destroy();
  return { micros: samples.map(median), ratio: medianRatios(samples), cpuMicros };
}

/** Calls per second completed by 8 clients each sending Encrypt in a loop. */
async function throughput(target: Target): Promise<number> {
  const clients = Array.from({ length: CONCURRENCY }, () => client(target.url));
  let calls = 0;
  const end = Date.now() + THROUGHPUT_MS;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    clients.map(async (kms) => {
      while (Date.now() < end) {
        await kms.send(new EncryptCommand({ KeyId: target.keyId, Plaintext: plaintext }));
        calls++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  for (const kms of clients) kms.destroy();
  return calls / seconds;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Waits until `url` answers HTTP at all. */
async function reachable(url: string, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      await fetch(url);
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return false;
}

interface Running {
  readonly url: string;
  readonly child: ChildProcess;
}

/** Starts `command` with `argsFor(port)` on a free loopback port and waits until `probePath` answers HTTP; undefined if it never does. */
async function launch(command: string, argsFor: (port: number) => string[], probePath: string, cwd?: string): Promise<Running | undefined> {
  const port = await freePort();
  const child = spawn(command, argsFor(port), { stdio: 'ignore', ...(cwd !== undefined ? { cwd } : {}) });
  const url = `http://127.0.0.1:${port}`;
  if (await reachable(`${url}${probePath}`, child)) return { url, child };
  child.kill();
  return undefined;
}

async function startMoto(): Promise<Running | undefined> {
  if (spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status !== 0) return undefined;
  return launch('moto_server', (port) => ['-H', '127.0.0.1', '-p', String(port)], '/moto-api/');
}

/** A bare node:http server in a process of its own that answers every request with one Encrypt response, without reading it. */
async function startConstantServer(): Promise<Running> {
  const answer = JSON.stringify({
    CiphertextBlob: Buffer.alloc(154, 1).toString('base64'),
    KeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
  });
  const code = (port: number): string =>
    `require('node:http').createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'constant' }); res.end(${JSON.stringify(answer)}); }); }).listen(${port}, '127.0.0.1');`;
  const running = await launch(process.execPath, (port) => ['-e', code(port)], '/');
  if (!running) throw new Error('the constant-answer server did not start');
  return running;
}

/** `kms-vault-mock serve --port P` from the build (`npm run bench` builds it first), as `npx kms-vault-mock serve` runs it. */
async function startVaultServer(): Promise<Running> {
  const root = join(__dirname, '..');
  const running = await launch(process.execPath, (port) => [join(root, 'dist/cli.js'), 'serve', '--port', String(port)], '/health', root);
  if (!running) throw new Error('kms-vault-mock serve did not start');
  return running;
}

async function keyOn(url: string): Promise<string> {
  const kms = client(url);
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  kms.destroy();
  return KeyMetadata?.KeyId as string;
}

/** Prints the server's numbers and the ratios to moto_server. */
export async function reportServerBench(): Promise<void> {
  const server = await startVaultServer();
  let constant: Running | undefined;
  let moto: Running | undefined;
  try {
    constant = await startConstantServer();
    moto = await startMoto();
    const targets: Target[] = [
      { name: 'kms-vault-mock', url: server.url, pid: server.child.pid, keyId: await keyOn(server.url) },
      { name: 'constant answer', url: constant.url, pid: constant.child.pid, keyId: 'any' },
    ];
    if (moto) targets.push({ name: 'moto_server', url: moto.url, pid: moto.child.pid, keyId: await keyOn(moto.url) });
    console.log(
      `\nServer over loopback: Encrypt (32 B) through @aws-sdk/client-kms, median of ${ROUNDS} rounds x ${CALLS} sequential calls; throughput with ${CONCURRENCY} concurrent clients for ${THROUGHPUT_MS} ms`,
    );
    if (!moto) console.log('moto_server is not on PATH: the moto reference is skipped (pip install "moto[server]" to measure it).');
    console.log(`${'server'.padEnd(16)}${'µs/call'.padStart(10)}${'server CPU µs/call'.padStart(20)}${'calls/s (8 clients)'.padStart(22)}`);
    const { micros, ratio, cpuMicros } = await perCallMicros(targets);
    const rates: number[] = [];
    for (const [i, target] of targets.entries()) {
      const rate = await throughput(target);
      rates.push(rate);
      console.log(
        `${target.name.padEnd(16)}${(micros[i] ?? NaN).toFixed(0).padStart(10)}${(cpuMicros[i] ?? NaN).toFixed(0).padStart(20)}${rate.toFixed(0).padStart(22)}`,
      );
    }
    const [ours = NaN, , theirs] = rates;
    console.log(`kms-vault-mock takes ${ratio(0, 1).toFixed(2)}x the time of the constant-answer server per call (median of per-round ratios)`);
    if (theirs !== undefined) {
      const cpuRatio = (cpuMicros[2] ?? NaN) / (cpuMicros[0] ?? NaN);
      console.log(
        `kms-vault-mock vs moto_server: ${ratio(2, 0).toFixed(1)}x faster per call through the SDK (median of per-round ratios; target 20x), ${cpuRatio.toFixed(1)}x less server CPU per call, ${(ours / theirs).toFixed(1)}x the throughput`,
      );
      // What is left of the constant server's call once its own CPU is taken out: the client and the socket.
      const clientAndSocket = (micros[1] ?? NaN) - (cpuMicros[1] ?? NaN);
      console.log(
        `ceilings: a Node.js server doing no work is ${ratio(2, 1).toFixed(1)}x faster than moto_server per call; a server using no CPU at all could be at most ${((micros[2] ?? NaN) / clientAndSocket).toFixed(1)}x (moto's ${(micros[2] ?? NaN).toFixed(0)} µs over the ${clientAndSocket.toFixed(0)} µs left to the client and the socket)`,
      );
    }
  } finally {
    server.child.kill();
    constant?.child.kill();
    moto?.child.kill();
  }
}
