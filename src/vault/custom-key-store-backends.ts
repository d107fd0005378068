import type { ConnectionErrorCodeType } from '@aws-sdk/client-kms';
import { keyPairFromSeed } from '../crypto/key-pair';
import { buildCertificate, certificatePem } from '../crypto/x509';
import { KmsVaultMockError } from '../errors/library-error';
import type { CloudHsmClusterRecord, CustomKeyStoreState, ExternalKeyRecord, XksProxyRecord } from './custom-key-stores';
import type { RandomSource } from './random';

/** Options of `vault.addCloudHsmCluster`. Adding a cluster id again changes these and keeps its trust anchor. */
export interface CloudHsmClusterOptions {
  /** A cluster made from a backup of this cluster: it shares its certificate and trust anchor (a related cluster). */
  readonly backupOf?: string;
  /** Initialized and active (default true); false gives CloudHsmClusterNotActiveException. */
  readonly active?: boolean;
  /** Active HSMs (default 2). KMS needs 2 in different Availability Zones to create key stores and keys, 1 to connect. */
  readonly hsms?: number;
  /** Availability Zones the HSMs are spread over (default: as many as HSMs, at most 2). */
  readonly availabilityZones?: number;
  /** The `kmsuser` password the cluster has; a key store with another KeyStorePassword fails to connect (INVALID_CREDENTIALS). Default: any password works. */
  readonly kmsuserPassword?: string;
  /** Make every ConnectCustomKeyStore to this cluster fail with this ConnectionErrorCode (USER_LOGGED_IN, SUBNET_NOT_FOUND, ...). */
  readonly connectionErrorCode?: ConnectionErrorCodeType;
}

/** A simulated CloudHSM cluster, as `vault.addCloudHsmCluster` returns it. */
export interface CloudHsmCluster {
  readonly clusterId: string;
  /** The cluster's trust anchor certificate (customerCA.crt), PEM: pass it to CreateCustomKeyStore. */
  readonly trustAnchorCertificate: string;
  readonly active: boolean;
  readonly hsms: number;
  readonly availabilityZones: number;
}

/** One external key of a simulated external key manager. */
export interface ExternalKeyOptions {
  readonly id: string;
  /** False: not an enabled AES-256 encryption key (CreateKey gives XksKeyInvalidConfigurationException). Default true. */
  readonly usable?: boolean;
}

/** Options of `vault.addXksProxy`. Adding an endpoint again changes these and keeps its external keys. */
export interface XksProxyOptions {
  /** The path the proxy answers at (XksProxyUriPath). Default: any valid path. */
  readonly uriPath?: string;
  /** The proxy authentication credential it accepts. Default: any. */
  readonly credential?: { readonly accessKeyId: string; readonly rawSecretAccessKey: string };
  /** The external keys it has; when given, other XksKeyIds give XksKeyNotFoundException. Default: any id names a key, made on first use. */
  readonly keys?: readonly (string | ExternalKeyOptions)[];
  /** False: KMS cannot reach it (XksProxyUriUnreachableException, XKS_PROXY_NOT_REACHABLE). Default true. */
  readonly reachable?: boolean;
  /** Make every ConnectCustomKeyStore through this proxy fail with this ConnectionErrorCode (XKS_PROXY_TIMED_OUT, ...). */
  readonly connectionErrorCode?: ConnectionErrorCodeType;
  /**
   * A real XKS proxy answers for this endpoint at this `http://` or `https://` URL (a loopback address
   * such as `startXksProxy`'s `url`): KMS then sends it the XKS Proxy API requests, SigV4-signed with the
   * store's credential, and `uriPath`, `credential`, `keys` and `reachable` are the real proxy's business.
   */
  readonly url?: string;
  /** How long KMS waits for the real proxy, in ms. Default 250, KMS's limit. */
  readonly timeoutMs?: number;
}

/** A simulated external key store proxy, as `vault.addXksProxy` returns it. */
export interface XksProxy {
  readonly uriEndpoint: string;
  readonly uriPath?: string;
  /** The real proxy this endpoint forwards to, if any. */
  readonly url?: string;
  /** The ids of its external keys so far. */
  readonly keys: readonly string[];
}

