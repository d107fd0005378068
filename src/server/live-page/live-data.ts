import type { KmsVault } from '../../kms-vault';
import { explanationOf } from '../../auth/authorize';
import type { KeyRecord } from '../../vault/key-record';
import type { RegionStore } from '../../vault/vault-state';

/**
 * What the live page shows, read from a vault: only what KMS itself would show a caller or write to
 * a log (metadata, policies, tags, grants, principals' access key ids, call outcomes). Never key
 * material, plaintexts, private keys, shared secrets, secret access keys, key store passwords, XKS
 * proxy credentials or grant tokens: each view is built field by field, nothing is copied whole.
 */

/** Most keys one page of the key list holds. */
export const MAX_PAGE = 200;
const RECENT_CALLS = 100;

/** Per vault, its calls so far: read once from its coverage, then counted by an observer (the page asks every second). */
const callCounts = new WeakMap<KmsVault, { n: number }>();
const CALL_COUNTER = 'live-view-calls';

function callsOf(vault: KmsVault): number {
  let count = callCounts.get(vault);
  if (count === undefined) {
    const counter = { n: vault.coverage().totals.calls };
    count = counter;
    callCounts.set(vault, counter);
    if (!vault.observers.has(CALL_COUNTER)) vault.observers.add(CALL_COUNTER, () => void counter.n++);
  }
  return count.n;
}

export interface KeySummary {
  readonly keyId: string;
  readonly arn: string;
  readonly accountId: string;
  readonly region: string;
  readonly description: string;
  readonly keySpec: string;
  readonly keyUsage: string;
  readonly keyState: string;
  readonly origin: string;
  readonly keyManager: string;
  readonly creationDate: string;
  readonly deletionDate?: string;
  readonly aliases: readonly string[];
  readonly tagCount: number;
  readonly rotation: { readonly enabled: boolean; readonly periodDays?: number; readonly nextRotationDate?: string; readonly versions: number };
  readonly multiRegion?: { readonly primaryRegion: string; readonly regions: readonly string[] };
  readonly customKeyStoreId?: string;
  readonly lastUsage?: { readonly operation: string; readonly time: string };
}

function aliasesByKey(store: RegionStore): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const alias of store.aliases.values()) {
    const list = byKey.get(alias.targetKeyId);
    if (list) list.push(alias.aliasName);
    else byKey.set(alias.targetKeyId, [alias.aliasName]);
  }
  return byKey;
}

function summary(key: KeyRecord, aliases: readonly string[]): KeySummary {
  return {
    keyId: key.keyId,
    arn: key.arn,
    accountId: key.accountId,
    region: key.region,
    description: key.description,
    keySpec: key.keySpec,
    keyUsage: key.keyUsage,
    keyState: key.state,
    origin: key.origin,
    keyManager: key.keyManager,
    creationDate: key.creationDate.toISOString(),
    ...(key.deletionDate ? { deletionDate: key.deletionDate.toISOString() } : {}),
    aliases,
    tagCount: key.tags.size,
    rotation: {
      enabled: key.rotation !== undefined,
      ...(key.rotation ? { periodDays: key.rotation.periodDays, nextRotationDate: key.rotation.nextRotationDate.toISOString() } : {}),
      versions: key.materials.length,
    },
    ...(key.multiRegionGroup ? { multiRegion: { primaryRegion: key.multiRegionGroup.primaryRegion, regions: [...key.multiRegionGroup.members.keys()] } } : {}),
    ...(key.customKeyStore ? { customKeyStoreId: key.customKeyStore.customKeyStoreId } : {}),
    ...(key.lastUsage ? { lastUsage: { operation: key.lastUsage.operation, time: key.lastUsage.time.toISOString() } } : {}),
  };
}

/** A page of keys, in creation order per account and region, filtered by `q` (id, ARN, alias, description, spec, state). */
export function keysPage(
  vault: KmsVault,
  options: { readonly offset?: number; readonly limit?: number; readonly q?: string },
): {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly keys: readonly KeySummary[];
} {
  const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(options.limit ?? 50) || 50));
  const offset = Math.max(0, Math.floor(options.offset ?? 0) || 0);
  const q = (options.q ?? '').trim().toLowerCase();
  const keys: KeySummary[] = [];
  let total = 0;
  for (const store of vault.state.allStores()) {
    if (store.keys.size === 0) continue;
    const aliases = aliasesByKey(store);
    for (const key of store.keys.values()) {
      const names = aliases.get(key.keyId) ?? [];
      if (q !== '' && !matches(key, names, q)) continue;
      if (total >= offset && keys.length < limit) keys.push(summary(key, names));
      total++;
    }
  }
  return { total, offset, limit, keys };
}

function matches(key: KeyRecord, aliases: readonly string[], q: string): boolean {
  return (
    key.arn.toLowerCase().includes(q) ||
    key.description.toLowerCase().includes(q) ||
    key.keySpec.toLowerCase() === q ||
    key.state.toLowerCase() === q ||
    key.keyUsage.toLowerCase() === q ||
    aliases.some((a) => a.toLowerCase().includes(q))
  );
}

