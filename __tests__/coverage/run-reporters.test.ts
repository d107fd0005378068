/**
 * The coverage reporters on real runs: jest with two workers and vitest with two forks, each running
 * generated test files against the sources. Every worker writes its vaults' coverage; the reporter
 * merges them, prints the table and writes coverage.json and index.html.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildSync } from 'esbuild';
import type { CoverageReport } from '../../src/coverage/coverage-report';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const src = join(root, 'src');

/** Two test files that exercise different operations, each noting the worker that ran it. */
function testFiles(dir: string, importLine: string): Record<string, string> {
  const note = (name: string): string => `writeFileSync(join(${JSON.stringify(dir)}, 'worker-${name}.txt'), String(process.pid));`;
  return {
    'symmetric': `${importLine}
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KmsVault } from 'kms-vault-mock';
it('encrypts, then meets a disabled key', () => {
  const vault = new KmsVault();
  const { KeyMetadata } = vault.execute('CreateKey', {});
  const KeyId = KeyMetadata!.KeyId!;
  vault.execute('Encrypt', { KeyId, Plaintext: Buffer.from('a') });
  vault.execute('DisableKey', { KeyId });
  expect(() => vault.execute('Encrypt', { KeyId, Plaintext: Buffer.from('a') })).toThrow(expect.objectContaining({ name: 'DisabledException' }));
  vault.reset();
  vault.execute('ListKeys', {});
  ${note('symmetric')}
});
`,
    'signing': `${importLine}
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KmsVault } from 'kms-vault-mock';
it('signs with an ECC key and fails to decrypt garbage', () => {
  const vault = new KmsVault();
  const { KeyMetadata } = vault.execute('CreateKey', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
  vault.execute('Sign', { KeyId: KeyMetadata!.KeyId!, Message: Buffer.from('m'), SigningAlgorithm: 'ECDSA_SHA_256' });
  expect(() => vault.execute('Decrypt', { CiphertextBlob: Buffer.from('not a ciphertext') })).toThrow(expect.objectContaining({ name: 'InvalidCiphertextException' }));
  ${note('signing')}
});
`,
  };
}