const CLUSTER_ID = /^cluster-[2-7a-zA-Z]{11,16}$/;
const ENDPOINT = /^https:\/\/[a-zA-Z0-9.-]+$/;
const CONNECTION_ERROR_CODES = new Set<string>([
  'INVALID_CREDENTIALS',
  'CLUSTER_NOT_FOUND',
  'NETWORK_ERRORS',
  'INTERNAL_ERROR',
  'INSUFFICIENT_CLOUDHSM_HSMS',
  'USER_LOCKED_OUT',
  'USER_NOT_FOUND',
  'USER_LOGGED_IN',
  'SUBNET_NOT_FOUND',
  'INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET',
  'XKS_PROXY_ACCESS_DENIED',
  'XKS_PROXY_NOT_REACHABLE',
  'XKS_VPC_ENDPOINT_SERVICE_NOT_FOUND',
  'XKS_PROXY_INVALID_RESPONSE',
  'XKS_PROXY_INVALID_CONFIGURATION',
  'XKS_VPC_ENDPOINT_SERVICE_INVALID_CONFIGURATION',
  'XKS_PROXY_TIMED_OUT',
  'XKS_PROXY_INVALID_TLS_CONFIGURATION',
]);

/** A trust anchor valid from 2020 to 2045, so a frozen or advanced vault clock never outlives it. */
const ANCHOR_VALIDITY = { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2045-01-01T00:00:00Z') };

/**
 * Registers (or changes) a simulated CloudHSM cluster. A new cluster gets a real self-signed trust
 * anchor certificate (Ed25519, from the vault's randomness, so a seeded vault repeats it); a backup's
 * cluster shares its origin's.
 */
export function addCloudHsmCluster(state: CustomKeyStoreState, random: RandomSource, clusterId: string, options: CloudHsmClusterOptions = {}): CloudHsmCluster {
  if (!CLUSTER_ID.test(clusterId))
    throw new KmsVaultMockError(`'${clusterId}' is not a CloudHSM cluster id: use 'cluster-' and 11 to 16 letters or digits 2-7, like 'cluster-234a5bcdefg'.`);
  checkErrorCode(options.connectionErrorCode);
  for (const [name, value] of [
    ['hsms', options.hsms],
    ['availabilityZones', options.availabilityZones],
  ] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0))
      throw new KmsVaultMockError(`addCloudHsmCluster option ${name} must be a whole number, 0 or more.`);
  }
  let record = state.clusters.get(clusterId);
  if (!record) {
    let lineage = clusterId;
    let anchor: string;
    if (options.backupOf !== undefined) {
      const origin = state.clusters.get(options.backupOf);
      if (!origin)
        throw new KmsVaultMockError(`addCloudHsmCluster: backupOf names no cluster the vault knows ('${options.backupOf}'). Add that cluster first.`);
      lineage = origin.lineage;
      anchor = origin.trustAnchorCertificate;
    } else {
      anchor = trustAnchorFor(clusterId, random);
    }
    record = { clusterId, lineage, trustAnchorCertificate: anchor, active: true, hsms: 2, availabilityZones: 2 };
    state.clusters.set(clusterId, record);
  }
  if (options.active !== undefined) record.active = options.active;
  if (options.hsms !== undefined) {
    record.hsms = options.hsms;
    if (options.availabilityZones === undefined) record.availabilityZones = Math.min(options.hsms, 2);
  }
  if (options.availabilityZones !== undefined) record.availabilityZones = options.availabilityZones;
  if ('kmsuserPassword' in options) setOptional(record, 'kmsuserPassword', options.kmsuserPassword);
  if ('connectionErrorCode' in options) setOptional(record, 'connectionErrorCode', options.connectionErrorCode);
  return clusterView(record);
}

/** A cluster as the vault's callers see it. */
export function clusterView(record: CloudHsmClusterRecord): CloudHsmCluster {
  return {
    clusterId: record.clusterId,
    trustAnchorCertificate: record.trustAnchorCertificate,
    active: record.active,
    hsms: record.hsms,
    availabilityZones: record.availabilityZones,
  };
}

/** Active HSMs in different Availability Zones. */
export function spreadHsms(cluster: CloudHsmClusterRecord): number {
  return Math.min(cluster.hsms, cluster.availabilityZones);
}

/**
 * Registers (or changes) a simulated external key store proxy at `uriEndpoint`. External keys it
 * lists get fresh 256-bit AES keys from the vault's randomness.
 */
