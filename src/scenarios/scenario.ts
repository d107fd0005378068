import type { ExpirationModelType, GrantOperation, KeySpec, KeyUsageType, OriginType } from '@aws-sdk/client-kms';
import type { FaultSpec, InjectableError } from '../faults/fault-injector';
import type { ScenarioCloudHsmCluster, ScenarioCustomKeyStore, ScenarioXksProxy } from './custom-key-store-scenario';

/** One key-material version, as snapshots record it. */
export interface ScenarioMaterial {
  /** 64 hex characters. */
  readonly id: string;
  /**
   * The secret, base64: the 256-bit AES key, the HMAC key, or the 256-bit seed of a key pair; for keys
   * with Origin EXTERNAL, the imported key material (a DER PKCS #8 private key for key pairs).
   */
  readonly secret: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly rotationType?: 'AUTOMATIC' | 'ON_DEMAND';
  /** Keys with Origin EXTERNAL: where the import of this material stands. Default: imported, does not expire. */
  readonly import?: ScenarioImport;
}

/** The import of one key material of a key with Origin EXTERNAL, as snapshots record it. */
export interface ScenarioImport {
  /** False once the material was deleted or expired (the key is then PendingImport). */
  readonly imported: boolean;
  readonly expirationModel?: ExpirationModelType;
  /** ISO 8601: when the material expires. */
  readonly validTo?: string;
  readonly description?: string;
  /** New material waiting for RotateKeyOnDemand (PENDING_ROTATION). */
  readonly pendingRotation?: boolean;
}

/** A ciphertext made while the scenario loads, so a test has old data to decrypt. */
export interface ScenarioCiphertext {
  /** The name `vault.load` returns it under. */
  readonly name: string;
  /** UTF-8 text to encrypt. */
  readonly plaintext: string;
  readonly encryptionContext?: Readonly<Record<string, string>>;
  /** Which key-material version: the first (`oldest`, made before any rotation) or the `current`. */
  readonly material?: 'oldest' | 'current';
}

/** A key in a scenario. Everything but a name to refer to it by is optional. */
export interface ScenarioKey {
  /** The name `vault.load` returns the key under. Default: its key id. */
  readonly ref?: string;
  /** A key in a custom key store (Origin AWS_CLOUDHSM or EXTERNAL_KEY_STORE): the store's id. */
  readonly customKeyStoreId?: string;
  /** A key in an external key store: its external key. */
  readonly xksKeyId?: string;
  /** An Unavailable key (its custom key store is disconnected): the state it returns to on reconnection. */
  readonly availableState?: 'Enabled' | 'Disabled';
  /** A fixed key id (symmetric keys); default: a fresh one. */
  readonly keyId?: string;
  readonly account?: string;
  readonly region?: string;
  readonly description?: string;
  readonly keySpec?: KeySpec;
  readonly keyUsage?: KeyUsageType;
  readonly origin?: OriginType;
  /** 'AWS' for an AWS managed key (snapshots record it); its `alias/aws/...` aliases come with it. Default 'CUSTOMER'. */
  readonly keyManager?: 'AWS' | 'CUSTOMER';
  /**
   * Default 'Enabled'. Snapshots record every state: the transient ones (Creating, Updating) with
   * `settlesTo`, PendingReplicaDeletion for a primary key waiting for its replicas' deletion.
   */
  readonly state?: 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingReplicaDeletion' | 'PendingImport' | 'Creating' | 'Updating' | 'Unavailable';
  /** With a transient state (Creating, Updating): the state the key moves to before the next request. */
  readonly settlesTo?: 'Enabled' | 'Disabled';
  /** With state PendingDeletion: the waiting period (default 30 days). */
  readonly pendingWindowInDays?: number;
  /** ISO 8601; snapshots record it. */
  readonly creationDate?: string;
  /** ISO 8601; snapshots of keys pending deletion record it. */
  readonly deletionDate?: string;
  readonly policy?: string;
  readonly tags?: Readonly<Record<string, string>>;
  /** Alias names, or (as snapshots record them) aliases with their dates. */
  readonly aliases?: readonly (string | ScenarioAlias)[];
  /** Rotations already made (on demand) when the scenario starts. */
  readonly rotations?: number;
  /** On-demand rotations counted against KMS's limit (snapshots record it; default: `rotations`). */
  readonly onDemandRotations?: number;
  /** The key's last successful cryptographic use, as GetKeyLastUsage reports it (snapshots record it). */
  readonly lastUsage?: { readonly operation: string; readonly time: string; readonly requestId: string };
  /** Automatic rotation enabled with this period (days). */
  readonly rotationPeriodInDays?: number;
  /** ISO 8601: when automatic rotation next happens (snapshots record it). */
  readonly nextRotationDate?: string;
  /** Explicit key material (snapshots record it). */
  readonly materials?: readonly ScenarioMaterial[];
  /** A multi-Region key: its primary region and, on the primary, the regions of its replicas. */
  readonly multiRegion?: { readonly primaryRegion?: string; readonly replicaRegions?: readonly string[] };
  readonly ciphertexts?: readonly ScenarioCiphertext[];
}

