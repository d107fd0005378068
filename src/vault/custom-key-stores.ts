import type { ConnectionErrorCodeType, ConnectionStateType, CustomKeyStoreType, XksProxyConnectivityType } from '@aws-sdk/client-kms';
import type { KeyRecord } from './key-record';
import type { RegionStore } from './vault-state';

/**
 * How long a connection attempt takes on the vault clock before the store is CONNECTED (or FAILED):
 * ConnectCustomKeyStore only starts it (API Reference: "This operation starts the connection process,
 * but it does not wait for it to complete"). CloudHSM key stores take the "up to 20 minutes" the API
 * Reference once gave; external key stores, whose proxy answers one request, a minute.
 */
export const CONNECT_DURATION_MS: Readonly<Record<CustomKeyStoreType, number>> = {
  AWS_CLOUDHSM: 20 * 60_000,
  EXTERNAL_KEY_STORE: 60_000,
};

/** A simulated CloudHSM cluster that CloudHSM key stores are made over (`vault.addCloudHsmCluster`). */
export interface CloudHsmClusterRecord {
  readonly clusterId: string;
  /** Clusters made from one another's backups share a lineage: the same cluster certificate and trust anchor. */
  readonly lineage: string;
  /** PEM of the cluster's trust anchor certificate (customerCA.crt). */
  readonly trustAnchorCertificate: string;
  /** Initialized and active. */
  active: boolean;
  /** Active HSMs. */
  hsms: number;
  /** Availability Zones the HSMs are spread over. */
  availabilityZones: number;
  /** The `kmsuser` password; undefined: any password works. */
  kmsuserPassword?: string;
  /** Every connection attempt fails with this code (injected failure). */
  connectionErrorCode?: ConnectionErrorCodeType;
}

/** An external key in a simulated external key manager. */
export interface ExternalKeyRecord {
  readonly id: string;
  /** The 256-bit AES key: the outer layer of double encryption. */
  readonly secret: Buffer;
  /** An enabled AES-256 key that encrypts and decrypts (XksKeyInvalidConfigurationException otherwise). */
  usable: boolean;
}

/** A simulated external key store proxy and the external key manager behind it (`vault.addXksProxy`). */
export interface XksProxyRecord {
  /** `https://host`, as XksProxyUriEndpoint names it. */
  readonly uriEndpoint: string;
  /** The path its API answers at; undefined: any valid path. */
  uriPath?: string;
  /** The authentication credential it accepts; undefined: any. */
  credential?: { readonly accessKeyId: string; readonly rawSecretAccessKey: string };
  /** False: KMS cannot reach it (XksProxyUriUnreachableException, XKS_PROXY_NOT_REACHABLE). */
  reachable: boolean;
  /** True: only the keys in `keys` exist; false: any XksKeyId names a key, made on first use. */
  strictKeys: boolean;
  readonly keys: Map<string, ExternalKeyRecord>;
  /** Every connection attempt fails with this code (injected failure). */
  connectionErrorCode?: ConnectionErrorCodeType;
  /**
   * A real external key store proxy answers for this endpoint at this URL (`http://127.0.0.1:PORT`):
   * KMS's requests go to it over HTTP, signed with the store's credential, instead of to the simulation.
   */
  url?: string;
  /** How long KMS waits for the real proxy's answer, in ms (default {@link XKS_TIMEOUT_MS}). */
  timeoutMs?: number;
}

/** KMS's time limit for an answer of an external key store proxy (XKS Proxy API: "within 250ms"). */
export const XKS_TIMEOUT_MS = 250;

/** What a CloudHSM key store was told about its cluster. */
export interface CloudHsmSettings {
  clusterId: string;
  readonly trustAnchorCertificate: string;
  keyStorePassword: string;
}

/** What an external key store was told about its proxy. */
export interface XksSettings {
  connectivity: XksProxyConnectivityType;
  uriEndpoint: string;
  uriPath: string;
  vpcEndpointServiceName?: string;
  vpcEndpointServiceOwner?: string;
  accessKeyId: string;
  rawSecretAccessKey: string;
}

/** A custom key store as the vault stores it. */
export interface CustomKeyStoreRecord {
  readonly id: string;
  readonly accountId: string;
  readonly region: string;
  name: string;
  readonly type: CustomKeyStoreType;
  readonly creationDate: Date;
  connectionState: ConnectionStateType;
  /** Set while FAILED. */
  connectionErrorCode?: ConnectionErrorCodeType;
  /** Set while CONNECTING: when the attempt ends, and the error code it ends with (none: CONNECTED). */
  attempt?: { readonly until: Date; readonly errorCode?: ConnectionErrorCodeType };
  readonly cloudHsm?: CloudHsmSettings;
  readonly xks?: XksSettings;
}