export function addXksProxy(state: CustomKeyStoreState, random: RandomSource, uriEndpoint: string, options: XksProxyOptions = {}): XksProxy {
  if (!ENDPOINT.test(uriEndpoint))
    throw new KmsVaultMockError(
      `'${uriEndpoint}' is not an XksProxyUriEndpoint: use https:// and a host name, without port or path, like 'https://xks.example.com'.`,
    );
  checkErrorCode(options.connectionErrorCode);
  const record = proxyFor(state, uriEndpoint);
  if ('uriPath' in options) setOptional(record, 'uriPath', options.uriPath);
  if ('credential' in options) setOptional(record, 'credential', options.credential ? { ...options.credential } : undefined);
  if (options.reachable !== undefined) record.reachable = options.reachable;
  if ('connectionErrorCode' in options) setOptional(record, 'connectionErrorCode', options.connectionErrorCode);
  if ('url' in options) {
    if (options.url !== undefined && !/^https?:\/\/[^/?#]+\/?$/.test(options.url))
      throw new KmsVaultMockError(
        `addXksProxy option url must be an http:// or https:// base URL without a path, like 'http://127.0.0.1:8443'; got '${options.url}'.`,
      );
    setOptional(record, 'url', options.url);
  }
  if ('timeoutMs' in options) {
    if (options.timeoutMs !== undefined && !(Number.isInteger(options.timeoutMs) && options.timeoutMs > 0))
      throw new KmsVaultMockError('addXksProxy option timeoutMs must be a whole number of milliseconds, more than 0.');
    setOptional(record, 'timeoutMs', options.timeoutMs);
  }
  if (options.keys !== undefined) {
    record.strictKeys = true;
    for (const k of options.keys) {
      const { id, usable = true } = typeof k === 'string' ? { id: k } : k;
      const existing = record.keys.get(id);
      if (existing) existing.usable = usable;
      else record.keys.set(id, { id, secret: Buffer.from(random.bytes(32)), usable });
    }
  }
  return {
    uriEndpoint,
    ...(record.uriPath !== undefined ? { uriPath: record.uriPath } : {}),
    ...(record.url !== undefined ? { url: record.url } : {}),
    keys: [...record.keys.keys()],
  };
}

/** The proxy at an endpoint: a permissive one (any path, credential and key) when no test registered it. */
export function proxyFor(state: CustomKeyStoreState, uriEndpoint: string): XksProxyRecord {
  let record = state.proxies.get(uriEndpoint);
  if (!record) {
    record = { uriEndpoint, reachable: true, strictKeys: false, keys: new Map() };
    state.proxies.set(uriEndpoint, record);
  }
  return record;
}

/** The external key a proxy knows as `id`; a permissive proxy makes it on first use. Undefined: not found. */
export function externalKey(proxy: XksProxyRecord, id: string, random: RandomSource): ExternalKeyRecord | undefined {
  const known = proxy.keys.get(id);
  if (known || proxy.strictKeys) return known;
  const made = { id, secret: Buffer.from(random.bytes(32)), usable: true };
  proxy.keys.set(id, made);
  return made;
}

/** Whether a proxy accepts a request signed with this credential at this path: undefined, or what is wrong. */
export function proxyProblem(
  proxy: XksProxyRecord,
  uriPath: string,
  credential: { readonly accessKeyId: string; readonly rawSecretAccessKey: string },
): 'unreachable' | 'path' | 'credential' | undefined {
  if (!proxy.reachable) return 'unreachable';
  if (proxy.uriPath !== undefined && proxy.uriPath !== uriPath) return 'path';
  const wanted = proxy.credential;
  if (wanted && (wanted.accessKeyId !== credential.accessKeyId || wanted.rawSecretAccessKey !== credential.rawSecretAccessKey)) return 'credential';
  return undefined;
}

function trustAnchorFor(clusterId: string, random: RandomSource): string {
  // Ed25519 signs deterministically, so a seeded vault makes the same certificate every run.
  const pair = keyPairFromSeed({ kind: 'ed25519' }, random.bytes(32));
  if (pair.kind !== 'node') throw new Error('unreachable: Ed25519 key pairs are node key pairs');
  const name = [
    ['O', 'kms-vault-mock'],
    ['CN', `${clusterId} customer CA`],
  ] as const;
  const der = buildCertificate({
    serial: random.bytes(8),
    subject: name,
    issuer: name,
    ...ANCHOR_VALIDITY,
    subjectPublicKey: pair.spki,
    ca: true,
    issuerKey: pair.privateKey,
  });
  return certificatePem(der);
}

function checkErrorCode(code: string | undefined): void {
  if (code !== undefined && !CONNECTION_ERROR_CODES.has(code))
    throw new KmsVaultMockError(`'${code}' is not a ConnectionErrorCode. Use one of ${[...CONNECTION_ERROR_CODES].join(', ')}.`);
}

function setOptional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}
