import type { OperationName } from '../contract/generated';

/**
 * How KMS logs one operation in CloudTrail. Every operation of the contract has a row (the type makes
 * a missing one a compile error; a test walks OPERATION_NAMES). Sources, page by page:
 * docs/research/cloudtrail.md.
 */
export interface TrailRow {
  /** `readOnly`: reads and cryptographic operations are true, everything that changes state false. */
  readonly readOnly: boolean;
  /** Input members that name the KMS keys the call acts on (`resources`), in order. */
  readonly keys: readonly string[];
  /** The call names an alias (`AliasName`): its ARN is a resource too (CreateAlias, DeleteAlias, UpdateAlias examples). */
  readonly alias?: true;
  /**
   * `responseElements`: `output` logs the response (camelCase, no secret member); `null` logs none, as
   * for every read and cryptographic operation ("the response to GetKeyPolicy or any cryptographic
   * operation" is omitted).
   */
  readonly response: 'output' | 'null';
  /** Custom key store operations: no `resources` field (ConnectCustomKeyStore, CreateCustomKeyStore examples). */
  readonly noResources?: true;
  /** `additionalEventData` of custom key store operations: the store's name and CloudHSM cluster (ConnectCustomKeyStore example). */
  readonly storeDetails?: true;
  /** `requestParameters` is null (RetireGrant example: the grant id goes to additionalEventData). */
  readonly noRequestParameters?: true;
  /** Symmetric cryptographic operations: additionalEventData.keyMaterialId (Decrypt example, eventVersion 1.11). */
  readonly keyMaterial?: true;
}

const READ_KEY: TrailRow = { readOnly: true, keys: ['KeyId'], response: 'null' };
const CRYPTO_KEY: TrailRow = { readOnly: true, keys: ['KeyId'], response: 'null', keyMaterial: true };
const CHANGE_KEY: TrailRow = { readOnly: false, keys: ['KeyId'], response: 'output' };
const CHANGE_STORE: TrailRow = { readOnly: false, keys: [], response: 'output', noResources: true, storeDetails: true };

/** The CloudTrail row of every KMS operation. */
export const TRAIL_ROWS: Readonly<Record<OperationName, TrailRow>> = {
  CancelKeyDeletion: CHANGE_KEY,
  ConnectCustomKeyStore: CHANGE_STORE,
  CreateAlias: { readOnly: false, keys: ['TargetKeyId'], alias: true, response: 'output' },
  CreateCustomKeyStore: { readOnly: false, keys: [], response: 'output', noResources: true },
  CreateGrant: CHANGE_KEY,
  // The key's ARN comes from the response (KeyMetadata.Arn).
  CreateKey: { readOnly: false, keys: [], response: 'output' },
  Decapsulate: READ_KEY,
  Decrypt: CRYPTO_KEY,
  DeleteAlias: { readOnly: false, keys: [], alias: true, response: 'output' },
  DeleteCustomKeyStore: CHANGE_STORE,
  DeleteImportedKeyMaterial: CHANGE_KEY,
  DeriveSharedSecret: READ_KEY,
  DescribeCustomKeyStores: { readOnly: true, keys: [], response: 'null', noResources: true },
  DescribeKey: READ_KEY,
  DisableKey: CHANGE_KEY,
  DisableKeyRotation: CHANGE_KEY,
  DisconnectCustomKeyStore: CHANGE_STORE,
  EnableKey: CHANGE_KEY,
  EnableKeyRotation: CHANGE_KEY,
  Encapsulate: READ_KEY,
  Encrypt: CRYPTO_KEY,
  GenerateDataKey: CRYPTO_KEY,
  GenerateDataKeyPair: READ_KEY,
  GenerateDataKeyPairWithoutPlaintext: READ_KEY,
  GenerateDataKeyWithoutPlaintext: CRYPTO_KEY,
  GenerateMac: READ_KEY,
  GenerateRandom: { readOnly: true, keys: [], response: 'null' },
  GetKeyLastUsage: READ_KEY,
  GetKeyPolicy: READ_KEY,
  GetKeyRotationStatus: READ_KEY,
  GetParametersForImport: READ_KEY,
  GetPublicKey: READ_KEY,
  ImportKeyMaterial: CHANGE_KEY,
  ListAliases: READ_KEY,
  ListGrants: READ_KEY,
  ListKeyPolicies: READ_KEY,
  ListKeyRotations: READ_KEY,
  ListKeys: { readOnly: true, keys: [], response: 'null' },
  ListResourceTags: READ_KEY,
  ListRetirableGrants: { readOnly: true, keys: [], response: 'null' },
  PutKeyPolicy: CHANGE_KEY,
  ReEncrypt: { readOnly: true, keys: ['SourceKeyId', 'DestinationKeyId'], response: 'null', keyMaterial: true },
  ReplicateKey: CHANGE_KEY,
  RetireGrant: { readOnly: false, keys: ['KeyId'], response: 'null', noRequestParameters: true },
  RevokeGrant: CHANGE_KEY,
  RotateKeyOnDemand: CHANGE_KEY,
  ScheduleKeyDeletion: CHANGE_KEY,
  Sign: READ_KEY,
  TagResource: CHANGE_KEY,
  UntagResource: CHANGE_KEY,
  UpdateAlias: { readOnly: false, keys: ['TargetKeyId'], alias: true, response: 'output' },
  UpdateCustomKeyStore: CHANGE_STORE,
  UpdateKeyDescription: CHANGE_KEY,
  UpdatePrimaryRegion: CHANGE_KEY,
  Verify: READ_KEY,
  VerifyMac: READ_KEY,
};

/**
 * Request and response members KMS never logs: plaintexts, ciphertexts, messages, signatures, MACs,
 * key material and import tokens, public keys sent in, attestation documents, passwords and proxy
 * credentials, grant tokens (bearer credentials). Blobs are dropped anywhere besides.
 */
export const SECRET_MEMBERS: ReadonlySet<string> = new Set([
  'Plaintext',
  'CiphertextBlob',
  'CiphertextForRecipient',
  'Message',
  'Signature',
  'Mac',
  'ImportToken',
  'EncryptedKeyMaterial',
  'PublicKey',
  'PrivateKeyPlaintext',
  'PrivateKeyCiphertextBlob',
  'SharedSecret',
  'Recipient',
  'KeyStorePassword',
  'XksProxyAuthenticationCredential',
  'GrantTokens',
  'GrantToken',
  // Not a secret, but not logged either: the CreateCustomKeyStore example's request has only the name and cluster.
  'TrustAnchorCertificate',
]);

/**
 * Members whose value is a map of the caller's own keys (encryption contexts): their keys are logged
 * as given, not turned to camelCase.
 */
export const MAP_MEMBERS: ReadonlySet<string> = new Set([
  'EncryptionContext',
  'SourceEncryptionContext',
  'DestinationEncryptionContext',
  'EncryptionContextSubset',
  'EncryptionContextEquals',
]);
