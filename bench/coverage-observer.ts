/**
 * The cost of the coverage observer on the hot path: 20,000 Encrypt calls through vault.execute on a
 * vault with its 'coverage' observer and on one without it, interleaved over rounds; prints the
 * median per-call time of each and their ratio. `npx tsx bench/coverage-observer.ts`
 */
import { CreateKeyCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin } from '../src';

const CALLS = 20_000;
const ROUNDS = 7;

function vault(withCoverage: boolean): { run: () => number } {
  const v = new KmsVault({ seed: 'bench', historyLimit: 1000 });
  if (!withCoverage) v.observers.remove('coverage');
  const KeyId = v.execute('CreateKey', {}).KeyMetadata!.KeyId!;
  const Plaintext = Buffer.alloc(32, 1);
  return {
    run: () => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < CALLS; i++) v.execute('Encrypt', { KeyId, Plaintext });
      return Number(process.hrtime.bigint() - start) / CALLS / 1000;
    },
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const on = vault(true);
const off = vault(false);
on.run();
off.run();
const a: number[] = [];
const b: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  if (r % 2 === 0) {
    a.push(on.run());
    b.push(off.run());
  } else {
    b.push(off.run());
    a.push(on.run());
  }
}
console.log(
  `Encrypt via vault.execute, ${CALLS} calls x ${ROUNDS} rounds (median µs/call): with coverage ${median(a).toFixed(2)}, without ${median(b).toFixed(2)}, ratio ${(median(a) / median(b)).toFixed(3)}`,
);

// The observer alone, on a real Encrypt event: what it adds per call, independent of the machine's load on Encrypt itself.
{
  const v = new KmsVault({ seed: 'bench' });
  let event: Parameters<Parameters<typeof v.observers.add>[1]>[0] | undefined;
  v.observers.add('capture', (e) => {
    event = e;
  });
  const KeyId = v.execute('CreateKey', {}).KeyMetadata!.KeyId!;
  v.execute('Encrypt', { KeyId, Plaintext: Buffer.alloc(32, 1) });
  const coverage = [...v.observers].find((o) => o.name === 'coverage')!.observe;
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < 1_000_000; i++) coverage(event!);
    times.push(Number(process.hrtime.bigint() - start) / 1_000_000);
  }
  console.log(`the coverage observer alone on an Encrypt event: ${median(times).toFixed(0)} ns per call (median of ${ROUNDS} rounds of 1,000,000)`);
}

// As `npm run bench` measures per call: Encrypt (32 B) through a KMSClient with the vault's plugin,
// 21 rounds x 1000 sequential calls alternating between a vault with the observer and one without;
// the median of the per-round ratios.
void (async () => {
  const clients = [true, false].map((withCoverage) => {
    const v = new KmsVault({ historyLimit: 1000 });
    if (!withCoverage) v.observers.remove('coverage');
    const client = new KMSClient({ region: 'us-east-1' });
    client.middlewareStack.use(vaultPlugin(v));
    return { v, client };
  });
  const keys = await Promise.all(
    clients.map(async ({ client }) => {
      const { KeyMetadata } = await client.send(new CreateKeyCommand({}));
      return KeyMetadata!.KeyId!;
    }),
  );
  const Plaintext = new Uint8Array(32).fill(7);
  const round = async (i: number): Promise<number> => {
    const start = process.hrtime.bigint();
    for (let n = 0; n < 1000; n++) await clients[i]!.client.send(new EncryptCommand({ KeyId: keys[i]!, Plaintext }));
    return Number(process.hrtime.bigint() - start) / 1000 / 1000;
  };
  await round(0);
  await round(1);
  const ratios: number[] = [];
  const micros: [number[], number[]] = [[], []];
  for (let r = 0; r < 21; r++) {
    for (const c of clients) c.v.clearHistory();
    // The order alternates, so that drift and background load hit both alike.
    const [a, b] = r % 2 === 0 ? [await round(0), await round(1)] : ([await round(1), await round(0)].reverse() as [number, number]);
    micros[0].push(a);
    micros[1].push(b);
    ratios.push(a / b);
  }
  console.log(
    `Encrypt (32 B) through a KMSClient, 21 rounds x 1000 calls: with coverage ${median(micros[0]).toFixed(1)} µs, without ${median(micros[1]).toFixed(1)} µs, median ratio ${median(ratios).toFixed(3)}`,
  );
})();
