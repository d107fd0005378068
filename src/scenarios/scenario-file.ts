import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { KmsVaultMockError } from '../errors/library-error';
import { lazyRequire } from '../lazy-require';
import { defineScenario } from './define-scenario';
import type { Scenario } from './scenario';
import { validateScenario } from './validate-scenario';

/** yaml, loaded with the first scenario file rather than with the package. */
const yaml = lazyRequire<typeof import('yaml')>('yaml');

/**
 * Reads a scenario from a `.json`, `.yaml` or `.yml` file, checked against the scenario format
 * (`kms-vault-mock/schema/scenario.schema.json`): an unknown field or value is a `KmsVaultMockError`
 * naming the file, the path and the allowed values; a missing or unreadable file is a
 * `KmsVaultMockError` too, never a raw `ENOENT`.
 */
export function loadScenarioFile(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code ?? (error as Error).message})`;
    throw new KmsVaultMockError(
      `Scenario file ${path} ${why} (resolved against ${process.cwd()}). Create it, or pass a path to an existing .json, .yaml or .yml file; a built-in scenario is loaded with vault.load(scenarios['<name>']).`,
    );
  }
  const ext = extname(path).toLowerCase();
  let data: unknown;
  try {
    data = ext === '.json' ? JSON.parse(text) : yaml().parse(text);
  } catch (error) {
    throw new KmsVaultMockError(`Scenario file ${path} is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new KmsVaultMockError(`Scenario file ${path} must hold an object with a name.`);
  const scenario = validateScenario(data, `Scenario file ${path}`);
  // defineScenario checks names and refs; the document's other sections (a snapshot's) stay as they are.
  return { ...scenario, ...defineScenario(scenario) };
}

/** A scenario as YAML text (what `vault.snapshot()` returns can be saved this way). */
export function scenarioToYaml(scenario: Scenario): string {
  return yaml().stringify(scenario);
}