/** The tie between a KMS key and the custom key store it lives in. */
export interface CustomKeyStoreLink {
  readonly customKeyStoreId: string;
  /** The external key of a key in an external key store. */
  readonly xksKeyId?: string;
  /** Keys in a CloudHSM key store: the cluster holding the key material (it follows UpdateCustomKeyStore). */
  cloudHsmClusterId?: string;
  /**
   * The state the key returns to when its store is connected again: it is Unavailable meanwhile, and
   * EnableKey or DisableKey take effect only then (Developer Guide, key states, footnote 12).
   */
  availableState?: 'Enabled' | 'Disabled';
}

/**
 * The custom key stores of every account and Region, and the simulated CloudHSM clusters and external
 * key store proxies they are made over.
 */
export class CustomKeyStoreState {
  /** By custom key store id (`cks-` and 17 hex digits), in creation order. */
  readonly stores = new Map<string, CustomKeyStoreRecord>();
  /** By cluster id. */
  readonly clusters = new Map<string, CloudHsmClusterRecord>();
  /** By `uriEndpoint`. */
  readonly proxies = new Map<string, XksProxyRecord>();
  private readonly connecting = new Set<CustomKeyStoreRecord>();

  /** The custom key stores of an account in a Region, in creation order. */
  storesOf(accountId: string, region: string): CustomKeyStoreRecord[] {
    return [...this.stores.values()].filter((s) => s.accountId === accountId && s.region === region);
  }

  /** Adds a store (CreateCustomKeyStore, or a snapshot being loaded). */
  add(store: CustomKeyStoreRecord): void {
    this.stores.set(store.id, store);
    if (store.attempt) this.connecting.add(store);
  }

  /** Removes a store (DeleteCustomKeyStore). */
  remove(store: CustomKeyStoreRecord): void {
    this.stores.delete(store.id);
    this.connecting.delete(store);
  }

  /** Starts a connection attempt: CONNECTING until `until`, then CONNECTED, or FAILED with `errorCode`. */
  beginConnecting(store: CustomKeyStoreRecord, until: Date, errorCode: ConnectionErrorCodeType | undefined): void {
    store.connectionState = 'CONNECTING';
    delete store.connectionErrorCode;
    store.attempt = errorCode === undefined ? { until } : { until, errorCode };
    this.connecting.add(store);
  }

  /** Disconnects a store now; its keys become Unavailable. */
  disconnect(store: CustomKeyStoreRecord, keys: RegionStore | undefined): void {
    this.connecting.delete(store);
    delete store.attempt;
    delete store.connectionErrorCode;
    store.connectionState = 'DISCONNECTED';
    for (const key of keysIn(store, keys)) makeUnavailable(key);
  }

  /** Ends the connection attempts whose time has come by `now`, as KMS does in the background. */
  settle(now: Date, state: { peek(accountId: string, region: string): RegionStore | undefined }): void {
    if (this.connecting.size === 0) return;
    for (const store of this.connecting) {
      const attempt = store.attempt;
      if (!attempt || attempt.until.getTime() > now.getTime()) continue;
      this.connecting.delete(store);
      delete store.attempt;
      if (attempt.errorCode !== undefined) {
        store.connectionState = 'FAILED';
        store.connectionErrorCode = attempt.errorCode;
        continue;
      }
      store.connectionState = 'CONNECTED';
      for (const key of keysIn(store, state.peek(store.accountId, store.region))) makeAvailable(key);
    }
  }
}

/** The KMS keys in a custom key store (they live in its account and Region). */
export function keysIn(store: CustomKeyStoreRecord, keys: RegionStore | undefined): KeyRecord[] {
  if (!keys) return [];
  return [...keys.keys.values()].filter((k) => k.customKeyStore?.customKeyStoreId === store.id);
}

/** Makes a key of a disconnected store Unavailable; keys pending deletion stay so (footnote 13). */
export function makeUnavailable(key: KeyRecord): void {
  const link = key.customKeyStore;
  if (!link || (key.state !== 'Enabled' && key.state !== 'Disabled')) return;
  link.availableState = key.state;
  key.state = 'Unavailable';
}

/** Restores a key of a connected store to the state it had, or was given while Unavailable. */
export function makeAvailable(key: KeyRecord): void {
  const link = key.customKeyStore;
  if (!link || key.state !== 'Unavailable') return;
  key.state = link.availableState ?? 'Enabled';
  delete link.availableState;
}

/**
 * EnableKey and DisableKey: on an Unavailable key the call succeeds but takes effect only when the key
 * is available again (Developer Guide, key states, footnote 12).
 */
export function setKeyEnabled(key: KeyRecord, enabled: boolean): void {
  const state = enabled ? 'Enabled' : 'Disabled';
  if (key.state !== 'Unavailable') {
    key.state = state;
    return;
  }
  if (key.customKeyStore) key.customKeyStore.availableState = state;
}