/** One key in full: its summary, tags, policy, grants and key material versions (ids and dates, never the material). */
export function keyDetail(vault: KmsVault, id: string): object | undefined {
  let key = vault.state.keyByArn(id);
  if (!key) {
    for (const store of vault.state.allStores()) {
      key = store.keys.get(id) ?? (store.aliases.get(id) ? store.keys.get(store.aliases.get(id)!.targetKeyId) : undefined);
      if (key) break;
    }
  }
  if (!key) return undefined;
  const store = vault.state.peek(key.accountId, key.region);
  const aliases = store ? (aliasesByKey(store).get(key.keyId) ?? []) : [];
  let policy: unknown = key.policy;
  try {
    policy = JSON.parse(key.policy);
  } catch {
    // Shown as the text it is.
  }
  return {
    ...summary(key, aliases),
    tags: Object.fromEntries(key.tags),
    policy,
    grants: vault.state.grants.ofKey(key.arn).map(grantView),
    keyMaterials: key.materials.map((m) => ({
      keyMaterialId: m.id,
      createdAt: m.createdAt.toISOString(),
      current: m === key.currentMaterial,
      ...(m.rotationType ? { rotationType: m.rotationType } : {}),
      ...(m.imported ? { imported: m.imported.imported, ...(m.imported.validTo ? { validTo: m.imported.validTo.toISOString() } : {}) } : {}),
    })),
  };
}

function grantView(g: {
  grantId: string;
  keyArn: string;
  name?: string;
  creationDate: Date;
  granteePrincipal: string;
  retiringPrincipal?: string;
  issuingAccount: string;
  operations: readonly string[];
  constraints?: object;
}): object {
  return {
    grantId: g.grantId,
    keyArn: g.keyArn,
    ...(g.name !== undefined ? { name: g.name } : {}),
    creationDate: g.creationDate.toISOString(),
    granteePrincipal: g.granteePrincipal,
    ...(g.retiringPrincipal !== undefined ? { retiringPrincipal: g.retiringPrincipal } : {}),
    issuingAccount: g.issuingAccount,
    operations: g.operations,
    ...(g.constraints ? { constraints: g.constraints } : {}),
  };
}

/** The key a recorded call names (its input's KeyId, or the key its output names). */
function keyOfCall(input: unknown, output: unknown): string | undefined {
  for (const v of [
    (input as { KeyId?: unknown } | undefined)?.KeyId,
    (input as { TargetKeyId?: unknown } | undefined)?.TargetKeyId,
    (output as { KeyId?: unknown } | undefined)?.KeyId,
  ]) {
    if (typeof v === 'string') return v;
  }
  const arn = (output as { KeyMetadata?: { Arn?: unknown } } | undefined)?.KeyMetadata?.Arn;
  return typeof arn === 'string' ? arn : undefined;
}

/** Everything but the key list: counts, principals, custom key stores, grants (the first 200) and the latest calls, newest first. */
export function overview(vault: KmsVault): object {
  let keys = 0;
  let aliases = 0;
  const states: Record<string, number> = {};
  for (const store of vault.state.allStores()) {
    keys += store.keys.size;
    aliases += store.aliases.size;
    for (const key of store.keys.values()) states[key.state] = (states[key.state] ?? 0) + 1;
  }
  const grants: object[] = [];
  let grantCount = 0;
  for (const g of vault.state.grants.all()) {
    if (grants.length < MAX_PAGE) grants.push(grantView(g));
    grantCount++;
  }
  const history = vault.history;
  const calls: object[] = [];
  for (let i = history.length - 1; i >= 0 && calls.length < RECENT_CALLS; i--) {
    const c = history[i]!;
    const explanation = explanationOf(c.error);
    const keyId = keyOfCall(c.input, c.output);
    calls.push({
      time: c.time.toISOString(),
      operation: c.operation,
      caller: c.caller,
      region: c.region,
      requestId: c.requestId,
      ...(keyId !== undefined ? { keyId } : {}),
      outcome: c.error ? c.error.name : 'OK',
      ...(c.error ? { message: c.error.message } : {}),
      ...(explanation
        ? { denial: { summary: explanation.summary, reason: explanation.reason, action: explanation.action, statements: explanation.statements } }
        : {}),
    });
  }
  return {
    accountId: vault.accountId,
    region: vault.region,
    vaultTime: vault.clock.now().toISOString(),
    totalCalls: callsOf(vault),
    counts: {
      keys,
      aliases,
      grants: grantCount,
      principals: vault.state.principals.size,
      customKeyStores: vault.state.customKeyStores.stores.size,
      keyStates: states,
    },
    principals: [...vault.state.principals.values()].slice(0, MAX_PAGE).map((p) => ({
      arn: p.caller.arn,
      type: p.caller.type,
      accountId: p.caller.accountId,
      accessKeyId: p.credentials.accessKeyId,
      identityPolicies: p.policies.length,
    })),
    customKeyStores: [...vault.state.customKeyStores.stores.values()].slice(0, MAX_PAGE).map((s) => ({
      customKeyStoreId: s.id,
      name: s.name,
      type: s.type,
      accountId: s.accountId,
      region: s.region,
      connectionState: s.connectionState,
      ...(s.connectionErrorCode ? { connectionErrorCode: s.connectionErrorCode } : {}),
      creationDate: s.creationDate.toISOString(),
      ...(s.cloudHsm ? { cloudHsmClusterId: s.cloudHsm.clusterId } : {}),
      ...(s.xks ? { xksProxyUriEndpoint: s.xks.uriEndpoint, xksProxyUriPath: s.xks.uriPath, xksProxyConnectivity: s.xks.connectivity } : {}),
    })),
    grants,
    calls,
  };
}
