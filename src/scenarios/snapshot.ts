import type { KeyMaterial, KeyRecord } from '../vault/key-record';
import type { VaultState } from '../vault/vault-state';
import type { Scenario, ScenarioKey, ScenarioMaterial } from './scenario';

/**
 * The whole vault as a scenario: every key with its material, dates, state, tags, aliases and
 * rotation schedule, so a state a test reached can be saved (as JSON or YAML) and loaded as a fixture
 * whose old ciphertexts still decrypt. Holds secrets in clear: for tests only.
 */
export function snapshotState(state: VaultState, name: string): Scenario {
  const keys: ScenarioKey[] = [];
  for (const store of state.allStores()) {
    const aliasesOf = new Map<string, string[]>();
    for (const a of store.aliases.values()) aliasesOf.set(a.targetKeyId, [...(aliasesOf.get(a.targetKeyId) ?? []), a.aliasName]);
    for (const key of store.keys.values()) keys.push(snapshotKey(key, aliasesOf.get(key.keyId) ?? []));
  }
  // Primary keys first, so replicas find them when the snapshot loads.
  keys.sort((a, b) => Number(isReplica(a)) - Number(isReplica(b)));
  return { name, description: `Snapshot of a kms-vault-mock vault`, keys, faults: [] };
}

function isReplica(key: ScenarioKey): boolean {
  return key.multiRegion?.primaryRegion !== undefined && key.multiRegion.primaryRegion !== key.region;
}

function snapshotMaterial(m: KeyMaterial): ScenarioMaterial {
  const i = m.imported;
  return {
    id: m.id,
    secret: m.secret.toString('base64'),
    createdAt: m.createdAt.toISOString(),
    ...(m.rotationType ? { rotationType: m.rotationType } : {}),
    ...(i
      ? {
          import: {
            imported: i.imported,
            ...(i.expirationModel ? { expirationModel: i.expirationModel } : {}),
            ...(i.validTo ? { validTo: i.validTo.toISOString() } : {}),
            ...(i.description !== undefined ? { description: i.description } : {}),
            ...(i.pendingRotation ? { pendingRotation: true } : {}),
          },
        }
      : {}),
  };
}

function snapshotKey(key: KeyRecord, aliases: string[]): ScenarioKey {
  // A PendingImport key is recorded as Enabled: its materials' import state brings it back PendingImport.
  const state = key.state === 'Disabled' || key.state === 'PendingDeletion' ? key.state : 'Enabled';
  const group = key.multiRegionGroup;
  const out: ScenarioKey = {
    ref: group ? `${key.keyId}@${key.region}` : key.keyId,
    keyId: key.keyId,
    account: key.accountId,
    region: key.region,
    description: key.description,
    keySpec: key.keySpec,
    keyUsage: key.keyUsage,
    origin: key.origin,
    ...(key.keyManager === 'AWS' ? { keyManager: 'AWS' as const } : {}),
    state,
    creationDate: key.creationDate.toISOString(),
    policy: key.policy,
    tags: Object.fromEntries(key.tags),
    aliases,
    // A key with Origin EXTERNAL that was never imported into has no material.
    ...(key.materials.length > 0 ? { materials: key.materials.map(snapshotMaterial) } : {}),
  };
  return {
    ...out,
    ...(state === 'PendingDeletion' ? { pendingWindowInDays: key.pendingWindowInDays, deletionDate: key.deletionDate?.toISOString() } : {}),
    ...(key.rotation ? { rotationPeriodInDays: key.rotation.periodDays, nextRotationDate: key.rotation.nextRotationDate.toISOString() } : {}),
    ...(group ? { multiRegion: { primaryRegion: group.primaryRegion } } : {}),
  };
}
