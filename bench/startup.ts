/**
 * Start-up: what requiring the package adds on top of the SDK, against what aws-sdk-client-mock adds,
 * in fresh Node processes (jest loads a test file's modules afresh for every file, so this is paid
 * per test file). Each process times its own requires (the Node boot is the same for all); the three
 * kinds of process alternate, round after round, so background load hits all alike. Needs the build
 * (dist/): `npm run build` first, else the section is skipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './stats';

const ROUNDS = Number(process.env.BENCH_STARTUP_ROUNDS ?? 15);
const root = join(__dirname, '..');

/** Milliseconds a fresh process takes to require `modules`, in order. */
function requireMillis(modules: string[]): number {
  const script = `const t0 = process.hrtime.bigint(); ${modules.map((m) => `require(${JSON.stringify(m)});`).join(' ')} process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));`;
  return Number(
    execFileSync(process.execPath, ['-e', script], { cwd: root, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } }).toString(),
  );
}

/** Prints the median require time of each set of modules, and the cost each library adds to the SDK. */
export function reportStartup(): void {
  const dist = join(root, 'dist', 'index.js');
  if (!existsSync(dist)) {
    console.log('\nstart-up: skipped (no dist/index.js; run npm run build first)');
    return;
  }
  const sets: [string, string[]][] = [
    ['@aws-sdk/client-kms', ['@aws-sdk/client-kms']],
    ['+ aws-sdk-client-mock', ['@aws-sdk/client-kms', 'aws-sdk-client-mock']],
    ['+ kms-vault-mock', ['@aws-sdk/client-kms', dist]],
    ['+ kms-vault-mock/jest', ['@aws-sdk/client-kms', dist, join(root, 'dist', 'jest.js')]],
  ];
  const samples: number[][] = sets.map(() => []);
  for (const [, modules] of sets) requireMillis(modules);
  for (let r = 0; r < ROUNDS; r++) for (const [i, [, modules]] of sets.entries()) samples[i]?.push(requireMillis(modules));
  const medians = samples.map(median);
  const sdk = medians[0] ?? NaN;
  console.log(`\nstart-up: require time in fresh processes, median of ${ROUNDS} interleaved rounds (ms)`);
  console.log(`${'modules'.padEnd(26)}${'require'.padStart(9)}${'added'.padStart(9)}`);
  for (const [i, [name]] of sets.entries()) {
    const ms = medians[i] ?? NaN;
    console.log(`${name.padEnd(26)}${ms.toFixed(1).padStart(9)}${(i === 0 ? '' : (ms - sdk).toFixed(1)).padStart(9)}`);
  }
}
