import type { ExpirationModelType, KeySpec, KeyUsageType, OriginType } from '@aws-sdk/client-kms';
import type { FaultSpec, InjectableError } from '../faults/fault-injector';

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
  readonly state?: 'Enabled' | 'Disabled' | 'PendingDeletion';
  /** With state PendingDeletion: the waiting period (default 30 days). */
  readonly pendingWindowInDays?: number;
  /** ISO 8601; snapshots record it. */
  readonly creationDate?: string;
  /** ISO 8601; snapshots of keys pending deletion record it. */
  readonly deletionDate?: string;
  readonly policy?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly aliases?: readonly string[];
  /** Rotations already made (on demand) when the scenario starts. */
  readonly rotations?: number;
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

/** A fault in a scenario: as `vault.faults.inject` takes it, with the error named. */
export type ScenarioFault = Omit<FaultSpec, 'error'> & { readonly error?: InjectableError };

/** A declarative description of vault state plus the faults to inject. */
export interface Scenario {
  readonly name: string;
  readonly description?: string;
  readonly keys?: readonly ScenarioKey[];
  readonly faults?: readonly ScenarioFault[];
}

/** What loading a scenario made: its keys by ref, and its ciphertexts by name. */
export interface LoadedScenario {
  readonly keys: Readonly<Record<string, { readonly keyId: string; readonly arn: string; readonly region: string }>>;
  readonly ciphertexts: Readonly<Record<string, Uint8Array>>;
}
