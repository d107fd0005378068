import type { KeyMaterial, KeyRecord } from '../vault/key-record';
import type { VaultState } from '../vault/vault-state';
import { snapshotGrants } from './load-authorization';
import { snapshotCustomKeyStoreKey, snapshotCustomKeyStores } from './custom-key-store-scenario';
import { STATE_FORMAT_VERSION, type Scenario, type ScenarioAlias, type ScenarioKey, type ScenarioMaterial, type ScenarioPrincipal } from './scenario';

/**
 * The whole vault as its state document (the scenario format, with a format version): every key with
 * its material, dates, state (transient ones included), tags, aliases with their dates, rotation
 * schedule and on-demand count, multi-Region relations, last usage; the principals with their
 * policies and credentials; the import-token key. `load` of it rebuilds a vault that answers every
 * read as this one. Holds secrets in clear: for tests only.
 */
export function snapshotState(state: VaultState, name: string): Scenario {
  const keys: ScenarioKey[] = [];
  for (const store of state.allStores()) {
    const aliasesOf = new Map<string, ScenarioAlias[]>();
    for (const a of store.aliases.values()) {
      const alias: ScenarioAlias = { name: a.aliasName, creationDate: a.creationDate.toISOString(), lastUpdatedDate: a.lastUpdatedDate.toISOString() };
      aliasesOf.set(a.targetKeyId, [...(aliasesOf.get(a.targetKeyId) ?? []), alias]);
    }
    for (const key of store.keys.values()) keys.push(snapshotKey(state, key, aliasesOf.get(key.keyId) ?? []));
  }
  // Primary keys first, so replicas find them when the snapshot loads.
  keys.sort((a, b) => Number(isReplica(a)) - Number(isReplica(b)));
  return {
    formatVersion: STATE_FORMAT_VERSION,
    name,
    description: `Snapshot of a kms-vault-mock vault`,
    keys,
    faults: [],
    ...snapshotSections(state),
  };
}

/** What a state document holds besides its keys: principals, grants, import-token key, custom key stores. */
export type ScenarioSections = Pick<
  Scenario,
  'principals' | 'grants' | 'retiredGrantTokens' | 'importTokenSecret' | 'customKeyStores' | 'cloudHsmClusters' | 'xksProxies'
>;

/** The sections of the state document other than its keys (persistence journals them apart from keys). */
export function snapshotSections(state: VaultState): ScenarioSections {
  const principals: ScenarioPrincipal[] = [...state.principals.values()].map((p) => ({
    arn: p.caller.arn,
    policies: [...p.policies],
    credentials: { ...p.credentials },
  }));
  const tokenSecret = state.importTokenSecret();
  return {
    principals,
    ...(state.grants.size > 0 ? { grants: snapshotGrants(state.grants.all()) } : {}),
    ...(state.grants.retiredTokens().length > 0 ? { retiredGrantTokens: state.grants.retiredTokens() } : {}),
    ...(tokenSecret ? { importTokenSecret: tokenSecret.toString('base64') } : {}),
    ...snapshotCustomKeyStores(state.customKeyStores),
  };
}

/** Whether a document's key is a replica of a multi-Region key (loaded after its primary). */
export function isReplica(key: ScenarioKey): boolean {
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

/** One key of the state document, with the aliases given (persistence journals keys one at a time). */
export function snapshotKey(vault: VaultState, key: KeyRecord, aliases: ScenarioAlias[]): ScenarioKey {
  const state = key.state;
  const settlesTo = vault.settlesTo(key);
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
    ...(settlesTo === 'Enabled' || settlesTo === 'Disabled' ? { settlesTo } : {}),
    creationDate: key.creationDate.toISOString(),
    policy: key.policy,
    tags: Object.fromEntries(key.tags),
    aliases,
    // A key with Origin EXTERNAL that was never imported into has no material.
    ...(key.materials.length > 0 ? { materials: key.materials.map(snapshotMaterial) } : {}),
  };
  return {
    ...out,
    ...(state === 'PendingDeletion' || state === 'PendingReplicaDeletion' ? { pendingWindowInDays: key.pendingWindowInDays } : {}),
    ...(state === 'PendingDeletion' ? { deletionDate: key.deletionDate?.toISOString() } : {}),
    ...(key.onDemandRotations ? { onDemandRotations: key.onDemandRotations } : {}),
    ...(key.lastUsage ? { lastUsage: { operation: key.lastUsage.operation, time: key.lastUsage.time.toISOString(), requestId: key.lastUsage.requestId } } : {}),
    ...(key.rotation ? { rotationPeriodInDays: key.rotation.periodDays, nextRotationDate: key.rotation.nextRotationDate.toISOString() } : {}),
    ...(group ? { multiRegion: { primaryRegion: group.primaryRegion } } : {}),
    ...snapshotCustomKeyStoreKey(key),
  };
}
