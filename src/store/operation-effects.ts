import type { KeyUsageTrackingOperation, OperationName } from '../contract/generated';

/**
 * What a successful call of each operation changes, for persistence:
 * - `change`: keys, aliases, tags, policies, rotations, key states, imports: written to disk before
 *   the response is sent.
 * - `usage`: cryptographic operations, which change only the key's last use (GetKeyLastUsage):
 *   written in batches, at most a second later.
 * - `read`: nothing.
 * Any call that adds a key (DescribeKey on a predefined `alias/aws/...` creates its AWS managed key)
 * is written before its response whatever its row says.
 * Typed per operation, so a new operation without a row is a compile error, and `usage` is the row of
 * exactly the operations GetKeyLastUsage tracks (KEY_USAGE_TRACKING_OPERATIONS, from the model).
 */
export const OPERATION_EFFECTS: { readonly [K in OperationName]: K extends KeyUsageTrackingOperation ? 'usage' : 'change' | 'read' } = {
  CancelKeyDeletion: 'change',
  ConnectCustomKeyStore: 'change',
  CreateAlias: 'change',
  CreateCustomKeyStore: 'change',
  CreateGrant: 'change',
  CreateKey: 'change',
  Decapsulate: 'usage',
  Decrypt: 'usage',
  DeleteAlias: 'change',
  DeleteCustomKeyStore: 'change',
  DeleteImportedKeyMaterial: 'change',
  DeriveSharedSecret: 'usage',
  DescribeCustomKeyStores: 'read',
  DescribeKey: 'read',
  DisableKey: 'change',
  DisableKeyRotation: 'change',
  DisconnectCustomKeyStore: 'change',
  EnableKey: 'change',
  EnableKeyRotation: 'change',
  Encapsulate: 'usage',
  Encrypt: 'usage',
  GenerateDataKey: 'usage',
  GenerateDataKeyPair: 'usage',
  GenerateDataKeyPairWithoutPlaintext: 'usage',
  GenerateDataKeyWithoutPlaintext: 'usage',
  GenerateMac: 'usage',
  GenerateRandom: 'read',
  GetKeyLastUsage: 'read',
  GetKeyPolicy: 'read',
  GetKeyRotationStatus: 'read',
  // Issues an import token and wrapping key pair that ImportKeyMaterial must find after a restart.
  GetParametersForImport: 'change',
  GetPublicKey: 'read',
  ImportKeyMaterial: 'change',
  ListAliases: 'read',
  ListGrants: 'read',
  ListKeyPolicies: 'read',
  ListKeyRotations: 'read',
  ListKeys: 'read',
  ListResourceTags: 'read',
  ListRetirableGrants: 'read',
  PutKeyPolicy: 'change',
  ReEncrypt: 'usage',
  ReplicateKey: 'change',
  RetireGrant: 'change',
  RevokeGrant: 'change',
  RotateKeyOnDemand: 'change',
  ScheduleKeyDeletion: 'change',
  Sign: 'usage',
  TagResource: 'change',
  UntagResource: 'change',
  UpdateAlias: 'change',
  UpdateCustomKeyStore: 'change',
  UpdateKeyDescription: 'change',
  UpdatePrimaryRegion: 'change',
  Verify: 'usage',
  VerifyMac: 'usage',
};
