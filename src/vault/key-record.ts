import type { ExpirationModelType, KeySpec, KeyState, KeyUsageType, OriginType } from '@aws-sdk/client-kms';
import type { CustomKeyStoreLink } from './custom-key-stores';
import { aliasArn } from './arn';

/** One version of a key's material. Rotation adds versions; old ones stay to decrypt old ciphertexts. */
export interface KeyMaterial {
  /** 64 hex characters: the `KeyMaterialId` KMS reports, and the id written into ciphertext headers. */
  readonly id: string;
  readonly idBytes: Buffer;
  /** The 256-bit AES key; the HMAC key of HMAC keys; the seed of an asymmetric key's key pair. */
  readonly secret: Buffer;
  readonly createdAt: Date;
  /** How this version came about, for versions made by rotation. */
  readonly rotationType?: 'AUTOMATIC' | 'ON_DEMAND';
  /** Set on the material of keys with Origin EXTERNAL: where its import stands. */
  readonly imported?: ImportedMaterialState;
  /**
   * Keys in an external key store: the external key (256-bit AES) that encrypts the outer layer of
   * double encryption; `secret` is the inner, KMS layer.
   */
  readonly externalSecret?: Buffer;
}

/**
 * The import of one key material of a key with imported key material (Origin EXTERNAL). The vault
 * keeps the material's bytes after a deletion or expiry only to know it again when it is reimported;
 * while `imported` is false the key is PendingImport and no operation uses them.
 */
export interface ImportedMaterialState {
  /** False after DeleteImportedKeyMaterial or expiry, until the same material is imported again. */
  imported: boolean;
  /** Absent while the material is not imported. */
  expirationModel?: ExpirationModelType;
  /** When KMS deletes the material (KEY_MATERIAL_EXPIRES). */
  validTo?: Date;
  /** KeyMaterialDescription, kept across reimports that give none. */
  description?: string;
  /**
   * New material imported (ImportType NEW_KEY_MATERIAL) for RotateKeyOnDemand to make current: not
   * yet permanently associated with the key, so deleting it removes it.
   */
  pendingRotation: boolean;
}

/** Automatic rotation of a key's material. */
export interface RotationSchedule {
  readonly periodDays: number;
  nextRotationDate: Date;
}

/** A KMS key as the vault stores it. */
export interface KeyRecord {
  readonly keyId: string;
  readonly arn: string;
  readonly accountId: string;
  readonly region: string;
  /** Set at creation; scenario fixtures restore it. */
  creationDate: Date;
  description: string;
  readonly keyUsage: KeyUsageType;
  readonly keySpec: KeySpec;
  readonly origin: OriginType;
  readonly keyManager: 'AWS' | 'CUSTOMER';
  state: KeyState;
  deletionDate?: Date;
  pendingWindowInDays?: number;
  policy: string;
  readonly tags: Map<string, string>;
  readonly materials: KeyMaterial[];
  /** The material new ciphertexts use; NO_KEY_MATERIAL (vault/imported-material.ts) before a first import. */
  currentMaterial: KeyMaterial;
  /** Set on multi-Region keys: the related keys (primary and replicas) share key id and material. */
  readonly multiRegionGroup?: MultiRegionGroup;
  /** Present while automatic rotation is enabled. */
  rotation?: RotationSchedule;
  /** The last successful cryptographic operation with the key (GetKeyLastUsage). */
  lastUsage?: { readonly operation: string; readonly time: Date; readonly requestId: string };
  /** RotateKeyOnDemand calls made so far (KMS caps them per key). */
  onDemandRotations?: number;
  /** Keys in a custom key store (Origin AWS_CLOUDHSM or EXTERNAL_KEY_STORE): the store, and the external key. */
  readonly customKeyStore?: CustomKeyStoreLink;
}

/** A primary multi-Region key and its replicas, by region. */
export interface MultiRegionGroup {
  primaryRegion: string;
  readonly members: Map<string, KeyRecord>;
}

/** An alias as the vault stores it. */
export interface AliasRecord {
  readonly aliasName: string;
  readonly aliasArn: string;
  targetKeyId: string;
  readonly creationDate: Date;
  lastUpdatedDate: Date;
}

/** A new alias named `aliasName` for `key`, created (and last updated) at `at`. */
export function newAlias(aliasName: string, key: Pick<KeyRecord, 'keyId' | 'accountId' | 'region'>, at: Date): AliasRecord {
  return { aliasName, aliasArn: aliasArn(key.region, key.accountId, aliasName), targetKeyId: key.keyId, creationDate: at, lastUpdatedDate: at };
}