/** This process's environment without what marks it as a jest worker or a coverage run. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.JEST_WORKER_ID;
  delete env.KMS_VAULT_MOCK_COVERAGE_DIR;
  return env;
}

function checkMerged(report: CoverageReport): void {
  expect(report.operations.CreateKey).toMatchObject({ calls: 2, successes: 2 });
  expect(report.operations.Encrypt).toMatchObject({ calls: 2, successes: 1, errors: { DisabledException: 1 } });
  expect(report.operations.Encrypt.documentedErrorsRaised).toEqual(['DisabledException']);
  expect(report.operations.Encrypt.keyStates).toEqual({ Enabled: 1, Disabled: 1 });
  expect(report.operations.Sign.parameters.SigningAlgorithm?.used).toEqual({ ECDSA_SHA_256: 1 });
  expect(report.operations.Decrypt.documentedErrorsRaised).toEqual(['InvalidCiphertextException']);
  expect(report.operations.ListKeys.calls).toBe(1);
  expect(report.keySpecs.used).toMatchObject({ SYMMETRIC_DEFAULT: expect.any(Number), ECC_NIST_P256: expect.any(Number) });
  expect(report.totals.calls).toBe(8);
}

describe('coverage reporters on real multi-process runs', () => {
  jest.setTimeout(180_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-coverage-run-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['-w 2', ['-w', '2'], 2],
    ['--runInBand', ['--runInBand'], 1],
  ] as const)('jest %s: the reporter merges the coverage every worker wrote, prints the table, writes coverage.json and index.html', async (_name, workers, processes) => {
    for (const [name, text] of Object.entries(testFiles(dir, ''))) writeFileSync(join(dir, `${name}.test.ts`), text);
    // The reporter as the package ships it: one CommonJS file (jest loads reporters without transforming them).
    buildSync({ entryPoints: [join(src, 'coverage', 'jest-reporter.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: join(dir, 'reporter.js'), logLevel: 'silent' });
    const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }];
    writeFileSync(join(dir, 'jest.config.js'), `module.exports = ${JSON.stringify({
      rootDir: dir,
      cacheDirectory: join(dir, '.cache'),
      testEnvironment: 'node',
      testMatch: ['<rootDir>/*.test.ts'],
      transform: { '^.+\\.ts$': [require.resolve(swc[0] as string), swc[1]], '/node_modules/@noble/.+\\.js$': [require.resolve('@swc/jest'), { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
      transformIgnorePatterns: ['/node_modules/(?!@noble/)'],
      moduleNameMapper: { '^kms-vault-mock$': join(src, 'index.ts'), },
      setupFilesAfterEnv: [join(src, 'coverage', 'jest-setup.ts')],
      reporters: [[join(dir, 'reporter.js'), { outputDir: join(dir, 'kms-coverage') }]],
    })};\n`);
    const result = await run(process.execPath, [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', join(dir, 'jest.config.js'), ...workers, '--ci'], {
      cwd: dir,
      env: { ...cleanEnv(), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    }).catch((error: { stdout: string; stderr: string }) => error);
    const stdout = result.stdout;
    const pids = new Set(['symmetric', 'signing'].map((n) => readFileSync(join(dir, `worker-${n}.txt`), 'utf8')));
    // With -w 2, two worker processes ran the two files; in band, jest's own process ran both.
    expect(pids.size).toBe(processes);
    const report = JSON.parse(readFileSync(join(dir, 'kms-coverage', 'coverage.json'), 'utf8')) as CoverageReport;
    checkMerged(report);
    expect(stdout).toMatch(/KMS coverage: 6 of \d+ operations called; 8 calls \(6 succeeded, 2 failed\)/);
    expect(stdout).toMatch(/Encrypt\s+2\s+1\s+1\s+1\/9/);
    expect(readFileSync(join(dir, 'kms-coverage', 'index.html'), 'utf8')).toContain('<td>Sign</td>');
  });

  it('vitest with two forks: the reporter merges the coverage every fork wrote and writes the report', async () => {
    for (const [name, text] of Object.entries(testFiles(dir, "import { it, expect } from 'vitest';"))) writeFileSync(join(dir, `${name}.vitest.ts`), text);
    writeFileSync(join(dir, 'vitest.config.mjs'), `import KmsCoverageReporter from ${JSON.stringify(join(src, 'coverage', 'vitest-reporter.ts'))};
export default {
  resolve: { alias: [{ find: /^kms-vault-mock$/, replacement: ${JSON.stringify(join(src, 'index.ts'))} }] },
  test: {
    root: ${JSON.stringify(dir)},
    include: ['*.vitest.ts'],
    setupFiles: [${JSON.stringify(join(src, 'coverage', 'vitest-setup.ts'))}],
    reporters: [new KmsCoverageReporter({ outputDir: ${JSON.stringify(join(dir, 'kms-coverage'))} })],
    pool: 'forks',
    poolOptions: { forks: { minForks: 2, maxForks: 2 } },
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
};
`);
    const result = await run(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', join(dir, 'vitest.config.mjs')], {
      cwd: root,
      env: { ...cleanEnv(), CI: 'true' },
    }).catch((error: { stdout: string; stderr: string }) => error);
    const pids = new Set(['symmetric', 'signing'].map((n) => readFileSync(join(dir, `worker-${n}.txt`), 'utf8')));
    expect(pids.size).toBe(2);
    const report = JSON.parse(readFileSync(join(dir, 'kms-coverage', 'coverage.json'), 'utf8')) as CoverageReport;
    checkMerged(report);
    expect(result.stdout).toMatch(/KMS coverage: 6 of \d+ operations called; 8 calls/);
  });
});
