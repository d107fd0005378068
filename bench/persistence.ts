/**
 * Persistence (`serve --data-dir`): the per-call time of CreateKey and TagResource through
 * @aws-sdk/client-kms on loopback, against a data directory and against the same server in memory,
 * at 100, 1,000, 5,000 and 10,000 keys. Both servers are `kms-vault-mock serve` from the build, each
 * in a process of its own, holding the same generated document (written as the directory's state.json,
 * or PUT to /_kms-vault-mock/state in memory): no 10,000 calls to build a vault. Rounds alternate
 * between the two servers, so background load hits both alike; ratios are medians of per-round ratios.
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
      ref: keyId, keyId, account: ACCOUNT, region: REGION, description: `key ${i}`, keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', origin: 'AWS_KMS',
      state: 'Enabled', creationDate: created, policy, tags: { n: String(i) }, aliases: [],
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

interface Point {
  readonly size: number;
  readonly create: { dir: number; memory: number; ratio: number };
  readonly tag: { dir: number; memory: number; ratio: number };
}

/** CreateKey and TagResource per call on a data directory and in memory, both holding `size` keys to begin with. */
async function measureAt(size: number, doc: Record<string, unknown>): Promise<Point> {
  const dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-bench-'));
  writeFileSync(join(dir, 'state.json'), JSON.stringify({ format: 'kms-vault-mock/state', version: 1, savedAt: new Date().toISOString(), state: doc }));
  const onDisk = await serve(['--data-dir', dir]);
  const inMemory = await serve([]);
  try {
    const put = await fetch(`${inMemory.url}/_kms-vault-mock/state`, { method: 'PUT', body: JSON.stringify(doc) });
    if (!put.ok) throw new Error(`PUT state: ${put.status} ${await put.text()}`);
    const clients = [client(onDisk.url), client(inMemory.url)];
    const tagged = (doc.keys as { keyId: string }[])[0]?.keyId as string;
    let n = 0;
    const create = (kms: KMSClient) => (): Promise<unknown> => kms.send(new CreateKeyCommand({}));
    const tag = (kms: KMSClient) => (): Promise<unknown> => kms.send(new TagResourceCommand({ KeyId: tagged, Tags: [{ TagKey: 'round', TagValue: String(n++) }] }));
    for (const kms of clients) for (let i = 0; i < 5; i++) await tag(kms)();
    const creates: number[][] = [[], []];
    const tags: number[][] = [[], []];
    for (let r = 0; r < ROUNDS; r++) {
      for (const [i, kms] of clients.entries()) creates[i]?.push(await perCall(create(kms)));
      for (const [i, kms] of clients.entries()) tags[i]?.push(await perCall(tag(kms)));
    }
    for (const kms of clients) kms.destroy();
    const summary = (samples: number[][]): { dir: number; memory: number; ratio: number } => ({
      dir: median(samples[0] ?? []), memory: median(samples[1] ?? []), ratio: medianRatios(samples)(0, 1),
    });
    return { size, create: summary(creates), tag: summary(tags) };
  } finally {
    await stop(onDisk);
    await stop(inMemory);
    rmSync(dir, { recursive: true, force: true });
  }
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
  console.log(`\npersistence: µs per call through @aws-sdk/client-kms on loopback, median of ${ROUNDS} interleaved rounds x ${CALLS} calls, serve --data-dir against serve in memory holding the same keys`);
  console.log(`${'keys'.padStart(7)}${'CreateKey dir'.padStart(15)}${'memory'.padStart(9)}${'dir/mem'.padStart(9)}${'TagResource dir'.padStart(17)}${'memory'.padStart(9)}${'dir/mem'.padStart(9)}`);
  const points: Point[] = [];
  let largest: Record<string, unknown> | undefined;
  for (const size of SIZES) {
    const doc = documentOf(size);
    largest = doc;
    const p = await measureAt(size, doc);
    points.push(p);
    console.log(`${String(size).padStart(7)}${p.create.dir.toFixed(0).padStart(15)}${p.create.memory.toFixed(0).padStart(9)}${p.create.ratio.toFixed(2).padStart(9)}${p.tag.dir.toFixed(0).padStart(17)}${p.tag.memory.toFixed(0).padStart(9)}${p.tag.ratio.toFixed(2).padStart(9)}`);
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && last !== first) {
    console.log(
      `at ${last.size} keys with --data-dir: CreateKey ${(last.create.dir / first.create.dir).toFixed(2)}x its cost at ${first.size} keys (target <=1.50), ${last.create.ratio.toFixed(2)}x in memory (target <=3.00); ` +
        `TagResource ${(last.tag.dir / first.tag.dir).toFixed(2)}x (target <=1.50), ${last.tag.ratio.toFixed(2)}x in memory (target <=3.00)`,
    );
  }
  if (largest && last) {
    const { empty, full } = await startup(largest);
    console.log(`start-up (until /health answers), median of ${STARTS} interleaved starts: ${full.toFixed(0)} ms on a directory of ${last.size} keys, ${empty.toFixed(0)} ms on an empty one`);
  }
}
