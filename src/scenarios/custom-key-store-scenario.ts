import type { ConnectionErrorCodeType, ConnectionStateType, CustomKeyStoreType, XksProxyConnectivityType } from '@aws-sdk/client-kms';
import { KmsVaultMockError } from '../errors/library-error';
import type { CustomKeyStoreRecord, CustomKeyStoreState } from '../vault/custom-key-stores';
import type { KeyRecord } from '../vault/key-record';

/** A simulated CloudHSM cluster, as the state document records it (see `vault.addCloudHsmCluster`). */
export interface ScenarioCloudHsmCluster {
  readonly clusterId: string;
  /** Clusters of one backup history share it (default: the cluster's own id). */
  readonly lineage?: string;
  /** PEM. */
  readonly trustAnchorCertificate: string;
  readonly active?: boolean;
  readonly hsms?: number;
  readonly availabilityZones?: number;
  readonly kmsuserPassword?: string;
  readonly connectionErrorCode?: ConnectionErrorCodeType;
}

/** An external key of a simulated external key manager. */
export interface ScenarioExternalKey {
  readonly id: string;
  /** Base64, 32 bytes. */
  readonly secret: string;
  readonly usable?: boolean;
}

/** A simulated external key store proxy, as the state document records it (see `vault.addXksProxy`). */
export interface ScenarioXksProxy {
  readonly uriEndpoint: string;
  readonly uriPath?: string;
  readonly credential?: { readonly accessKeyId: string; readonly rawSecretAccessKey: string };
  readonly reachable?: boolean;
  /** Only the listed keys exist (default false: any XksKeyId names a key, made on first use). */
  readonly strictKeys?: boolean;
  readonly keys?: readonly ScenarioExternalKey[];
  readonly connectionErrorCode?: ConnectionErrorCodeType;
  /** A real XKS proxy answers for this endpoint at this URL (`vault.addXksProxy(endpoint, { url })`); its keys are not in the document. */
  readonly url?: string;
  /** How long KMS waits for the real proxy, in ms (default 250). */
  readonly timeoutMs?: number;
}

/** A custom key store, as the state document records it. */
export interface ScenarioCustomKeyStore {
  /** `cks-` and 17 hex digits. */
  readonly id: string;
  readonly name: string;
  readonly account?: string;
  readonly region?: string;
  readonly type: CustomKeyStoreType;
  /** ISO 8601. */
  readonly creationDate?: string;
  /** Default DISCONNECTED. */
  readonly connectionState?: ConnectionStateType;
  /** With connectionState FAILED. */
  readonly connectionErrorCode?: ConnectionErrorCodeType;
  /** With connectionState CONNECTING: when the attempt ends (ISO 8601), and the code it fails with, if it does. */
  readonly attempt?: { readonly until: string; readonly errorCode?: ConnectionErrorCodeType };
  readonly cloudHsm?: { readonly clusterId: string; readonly trustAnchorCertificate: string; readonly keyStorePassword: string };
  readonly xks?: {
    readonly connectivity: XksProxyConnectivityType;
    readonly uriEndpoint: string;
    readonly uriPath: string;
    readonly vpcEndpointServiceName?: string;
    readonly vpcEndpointServiceOwner?: string;
    readonly accessKeyId: string;
    readonly rawSecretAccessKey: string;
  };
}

/** The custom key store sections of the state document. */
export interface CustomKeyStoreSections {
  readonly customKeyStores?: readonly ScenarioCustomKeyStore[];
  readonly cloudHsmClusters?: readonly ScenarioCloudHsmCluster[];
  readonly xksProxies?: readonly ScenarioXksProxy[];
}

/** The custom key store fields of a key in the state document. */
export interface CustomKeyStoreKeyFields {
  readonly customKeyStoreId?: string;
  readonly xksKeyId?: string;
  /** A key that is Unavailable: the state it returns to when its store connects. */
  readonly availableState?: 'Enabled' | 'Disabled';
}

