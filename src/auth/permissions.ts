import type { OperationName } from '../contract/generated';

/**
 * What an operation's permission applies to (Developer Guide, "AWS KMS permissions"):
 * - `key`: the KMS key (key policy, and identity policies when the key policy lets them decide);
 * - `key+alias`: the key and the alias (alias operations: the alias part by identity policies alone);
 * - `account`: no key (CreateKey, ListKeys, GenerateRandom, custom key stores): identity policies alone;
 * - `grant`: not a policy permission at all; the grant itself says who may retire it (RetireGrant).
 */
export type PermissionResource = 'key' | 'key+alias' | 'account' | 'grant';

/** One row of the permissions reference. */
export interface PermissionRow {
  /** The actions a policy must allow (ReEncrypt: `kms:ReEncryptFrom` on the source, `kms:ReEncryptTo` on the destination). */
  readonly actions: readonly `kms:${string}`[];
  readonly resource: PermissionResource;
  /** The KMS and AWS condition keys the Developer Guide lists for the operation (beyond the global ones). */
  readonly conditionKeys: readonly string[];
}

const COMMON = ['kms:CallerAccount', 'kms:ViaService'] as const;
const KEY_PROPERTIES = ['kms:KeySpec', 'kms:KeyUsage', 'kms:KeyOrigin', 'kms:MultiRegion', 'kms:MultiRegionKeyType', 'kms:RequestAlias', 'kms:ResourceAliases', 'aws:ResourceTag/${TagKey}'] as const;
const CONTEXT = ['kms:EncryptionContext:${context-key}', 'kms:EncryptionContextKeys'] as const;
const GRANT = ['kms:GrantOperations', 'kms:GranteePrincipal', 'kms:RetiringPrincipal', 'kms:GrantConstraintType', 'kms:GrantIsForAWSResource'] as const;
const TAGS = ['aws:RequestTag/${TagKey}', 'aws:TagKeys'] as const;

function onKey(action: string, ...keys: readonly string[]): PermissionRow {
  return { actions: [`kms:${action}`], resource: 'key', conditionKeys: [...COMMON, ...KEY_PROPERTIES, ...keys] };
}

function onAccount(action: string, ...keys: readonly string[]): PermissionRow {
  return { actions: [`kms:${action}`], resource: 'account', conditionKeys: [...COMMON, ...keys] };
}

/**
 * The permissions reference as data: for every KMS operation, the action a policy must allow, what it
 * applies to, and the condition keys a policy can test. Typed over every operation, so a new
 * operation without a row is a compile error.
 */
