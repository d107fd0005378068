/**
 * Persistence (`serve --data-dir`): the per-call time of CreateKey and TagResource through
 * @aws-sdk/client-kms on loopback, against a data directory and against the same server in memory,
 * at 100, 1,000, 5,000 and 10,000 keys. Both servers are `kms-vault-mock serve` from the build, each
 * in a process of its own, holding the same generated document (written as the directory's state.json,
 * or PUT to /_kms-vault-mock/state in memory): no 10,000 calls to build a vault. All eight servers
 * run at once and each round goes through all of them in turn, so background load hits every size and
 * both modes alike; ratios (to memory at the same size, to the directory at 100 keys) are medians of
 * per-round ratios.
 * Then the time `serve` takes to answer /health on a directory of 10,000 keys, against an empty one.
 * Targets (issue #19): with --data-dir, at 10,000 keys, within 1.5x the cost at 100 keys and within 3x
 * the in-memory cost at the same size.
 * Run this section alone with `npm run bench -- persistence` (or BENCH_ONLY=persistence).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateKeyCommand, KMSClient, TagResourceCommand } from '@aws-sdk/client-kms';
import { median, medianRatios } from './stats';
import { cpuMillis } from './server';

const SIZES = (process.env.BENCH_PERSISTENCE_SIZES ?? '100,1000,5000,10000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_PERSISTENCE_ROUNDS ?? 7);
const CALLS = Number(process.env.BENCH_PERSISTENCE_CALLS ?? 20);
const STARTS = Number(process.env.BENCH_PERSISTENCE_STARTS ?? 5);
const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'bench' };
const root = join(__dirname, '..');
/**
 * The build this section runs: a copy of dist/ made when it starts (inside .bench/, so the package's
 * dependencies resolve), so that a build made meanwhile (`npm run build` empties dist/) cannot stop it.
 */
let cli = join(root, 'dist', 'cli.js');

interface Running {
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<unknown>;
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

/** `kms-vault-mock serve` from the build on a free port, resolved once /health answers; with the ms that took. */
async function serve(extra: readonly string[]): Promise<Running & { readyMs: number }> {
  const port = await freePort();
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port), ...extra], { stdio: ['ignore', 'ignore', 'pipe'], cwd: root });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child, exited, readyMs: Number(process.hrtime.bigint() - t0) / 1e6 };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`kms-vault-mock serve ${extra.join(' ')} did not start (exit ${String(child.exitCode)}): ${stderr.slice(-2000)}`);
}

async function stop(running: Running): Promise<void> {
  if (running.child.exitCode === null) running.child.kill('SIGTERM');
  await running.exited;
}

/** A state document of `count` symmetric keys, as `GET /_kms-vault-mock/state` returns one. */
function documentOf(count: number): Record<string, unknown> {
  const created = new Date().toISOString();
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
  });
  const keys = Array.from({ length: count }, (_, i) => {
    const keyId = randomUUID();
    return {
      ref: keyId,
      keyId,
      account: ACCOUNT,
      region: REGION,
      description: `key ${i}`,
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      origin: 'AWS_KMS',
      state: 'Enabled',
      creationDate: created,
      policy,
      tags: { n: String(i) },
      aliases: [],
      materials: [{ id: randomBytes(32).toString('hex'), secret: randomBytes(32).toString('base64'), createdAt: created }],
    };
  });
  return { formatVersion: 1, name: `bench-${count}`, description: 'bench', keys, faults: [], principals: [] };
}

function client(url: string): KMSClient {
  return new KMSClient({ region: REGION, endpoint: url, credentials, maxAttempts: 1 });
}

async function perCall(send: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) await send();
  return Number(process.hrtime.bigint() - t0) / 1000 / CALLS;
}

interface Contender {
  readonly size: number;
  readonly server: Running;
  readonly kms: KMSClient;
  readonly tagged: string;
  readonly dir?: string;
}

/**
 * Per-call samples of CreateKey and TagResource on every contender (each size, on a data directory and
 * in memory), in rounds that go through all of them in turn: every ratio compares samples of the same
 * rounds, so the machine's load hits numerator and denominator alike.
 */
async function measure(contenders: readonly Contender[]): Promise<{ create: number[][]; tag: number[][]; createCpu: number[]; tagCpu: number[] }> {
  let n = 0;
  const create = (c: Contender) => (): Promise<unknown> => c.kms.send(new CreateKeyCommand({}));
  const tag = (c: Contender) => (): Promise<unknown> =>
    c.kms.send(new TagResourceCommand({ KeyId: c.tagged, Tags: [{ TagKey: 'round', TagValue: String(n++) }] }));
  for (const c of contenders) for (let i = 0; i < 5; i++) await tag(c)();
  const creates: number[][] = contenders.map(() => []);
  const tags: number[][] = contenders.map(() => []);
  // Server CPU (ms) spent in each contender's CreateKey and TagResource batches: less sensitive to the
  // machine's load than wall time, but blind to the time a call waits for its fsync.
  const createCpu = contenders.map(() => 0);
  const tagCpu = contenders.map(() => 0);
  const timed = async (c: Contender, send: () => Promise<unknown>, cpu: number[], i: number): Promise<number> => {
    const before = cpuMillis(c.server.child.pid);
    const micros = await perCall(send);
    cpu[i] = (cpu[i] ?? 0) + ((cpuMillis(c.server.child.pid) ?? NaN) - (before ?? NaN));
    return micros;
  };
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, c] of contenders.entries()) creates[i]?.push(await timed(c, create(c), createCpu, i));
    for (const [i, c] of contenders.entries()) tags[i]?.push(await timed(c, tag(c), tagCpu, i));
  }
  const perCallMicros = (ms: number): number => (ms * 1000) / (ROUNDS * CALLS);
  return { create: creates, tag: tags, createCpu: createCpu.map(perCallMicros), tagCpu: tagCpu.map(perCallMicros) };
}

