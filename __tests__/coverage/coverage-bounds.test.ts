import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { KmsVault } from '../../src/kms-vault';
import { COVERAGE_DIR_ENV, flushRunCoverage } from '../../src/coverage/run-coverage';
import type { CoverageReport } from '../../src/coverage/coverage-report';

describe('coverage stays bounded whatever clients send', () => {
  test('only the model\'s enum values are counted; every other value an enum parameter is sent is one (invalid) bucket', () => {
    const vault = new KmsVault({ seed: 1 });
    const keyId = vault.execute('CreateKey', {}).KeyMetadata!.KeyId!;
    for (let i = 0; i < 500; i++) {
      expect(() => vault.execute('Encrypt', { KeyId: keyId, Plaintext: new Uint8Array(1), EncryptionAlgorithm: `<img src=x>${i}` as never })).toThrow();
    }
    vault.execute('Encrypt', { KeyId: keyId, Plaintext: new Uint8Array(1), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    expect(() => vault.execute('CreateKey', { KeySpec: 'NOT_A_SPEC' as never })).toThrow();
    const report = vault.coverage();
    expect(report.operations.Encrypt!.parameters.EncryptionAlgorithm!.used).toEqual({ SYMMETRIC_DEFAULT: 1, '(invalid)': 500 });
    expect(report.encryptionAlgorithms.used).toEqual({ SYMMETRIC_DEFAULT: 1, '(invalid)': 500 });
    expect(Object.keys(report.operations.CreateKey!.parameters.KeySpec!.used)).toEqual(['SYMMETRIC_DEFAULT', '(invalid)']);
  });
});

describe('a coverage run keeps the counts of a vault, not the vault', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvm-cov-'));
  const before = process.env[COVERAGE_DIR_ENV];
  beforeAll(() => {
    process.env[COVERAGE_DIR_ENV] = dir;
  });
  afterAll(() => {
    if (before === undefined) delete process.env[COVERAGE_DIR_ENV];
    else process.env[COVERAGE_DIR_ENV] = before;
    rmSync(dir, { recursive: true, force: true });
  });

  test('a vault no test holds is collected, and its calls are still in the run\'s report', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const refs: WeakRef<KmsVault>[] = [];
    (() => {
      for (let i = 0; i < 3; i++) {
        const vault = new KmsVault();
        const keyId = vault.execute('CreateKey', {}).KeyMetadata!.KeyId!;
        vault.execute('Encrypt', { KeyId: keyId, Plaintext: new Uint8Array(8) });
        refs.push(new WeakRef(vault));
      }
    })();
    for (let i = 0; i < 5 && refs.some((r) => r.deref() !== undefined); i++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    expect(refs.map((r) => r.deref() === undefined)).toEqual([true, true, true]);
    const file = flushRunCoverage();
    expect(file).toBeDefined();
    const report = JSON.parse(readFileSync(file!, 'utf8')) as CoverageReport;
    expect(report.totals.calls).toBe(6);
    expect(report.operations.Encrypt!.calls).toBe(3);
  });
});