/** The sections describing custom key stores, clusters and proxies; empty when the vault has none. */
export function snapshotCustomKeyStores(state: CustomKeyStoreState): CustomKeyStoreSections {
  const clusters: ScenarioCloudHsmCluster[] = [...state.clusters.values()].map((c) => ({
    clusterId: c.clusterId,
    ...(c.lineage !== c.clusterId ? { lineage: c.lineage } : {}),
    trustAnchorCertificate: c.trustAnchorCertificate,
    active: c.active,
    hsms: c.hsms,
    availabilityZones: c.availabilityZones,
    ...(c.kmsuserPassword !== undefined ? { kmsuserPassword: c.kmsuserPassword } : {}),
    ...(c.connectionErrorCode !== undefined ? { connectionErrorCode: c.connectionErrorCode } : {}),
  }));
  const proxies: ScenarioXksProxy[] = [...state.proxies.values()].map((p) => ({
    uriEndpoint: p.uriEndpoint,
    ...(p.uriPath !== undefined ? { uriPath: p.uriPath } : {}),
    ...(p.credential ? { credential: { ...p.credential } } : {}),
    reachable: p.reachable,
    strictKeys: p.strictKeys,
    keys: [...p.keys.values()].map((k) => ({ id: k.id, secret: k.secret.toString('base64'), usable: k.usable })),
    ...(p.connectionErrorCode !== undefined ? { connectionErrorCode: p.connectionErrorCode } : {}),
    ...(p.url !== undefined ? { url: p.url } : {}),
    ...(p.timeoutMs !== undefined ? { timeoutMs: p.timeoutMs } : {}),
  }));
  const stores: ScenarioCustomKeyStore[] = [...state.stores.values()].map((s) => ({
    id: s.id,
    name: s.name,
    account: s.accountId,
    region: s.region,
    type: s.type,
    creationDate: s.creationDate.toISOString(),
    connectionState: s.connectionState,
    ...(s.connectionErrorCode !== undefined ? { connectionErrorCode: s.connectionErrorCode } : {}),
    ...(s.attempt
      ? { attempt: { until: s.attempt.until.toISOString(), ...(s.attempt.errorCode !== undefined ? { errorCode: s.attempt.errorCode } : {}) } }
      : {}),
    ...(s.cloudHsm ? { cloudHsm: { ...s.cloudHsm } } : {}),
    ...(s.xks ? { xks: { ...s.xks } } : {}),
  }));
  return {
    ...(stores.length > 0 ? { customKeyStores: stores } : {}),
    ...(clusters.length > 0 ? { cloudHsmClusters: clusters } : {}),
    ...(proxies.length > 0 ? { xksProxies: proxies } : {}),
  };
}

/** A key's custom key store fields for the state document. */
export function snapshotCustomKeyStoreKey(key: KeyRecord): CustomKeyStoreKeyFields {
  const link = key.customKeyStore;
  if (!link) return {};
  return {
    customKeyStoreId: link.customKeyStoreId,
    ...(link.xksKeyId !== undefined ? { xksKeyId: link.xksKeyId } : {}),
    ...(key.state === 'Unavailable' && link.availableState ? { availableState: link.availableState } : {}),
  };
}

/**
 * Loads clusters, proxies and stores, in a state that lets CreateKey make the document's keys in them
 * (every store CONNECTED, clusters healthy, proxies permissive). Returns what puts them as the document
 * says once the keys exist.
 */
