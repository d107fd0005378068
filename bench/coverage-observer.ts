/**
 * The cost of the coverage observer on the hot path: 20,000 Encrypt calls through vault.execute on a
 * vault with its 'coverage' observer and on one without it, interleaved over rounds; prints the
 * median per-call time of each and their ratio. `npx tsx bench/coverage-observer.ts`
 */
import { KmsVault } from '../src';

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
console.log(`Encrypt via vault.execute, ${CALLS} calls x ${ROUNDS} rounds (median µs/call): with coverage ${median(a).toFixed(2)}, without ${median(b).toFixed(2)}, ratio ${(median(a) / median(b)).toFixed(3)}`);

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