/** An alias with its dates, as snapshots record it. */
export interface ScenarioAlias {
  readonly name: string;
  /** ISO 8601. */
  readonly creationDate?: string;
  /** ISO 8601. */
  readonly lastUpdatedDate?: string;
}

/** A principal: an IAM user, role, assumed-role session or account root, with its identity policies. */
export interface ScenarioPrincipal {
  readonly arn: string;
  /** IAM identity policies, as JSON text or objects. */
  readonly policies?: readonly (string | Readonly<Record<string, unknown>>)[];
  /** Its access keys (snapshots record them, so signed clients keep working); default: made by the vault. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** A grant on a key (CreateGrant's parameters); snapshots also record its id, date, issuer and tokens. */
export interface ScenarioGrant {
  /** The key: the `ref` of a key of this scenario, or a key ARN. */
  readonly key: string;
  readonly granteePrincipal: string;
  readonly operations: readonly GrantOperation[];
  readonly retiringPrincipal?: string;
  readonly name?: string;
  readonly constraints?: {
    readonly encryptionContextEquals?: Readonly<Record<string, string>>;
    readonly encryptionContextSubset?: Readonly<Record<string, string>>;
  };
  /** 64 hex digits; default: a fresh id. */
  readonly grantId?: string;
  /** ISO 8601; default: the vault's time at loading. */
  readonly creationDate?: string;
  /** `arn:aws:iam::ACCOUNT:root`; default: the root of the key's account. */
  readonly issuingAccount?: string;
  /** Grant tokens issued for the grant, so tokens saved before a snapshot keep working. */
  readonly tokens?: readonly string[];
}

/** The version of the state document this library writes; documents without one are version 1 too. */
export const STATE_FORMAT_VERSION = 1;

/** A fault in a scenario: as `vault.faults.inject` takes it, with the error named. */
export type ScenarioFault = Omit<FaultSpec, 'error'> & { readonly error?: InjectableError };

/** A declarative description of vault state plus the faults to inject. */
export interface Scenario {
  /** The version of the document's format ({@link STATE_FORMAT_VERSION}); snapshots record it. */
  readonly formatVersion?: number;
  readonly name: string;
  readonly description?: string;
  readonly keys?: readonly ScenarioKey[];
  readonly faults?: readonly ScenarioFault[];
  /** Principals the vault knows (see `vault.addPrincipal`). */
  readonly principals?: readonly ScenarioPrincipal[];
  /** Grants on the scenario's keys (see CreateGrant). */
  readonly grants?: readonly ScenarioGrant[];
  /** Tokens of grants retired or revoked since they were issued: still recognised, granting nothing. */
  readonly retiredGrantTokens?: readonly string[];
  /** Base64: the vault's key for import tokens, so tokens issued before a snapshot stay valid after loading it. */
  readonly importTokenSecret?: string;
  /** Custom key stores (CreateCustomKeyStore); snapshots record them with their connection state. */
  readonly customKeyStores?: readonly ScenarioCustomKeyStore[];
  /** Simulated CloudHSM clusters (see `vault.addCloudHsmCluster`). */
  readonly cloudHsmClusters?: readonly ScenarioCloudHsmCluster[];
  /** Simulated external key store proxies and their external keys (see `vault.addXksProxy`). */
  readonly xksProxies?: readonly ScenarioXksProxy[];
}

/** What loading a scenario made: its keys by ref, and its ciphertexts by name. */
export interface LoadedScenario {
  readonly keys: Readonly<Record<string, { readonly keyId: string; readonly arn: string; readonly region: string }>>;
  readonly ciphertexts: Readonly<Record<string, Uint8Array>>;
}