export function loadCustomKeyStores(
  state: CustomKeyStoreState,
  doc: CustomKeyStoreSections,
  defaults: { readonly accountId: string; readonly region: string; readonly now: Date },
): (keys: Iterable<[CustomKeyStoreKeyFields & { readonly state?: string }, KeyRecord]>) => void {
  for (const c of doc.cloudHsmClusters ?? []) {
    state.clusters.set(c.clusterId, {
      clusterId: c.clusterId,
      lineage: c.lineage ?? c.clusterId,
      trustAnchorCertificate: c.trustAnchorCertificate,
      active: true,
      hsms: 2,
      availabilityZones: 2,
    });
  }
  for (const p of doc.xksProxies ?? []) {
    const keys = new Map((p.keys ?? []).map((k) => [k.id, { id: k.id, secret: secretOf(k), usable: true }]));
    state.proxies.set(p.uriEndpoint, { uriEndpoint: p.uriEndpoint, reachable: true, strictKeys: false, keys });
  }
  const final = new Map<CustomKeyStoreRecord, ScenarioCustomKeyStore>();
  for (const s of doc.customKeyStores ?? []) {
    if (state.stores.has(s.id)) throw new KmsVaultMockError(`custom key store '${s.id}' already exists.`);
    if ((s.type === 'AWS_CLOUDHSM') !== (s.cloudHsm !== undefined) || (s.type === 'EXTERNAL_KEY_STORE') !== (s.xks !== undefined)) {
      throw new KmsVaultMockError(
        `custom key store '${s.id}' of type ${s.type} needs ${s.type === 'AWS_CLOUDHSM' ? 'cloudHsm' : 'xks'} settings, and only those.`,
      );
    }
    const record: CustomKeyStoreRecord = {
      id: s.id,
      name: s.name,
      accountId: s.account ?? defaults.accountId,
      region: s.region ?? defaults.region,
      type: s.type,
      creationDate: s.creationDate !== undefined ? new Date(s.creationDate) : defaults.now,
      connectionState: 'CONNECTED',
      ...(s.cloudHsm ? { cloudHsm: { ...s.cloudHsm } } : {}),
      ...(s.xks ? { xks: { ...s.xks } } : {}),
    };
    state.add(record);
    final.set(record, s);
  }
  return (keys) => {
    const keyList = [...keys];
    for (const c of doc.cloudHsmClusters ?? []) {
      const record = state.clusters.get(c.clusterId);
      if (!record) continue;
      Object.assign(record, { active: c.active ?? true, hsms: c.hsms ?? 2, availabilityZones: c.availabilityZones ?? 2 });
      if (c.kmsuserPassword !== undefined) record.kmsuserPassword = c.kmsuserPassword;
      if (c.connectionErrorCode !== undefined) record.connectionErrorCode = c.connectionErrorCode;
    }
    for (const p of doc.xksProxies ?? []) {
      const record = state.proxies.get(p.uriEndpoint);
      if (!record) continue;
      record.reachable = p.reachable ?? true;
      record.strictKeys = p.strictKeys ?? false;
      if (p.uriPath !== undefined) record.uriPath = p.uriPath;
      if (p.credential) record.credential = { ...p.credential };
      if (p.connectionErrorCode !== undefined) record.connectionErrorCode = p.connectionErrorCode;
      if (p.timeoutMs !== undefined) record.timeoutMs = p.timeoutMs;
      if (p.url !== undefined) {
        // The keys were made while the endpoint was simulated: their external keys are the real proxy's, not simulated ones.
        record.url = p.url;
        record.keys.clear();
        for (const s of state.stores.values()) {
          if (s.xks?.uriEndpoint !== p.uriEndpoint) continue;
          for (const [, key] of keyList) {
            if (key.customKeyStore?.customKeyStoreId !== s.id) continue;
            key.materials.forEach(({ externalSecret: _dropped, ...m }, i) => (key.materials[i] = m));
            key.currentMaterial = key.materials.find((m) => m.id === key.currentMaterial.id) ?? key.currentMaterial;
          }
        }
      }
      for (const k of p.keys ?? []) {
        const key = record.keys.get(k.id);
        if (key) key.usable = k.usable ?? true;
      }
    }
    for (const [record, s] of final) {
      record.connectionState = s.connectionState ?? 'DISCONNECTED';
      if (s.connectionErrorCode !== undefined && record.connectionState === 'FAILED') record.connectionErrorCode = s.connectionErrorCode;
      if (s.attempt && record.connectionState === 'CONNECTING')
        record.attempt = { until: new Date(s.attempt.until), ...(s.attempt.errorCode !== undefined ? { errorCode: s.attempt.errorCode } : {}) };
      state.add(record);
    }
    for (const [spec, key] of keyList) {
      const link = key.customKeyStore;
      if (!link) continue;
      if (spec.availableState !== undefined) link.availableState = spec.availableState;
      const store = state.stores.get(link.customKeyStoreId);
      // The outer layer of double encryption is the proxy's external key; the document keeps only KMS's layer in the key.
      const external = link.xksKeyId !== undefined && store?.xks ? state.proxies.get(store.xks.uriEndpoint)?.keys.get(link.xksKeyId) : undefined;
      if (!external) continue;
      for (let i = 0; i < key.materials.length; i++) {
        const m = key.materials[i];
        if (m && !m.externalSecret) key.materials[i] = { ...m, externalSecret: external.secret };
      }
      const current = key.materials.find((m) => m.id === key.currentMaterial.id);
      if (current) key.currentMaterial = current;
    }
  };
}

function secretOf(key: ScenarioExternalKey): Buffer {
  const secret = Buffer.from(key.secret, 'base64');
  if (secret.length !== 32) throw new KmsVaultMockError(`external key '${key.id}' needs a base64 32-byte secret.`);
  return secret;
}
