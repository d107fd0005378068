import type { OperationName } from '../contract/generated';
import type { OperationConditionKey } from './condition-keys';

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
  /**
   * The KMS and AWS condition keys the Developer Guide lists for the operation (beyond the global ones):
   * a request has exactly these (and the global keys); each has its resolver in `condition-keys.ts`.
   */
  readonly conditionKeys: readonly OperationConditionKey[];
}

const COMMON = ['kms:CallerAccount', 'kms:ViaService'] as const;
// kms:CustomerMasterKeySpec and kms:CustomerMasterKeyUsage: the deprecated names of kms:KeySpec and kms:KeyUsage.
const KEY_PROPERTIES = [
  'kms:KeySpec',
  'kms:CustomerMasterKeySpec',
  'kms:KeyUsage',
  'kms:CustomerMasterKeyUsage',
  'kms:KeyOrigin',
  'kms:MultiRegion',
  'kms:MultiRegionKeyType',
  'kms:RequestAlias',
  'kms:ResourceAliases',
  'aws:ResourceTag/${TagKey}',
] as const;
const CONTEXT = ['kms:EncryptionContext:${context-key}', 'kms:EncryptionContextKeys'] as const;
const GRANT = ['kms:GrantOperations', 'kms:GranteePrincipal', 'kms:RetiringPrincipal', 'kms:GrantConstraintType', 'kms:GrantIsForAWSResource'] as const;
const TAGS = ['aws:RequestTag/${TagKey}', 'aws:TagKeys'] as const;
/** Nitro Enclaves (Developer Guide, "Condition keys for AWS Nitro Enclaves"): the operations that take a Recipient. */
const ATTESTATION = ['kms:RecipientAttestation:ImageSha384', 'kms:RecipientAttestation:PCR${PCR_ID}'] as const;

function onKey(action: string, ...keys: readonly OperationConditionKey[]): PermissionRow {
  return { actions: [`kms:${action}`], resource: 'key', conditionKeys: [...COMMON, ...KEY_PROPERTIES, ...keys] };
}

function onAccount(action: string, ...keys: readonly OperationConditionKey[]): PermissionRow {
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
  CreateKey: onAccount(
    'CreateKey',
    'kms:BypassPolicyLockoutSafetyCheck',
    'kms:KeySpec',
    'kms:CustomerMasterKeySpec',
    'kms:KeyUsage',
    'kms:CustomerMasterKeyUsage',
    'kms:KeyOrigin',
    'kms:MultiRegion',
    'kms:MultiRegionKeyType',
    ...TAGS,
  ),
  Decapsulate: onKey('Decapsulate'),
  Decrypt: onKey('Decrypt', 'kms:EncryptionAlgorithm', ...CONTEXT, ...ATTESTATION),
  DeleteAlias: { ...onKey('DeleteAlias'), resource: 'key+alias' },
  DeleteCustomKeyStore: onAccount('DeleteCustomKeyStore'),
  DeleteImportedKeyMaterial: onKey('DeleteImportedKeyMaterial'),
  DeriveSharedSecret: onKey('DeriveSharedSecret', 'kms:KeyAgreementAlgorithm', ...ATTESTATION),
  DescribeCustomKeyStores: onAccount('DescribeCustomKeyStores'),
  DescribeKey: onKey('DescribeKey'),
  DisableKey: onKey('DisableKey'),
  DisableKeyRotation: onKey('DisableKeyRotation'),
  DisconnectCustomKeyStore: onAccount('DisconnectCustomKeyStore'),
  EnableKey: onKey('EnableKey'),
  EnableKeyRotation: onKey('EnableKeyRotation', 'kms:RotationPeriodInDays'),
  Encapsulate: onKey('Encapsulate'),
  Encrypt: onKey('Encrypt', 'kms:EncryptionAlgorithm', ...CONTEXT),
  GenerateDataKey: onKey('GenerateDataKey', 'kms:EncryptionAlgorithm', ...CONTEXT, ...ATTESTATION),
  GenerateDataKeyPair: onKey('GenerateDataKeyPair', 'kms:DataKeyPairSpec', 'kms:EncryptionAlgorithm', ...CONTEXT, ...ATTESTATION),
  GenerateDataKeyPairWithoutPlaintext: onKey('GenerateDataKeyPairWithoutPlaintext', 'kms:DataKeyPairSpec', 'kms:EncryptionAlgorithm', ...CONTEXT),
  GenerateDataKeyWithoutPlaintext: onKey('GenerateDataKeyWithoutPlaintext', 'kms:EncryptionAlgorithm', ...CONTEXT),
  GenerateMac: onKey('GenerateMac', 'kms:MacAlgorithm'),
  GenerateRandom: onAccount('GenerateRandom', ...ATTESTATION),
  GetKeyLastUsage: onKey('GetKeyLastUsage'),
  GetKeyPolicy: onKey('GetKeyPolicy'),
  GetKeyRotationStatus: onKey('GetKeyRotationStatus'),
  GetParametersForImport: onKey('GetParametersForImport', 'kms:WrappingAlgorithm', 'kms:WrappingKeySpec'),
  GetPublicKey: onKey('GetPublicKey'),
  ImportKeyMaterial: onKey('ImportKeyMaterial', 'kms:ExpirationModel', 'kms:ValidTo'),
  // With a KeyId the vault authorizes ListAliases on that key (its key policy), so the key's properties are there.
  ListAliases: onAccount('ListAliases', ...KEY_PROPERTIES),
  ListGrants: onKey('ListGrants', 'kms:GrantIsForAWSResource'),
  ListKeyPolicies: onKey('ListKeyPolicies'),
  ListKeyRotations: onKey('ListKeyRotations'),
  ListKeys: onAccount('ListKeys'),
  ListResourceTags: onKey('ListResourceTags'),
  ListRetirableGrants: onAccount('ListRetirableGrants'),
  PutKeyPolicy: onKey('PutKeyPolicy', 'kms:BypassPolicyLockoutSafetyCheck'),
  ReEncrypt: {
    actions: ['kms:ReEncryptFrom', 'kms:ReEncryptTo'],
    resource: 'key',
    conditionKeys: [...COMMON, ...KEY_PROPERTIES, 'kms:EncryptionAlgorithm', 'kms:ReEncryptOnSameKey', ...CONTEXT],
  },
  // Not kms:BypassPolicyLockoutSafetyCheck, although the request has the parameter: the Developer Guide
  // lists that key for CreateKey and PutKeyPolicy only (docs/research/kms-authorization.md).
  ReplicateKey: onKey('ReplicateKey', 'kms:ReplicaRegion', ...TAGS),
  // kms:CallerAccount and kms:ViaService for the account's principals whose identity policies allow it.
  RetireGrant: { actions: ['kms:RetireGrant'], resource: 'grant', conditionKeys: [...COMMON] },
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
