import { KmsVaultMockError } from '../errors/library-error';
import type { Scenario } from './scenario';

/**
 * Declares a scenario, checking its shape; `extends` composes others first (their keys and faults,
 * then this one's), like a story built on other stories.
 */
export function defineScenario(spec: Scenario & { readonly extends?: readonly Scenario[] }): Scenario {
  if (!spec || typeof spec.name !== 'string' || spec.name.length === 0) {
    throw new KmsVaultMockError('A scenario needs a non-empty name.');
  }
  const bases = spec.extends ?? [];
  const scenario: Scenario = {
    name: spec.name,
    description: spec.description,
    keys: [...bases.flatMap((b) => b.keys ?? []), ...(spec.keys ?? [])],
    faults: [...bases.flatMap((b) => b.faults ?? []), ...(spec.faults ?? [])],
  };
  const refs = new Set<string>();
  for (const key of scenario.keys ?? []) {
    const ref = key.ref ?? key.keyId;
    if (ref === undefined) continue;
    const id = `${key.account ?? ''}/${key.region ?? ''}/${ref}`;
    if (refs.has(id)) throw new KmsVaultMockError(`Scenario '${spec.name}' names key '${ref}' twice; give each key its own ref.`);
    refs.add(id);
  }
  const names = new Set<string>();
  for (const c of (scenario.keys ?? []).flatMap((k) => k.ciphertexts ?? [])) {
    if (names.has(c.name)) throw new KmsVaultMockError(`Scenario '${spec.name}' names ciphertext '${c.name}' twice.`);
    names.add(c.name);
  }
  return scenario;
}

/** Several scenarios as one (keys and faults in order). */
export function composeScenarios(name: string, ...scenarios: readonly Scenario[]): Scenario {
  return defineScenario({ name, description: scenarios.map((s) => s.name).join(' + '), extends: scenarios });
}