export const PERMISSIONS: Readonly<Record<OperationName, PermissionRow>> = {
  CancelKeyDeletion: onKey('CancelKeyDeletion'),
  ConnectCustomKeyStore: onAccount('ConnectCustomKeyStore'),
  CreateAlias: { ...onKey('CreateAlias'), resource: 'key+alias' },
  CreateCustomKeyStore: onAccount('CreateCustomKeyStore'),
  CreateGrant: onKey('CreateGrant', ...GRANT, ...CONTEXT),
  CreateKey: onAccount('CreateKey', 'kms:BypassPolicyLockoutSafetyCheck', 'kms:KeySpec', 'kms:KeyUsage', 'kms:KeyOrigin', 'kms:MultiRegion', 'kms:MultiRegionKeyType', ...TAGS),
  Decapsulate: onKey('Decapsulate'),
  Decrypt: onKey('Decrypt', 'kms:EncryptionAlgorithm', ...CONTEXT),
  DeleteAlias: { ...onKey('DeleteAlias'), resource: 'key+alias' },
  DeleteCustomKeyStore: onAccount('DeleteCustomKeyStore'),
  DeleteImportedKeyMaterial: onKey('DeleteImportedKeyMaterial'),
  DeriveSharedSecret: onKey('DeriveSharedSecret', 'kms:KeyAgreementAlgorithm'),
  DescribeCustomKeyStores: onAccount('DescribeCustomKeyStores'),
  DescribeKey: onKey('DescribeKey'),
  DisableKey: onKey('DisableKey'),
  DisableKeyRotation: onKey('DisableKeyRotation'),
  DisconnectCustomKeyStore: onAccount('DisconnectCustomKeyStore'),
  EnableKey: onKey('EnableKey'),
  EnableKeyRotation: onKey('EnableKeyRotation', 'kms:RotationPeriodInDays'),
  Encapsulate: onKey('Encapsulate'),
  Encrypt: onKey('Encrypt', 'kms:EncryptionAlgorithm', ...CONTEXT),
  GenerateDataKey: onKey('GenerateDataKey', 'kms:EncryptionAlgorithm', ...CONTEXT),
  GenerateDataKeyPair: onKey('GenerateDataKeyPair', 'kms:DataKeyPairSpec', 'kms:EncryptionAlgorithm', ...CONTEXT),
  GenerateDataKeyPairWithoutPlaintext: onKey('GenerateDataKeyPairWithoutPlaintext', 'kms:DataKeyPairSpec', 'kms:EncryptionAlgorithm', ...CONTEXT),
  GenerateDataKeyWithoutPlaintext: onKey('GenerateDataKeyWithoutPlaintext', 'kms:EncryptionAlgorithm', ...CONTEXT),
  GenerateMac: onKey('GenerateMac', 'kms:MacAlgorithm'),
  GenerateRandom: onAccount('GenerateRandom'),
  GetKeyLastUsage: onKey('GetKeyLastUsage'),
  GetKeyPolicy: onKey('GetKeyPolicy'),
  GetKeyRotationStatus: onKey('GetKeyRotationStatus'),
  GetParametersForImport: onKey('GetParametersForImport', 'kms:WrappingAlgorithm', 'kms:WrappingKeySpec'),
  GetPublicKey: onKey('GetPublicKey'),
  ImportKeyMaterial: onKey('ImportKeyMaterial', 'kms:ExpirationModel', 'kms:ValidTo'),
  ListAliases: onAccount('ListAliases'),
  ListGrants: onKey('ListGrants', 'kms:GrantIsForAWSResource'),
  ListKeyPolicies: onKey('ListKeyPolicies'),
  ListKeyRotations: onKey('ListKeyRotations'),
  ListKeys: onAccount('ListKeys'),
  ListResourceTags: onKey('ListResourceTags'),
  ListRetirableGrants: onAccount('ListRetirableGrants'),
  PutKeyPolicy: onKey('PutKeyPolicy', 'kms:BypassPolicyLockoutSafetyCheck'),
  ReEncrypt: { actions: ['kms:ReEncryptFrom', 'kms:ReEncryptTo'], resource: 'key', conditionKeys: [...COMMON, ...KEY_PROPERTIES, 'kms:EncryptionAlgorithm', 'kms:ReEncryptOnSameKey', ...CONTEXT] },
  ReplicateKey: onKey('ReplicateKey', 'kms:ReplicaRegion', ...TAGS),
  RetireGrant: { actions: ['kms:RetireGrant'], resource: 'grant', conditionKeys: [] },
  RevokeGrant: onKey('RevokeGrant', 'kms:GrantIsForAWSResource'),
  RotateKeyOnDemand: onKey('RotateKeyOnDemand'),
  ScheduleKeyDeletion: onKey('ScheduleKeyDeletion', 'kms:ScheduleKeyDeletionPendingWindowInDays'),
  Sign: onKey('Sign', 'kms:SigningAlgorithm', 'kms:MessageType'),
  TagResource: onKey('TagResource', ...TAGS),
  UntagResource: onKey('UntagResource', 'aws:TagKeys'),
  UpdateAlias: { ...onKey('UpdateAlias'), resource: 'key+alias' },
  UpdateCustomKeyStore: onAccount('UpdateCustomKeyStore'),
  UpdateKeyDescription: onKey('UpdateKeyDescription'),
  UpdatePrimaryRegion: onKey('UpdatePrimaryRegion', 'kms:PrimaryRegion'),
  Verify: onKey('Verify', 'kms:SigningAlgorithm', 'kms:MessageType'),
  VerifyMac: onKey('VerifyMac', 'kms:MacAlgorithm'),
};

/**
 * The action a policy must allow for `operation`, from the table: its first action, or the one at
 * `index` (ReEncrypt: 0 is `kms:ReEncryptFrom` on the source key, 1 `kms:ReEncryptTo` on the
 * destination). Handlers name their permission through this, so the table is the only place it is written.
 */
export function permissionOf(operation: OperationName, index = 0): `kms:${string}` {
  const action = PERMISSIONS[operation].actions[index];
  if (action === undefined) throw new Error(`The permissions table has no action ${index} for ${operation}.`);
  return action;
}
