/**
 * Issue 18's stumbles that were the product's: each mistake a newcomer makes gets a library error
 * that says what to do, instead of a raw Node error, a silent no-op or an unrelated failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KmsVault, KmsVaultMockError, loadScenarioFile } from '../../src';

describe('a newcomer mistake is a library error that says what to do', () => {
  it('loadScenarioFile on a missing file: KmsVaultMockError naming the file (not a raw ENOENT)', () => {
    let error: unknown;
    try {
      loadScenarioFile('fixtures/no-such-fixture.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KmsVaultMockError);
    expect((error as Error).message).toMatch(/^Scenario file fixtures\/no-such-fixture\.yaml does not exist \(resolved against .+\)\. Create it/);
    expect((error as NodeJS.ErrnoException).code).toBeUndefined();
  });

  it('loadScenarioFile on a directory: KmsVaultMockError saying it is a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvm-scenario-dir-'));
    try {
      expect(() => loadScenarioFile(dir)).toThrow(new KmsVaultMockError(`Scenario file ${dir} is a directory, not a file (resolved against ${process.cwd()}). Create it, or pass a path to an existing .json, .yaml or .yml file; a built-in scenario is loaded with vault.load(scenarios['<name>']).`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an unknown KmsVault option is a KmsVaultMockError with \"did you mean 'seed'\" (not silently ignored)", () => {
    const options: Record<string, unknown> = { seeed: 'x' };
    expect(() => new KmsVault(options)).toThrow(KmsVaultMockError);
    expect(() => new KmsVault(options)).toThrow("KmsVault has no option 'seeed' (did you mean 'seed'?); its options are accountId, region, seed, clock, historyLimit, recordSecrets, grantPropagationSeconds.");
    expect(() => new KmsVault({ historylimit: 5 } as Record<string, unknown>)).toThrow("(did you mean 'historyLimit'?)");
    expect(() => new KmsVault({ colour: 'red' } as Record<string, unknown>)).toThrow(/^KmsVault has no option 'colour'; its options are /);
  });

  it('every documented option is still accepted', () => {
    const vault = new KmsVault({ accountId: '111122223333', region: 'eu-west-1', seed: 1, clock: new Date(0), historyLimit: 10, recordSecrets: true, grantPropagationSeconds: 5 });
    expect(vault.region).toBe('eu-west-1');
  });

  it("kms-vault-mock/jest imported in a vitest run (no jest expect, vitest's global expect present) throws a hint to use kms-vault-mock/vitest", () => {
    const globals = globalThis as unknown as Record<string | symbol, unknown>;
    const jestExpect = globals['expect'];
    const vitestKey = Symbol.for('expect-global');
    const hadVitest = vitestKey in globals;
    const vitestExpect = Object.assign(() => undefined, { extend: jest.fn() });
    globals['expect'] = undefined;
    globals[vitestKey] = vitestExpect;
    let error: unknown;
    try {
      jest.isolateModules(() => {
        try {
          // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the module, loaded under the faked globals
          require('../../src/matchers/jest');
        } catch (e) {
          error = e;
        }
      });
    } finally {
      globals['expect'] = jestExpect;
      if (!hadVitest) delete globals[vitestKey];
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('KmsVaultMockError');
    expect((error as Error).message).toContain("Use import 'kms-vault-mock/vitest' instead");
    expect(vitestExpect.extend).not.toHaveBeenCalled();
  });
});