/** A server on a data directory and one in memory, both holding `doc`. */
async function contendersAt(size: number, doc: Record<string, unknown>): Promise<Contender[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-bench-'));
  writeFileSync(join(dir, 'state.json'), JSON.stringify({ format: 'kms-vault-mock/state', version: 1, savedAt: new Date().toISOString(), state: doc }));
  const tagged = (doc.keys as { keyId: string }[])[0]?.keyId as string;
  const onDisk = await serve(['--data-dir', dir]);
  const inMemory = await serve([]);
  const put = await fetch(`${inMemory.url}/_kms-vault-mock/state`, { method: 'PUT', body: JSON.stringify(doc) });
  if (!put.ok) throw new Error(`PUT state: ${put.status} ${await put.text()}`);
  return [
    { size, server: onDisk, kms: client(onDisk.url), tagged, dir },
    { size, server: inMemory, kms: client(inMemory.url), tagged },
  ];
}

/** Milliseconds until /health answers, on an empty directory and on one holding `doc`, interleaved. */
async function startup(doc: Record<string, unknown>): Promise<{ empty: number; full: number }> {
  const full = mkdtempSync(join(tmpdir(), 'kms-vault-mock-bench-'));
  writeFileSync(join(full, 'state.json'), JSON.stringify({ format: 'kms-vault-mock/state', version: 1, savedAt: new Date().toISOString(), state: doc }));
  const samples: number[][] = [[], []];
  try {
    for (let r = 0; r < STARTS; r++) {
      const empty = mkdtempSync(join(tmpdir(), 'kms-vault-mock-bench-'));
      try {
        for (const [i, dir] of [empty, full].entries()) {
          const running = await serve(['--data-dir', dir]);
          samples[i]?.push(running.readyMs);
          await stop(running);
        }
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(full, { recursive: true, force: true });
  }
  return { empty: median(samples[0] ?? []), full: median(samples[1] ?? []) };
}

/** Prints the curve, the targets' ratios and the start-up time. */
export async function reportPersistence(): Promise<void> {
  const copy = join(__dirname, `dist-persistence-${process.pid}`);
  cpSync(join(root, 'dist'), copy, { recursive: true });
  cli = join(copy, 'cli.js');
  try {
    await reportCurve();
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

async function reportCurve(): Promise<void> {
  console.log(
    `\npersistence: µs per call through @aws-sdk/client-kms on loopback, median of ${ROUNDS} rounds x ${CALLS} calls going through every server in turn: serve --data-dir and serve in memory, each size starting with that many keys`,
  );
  const contenders: Contender[] = [];
  let largest: Record<string, unknown> | undefined;
  try {
    for (const size of SIZES) {
      largest = documentOf(size);
      contenders.push(...(await contendersAt(size, largest)));
    }
    const { create, tag, createCpu, tagCpu } = await measure(contenders);
    const createRatio = medianRatios(create);
    const tagRatio = medianRatios(tag);
    const versus = `dir/dir@${String(SIZES[0])}`;
    const width = versus.length + 2;
    console.log(
      `${'keys'.padStart(7)}${'CreateKey dir'.padStart(15)}${'memory'.padStart(9)}${'dir/mem'.padStart(9)}${versus.padStart(width)}${'TagResource dir'.padStart(17)}${'memory'.padStart(9)}${'dir/mem'.padStart(9)}${versus.padStart(width)}${'server CPU µs/call: create dir, mem; tag dir, mem'.padStart(52)}`,
    );
    for (let i = 0; i < contenders.length; i += 2) {
      const size = contenders[i]?.size ?? NaN;
      console.log(
        `${String(size).padStart(7)}${median(create[i] ?? [])
          .toFixed(0)
          .padStart(15)}${median(create[i + 1] ?? [])
          .toFixed(0)
          .padStart(9)}${createRatio(i, i + 1)
          .toFixed(2)
          .padStart(9)}${createRatio(i, 0).toFixed(2).padStart(width)}` +
          `${median(tag[i] ?? [])
            .toFixed(0)
            .padStart(17)}${median(tag[i + 1] ?? [])
            .toFixed(0)
            .padStart(9)}${tagRatio(i, i + 1)
            .toFixed(2)
            .padStart(9)}${tagRatio(i, 0).toFixed(2).padStart(width)}` +
          `${[createCpu[i], createCpu[i + 1], tagCpu[i], tagCpu[i + 1]]
            .map((v) => (v ?? NaN).toFixed(0))
            .join(', ')
            .padStart(52)}`,
      );
    }
    const last = contenders.length - 2;
    if (last > 0) {
      console.log(
        `at ${String(contenders[last]?.size)} keys with --data-dir: CreateKey ${createRatio(last, 0).toFixed(2)}x its cost at ${String(SIZES[0])} keys (target <=1.50), ${createRatio(last, last + 1).toFixed(2)}x in memory (target <=3.00); ` +
          `TagResource ${tagRatio(last, 0).toFixed(2)}x (target <=1.50), ${tagRatio(last, last + 1).toFixed(2)}x in memory (target <=3.00)`,
      );
    }
  } finally {
    for (const c of contenders) {
      c.kms.destroy();
      await stop(c.server);
      if (c.dir !== undefined) rmSync(c.dir, { recursive: true, force: true });
    }
  }
  if (largest) {
    const { empty, full } = await startup(largest);
    console.log(
      `start-up (until /health answers), median of ${STARTS} interleaved starts: ${full.toFixed(0)} ms on a directory of ${String(SIZES[SIZES.length - 1])} keys, ${empty.toFixed(0)} ms on an empty one`,
    );
  }
}
