import { GLOBAL_CONDITION_KEYS, OPERATION_CONDITION_KEYS, type OperationConditionKey, type RequestSubject } from '../../src/auth/condition-keys';
import { kmsRequestContext } from '../../src/auth/kms-request-context';
import { PERMISSIONS } from '../../src/auth/permissions';
import type { OperationContext } from '../../src/context/operation-context';
import { INPUT_RULES, OPERATION_NAMES, type OperationName } from '../../src/contract/generated';
import type { KeyRecord } from '../../src/vault/key-record';

/**
 * The permissions table is the one source of the condition keys a request has: every key a row lists
 * has a value for that operation's request, and a key the row does not list has none (Developer Guide,
 * "AWS KMS condition keys": each key names the operations it applies to).
 */

/** Every parameter some condition key reads, with a value; each operation's request keeps its own members. */
const PARAMETERS: Readonly<Record<string, unknown>> = {
  KeyId: 'alias/app',
  DestinationKeyId: 'alias/app',
  Tags: [{ TagKey: 'Team', TagValue: 'blue' }],
  TagKeys: ['Team'],
  EncryptionContext: { Purpose: 'test' },
  SourceEncryptionContext: { Purpose: 'test' },
  DestinationEncryptionContext: { Purpose: 'test' },
  SigningAlgorithm: 'ECDSA_SHA_256',
  MessageType: 'RAW',
  MacAlgorithm: 'HMAC_SHA_256',
  KeyAgreementAlgorithm: 'ECDH',
  KeyPairSpec: 'ECC_NIST_P256',
  WrappingAlgorithm: 'RSAES_OAEP_SHA_256',
  WrappingKeySpec: 'RSA_2048',
  ExpirationModel: 'KEY_MATERIAL_EXPIRES',
  ValidTo: new Date(2_000_000_000_000),
  RotationPeriodInDays: 90,
  ReplicaRegion: 'eu-west-1',
  PrimaryRegion: 'eu-west-1',
  PendingWindowInDays: 7,
  BypassPolicyLockoutSafetyCheck: false,
  Operations: ['Decrypt'],
  GranteePrincipal: 'arn:aws:iam::111122223333:role/grantee',
  RetiringPrincipal: 'arn:aws:iam::111122223333:role/retiring',
  Constraints: { EncryptionContextSubset: { Purpose: 'test' } },
  MultiRegion: true,
};

/** Keys a row lists that the vault leaves without a value for that operation's request, and why. */
const WITHOUT_VALUE: Readonly<Partial<Record<OperationName, Readonly<Partial<Record<OperationConditionKey, string>>>>>> = {
  CreateGrant: {
    'kms:EncryptionContext:${context-key}': 'the vault does not derive it from the grant constraints',
    'kms:EncryptionContextKeys': 'the vault does not derive it from the grant constraints',
  },
  CreateAlias: { 'kms:RequestAlias': 'the request names its key in TargetKeyId, which is never an alias' },
  UpdateAlias: { 'kms:RequestAlias': 'the request names its key in TargetKeyId, which is never an alias' },
  DeleteAlias: { 'kms:RequestAlias': 'the request names no key' },
};

const KEY = {
  keyId: 'mrk-1',
  arn: 'arn:aws:kms:us-east-1:111122223333:key/mrk-1',
  accountId: '111122223333',
  region: 'us-east-1',
  keySpec: 'SYMMETRIC_DEFAULT',
  keyUsage: 'ENCRYPT_DECRYPT',
  origin: 'AWS_KMS',
  tags: new Map([['Team', 'blue']]),
  multiRegionGroup: { primaryRegion: 'us-east-1' },
} as unknown as KeyRecord;

function contextOf(operation: OperationName): OperationContext {
  const aliases = new Map([['alias/app', { aliasName: 'alias/app', targetKeyId: KEY.keyId }]]);
  return {
    operation,
    region: 'us-east-1',
    now: new Date(1_700_000_000_000),
    caller: { principalArn: 'arn:aws:iam::111122223333:role/app', accountId: '111122223333', type: 'AssumedRole', userId: 'AROA:app', username: 'app' },
    request: {
      viaService: 'secretsmanager.us-east-1.amazonaws.com',
      sourceIp: '192.0.2.1',
      secureTransport: true,
      recipientAttestation: { imageSha384: 'ab'.repeat(48), pcrs: { 0: 'ab'.repeat(48) } },
    },
    state: { peek: () => ({ aliases }) },
  } as unknown as OperationContext;
}

/** The request of `operation` as the vault authorizes it: its own members, its key unless it names none. */
function subjectOf(operation: OperationName): RequestSubject {
  const members = new Set(INPUT_RULES[operation].map((rule) => rule.name));
  const input = Object.fromEntries(Object.entries(PARAMETERS).filter(([name]) => members.has(name)));
  const onKey = PERMISSIONS[operation].resource === 'key' || PERMISSIONS[operation].resource === 'key+alias' || operation === 'ListAliases';
  return { input, ...(onKey ? { key: KEY } : {}), ...(operation === 'ReEncrypt' ? { side: 'from' as const, sameKey: true } : {}) };
}

/** A name a policy would write for a key: templated keys with their variable filled in. */
function asWritten(name: string): string {
  return name.replace('${context-key}', 'Purpose').replace('${TagKey}', 'Team').replace('${PCR_ID}', '0');
}

const rows = OPERATION_NAMES.map((operation) => [operation, PERMISSIONS[operation].conditionKeys] as const);

describe('condition keys from the permissions table (Developer Guide, "AWS KMS condition keys")', () => {
  it.each(rows)('%s: every condition key its row lists has a value in its request', (operation, keys) => {
    const context = kmsRequestContext(contextOf(operation), subjectOf(operation));
    const withoutValue = keys.filter((key) => context.value(asWritten(key).toLowerCase()) === undefined);
    expect(withoutValue).toEqual(Object.keys(WITHOUT_VALUE[operation] ?? {}));
  });

  it.each(rows)('%s: a KMS condition key its row does not list has no value, whatever the request carries', (operation, keys) => {
    const context = kmsRequestContext(contextOf(operation), subjectOf(operation));
    const others = (Object.keys(OPERATION_CONDITION_KEYS) as OperationConditionKey[]).filter((key) => !keys.includes(key));
    expect(others.filter((key) => context.value(asWritten(key).toLowerCase()) !== undefined)).toEqual([]);
  });

  it('the global condition keys have a value in every request', () => {
    for (const operation of OPERATION_NAMES) {
      const context = kmsRequestContext(contextOf(operation), subjectOf(operation));
      expect(Object.keys(GLOBAL_CONDITION_KEYS).filter((key) => context.value(key.toLowerCase()) === undefined)).toEqual([]);
    }
  });

  it('every KMS condition key the vault resolves is listed for some operation (no resolver the table never reaches)', () => {
    const listed = new Set(OPERATION_NAMES.flatMap((operation) => PERMISSIONS[operation].conditionKeys));
    expect(Object.keys(OPERATION_CONDITION_KEYS).filter((key) => !listed.has(key as OperationConditionKey))).toEqual([]);
  });

  it('names are matched case-insensitively, including the variable part of a templated key', () => {
    const context = kmsRequestContext(contextOf('Encrypt'), subjectOf('Encrypt'));
    expect(context.value('kms:encryptioncontext:purpose')).toBe('test');
    expect(context.value('aws:resourcetag/team')).toBe('blue');
    expect(context.value('kms:unknownkey')).toBeUndefined();
  });

  it('kms:BypassPolicyLockoutSafetyCheck is a key of CreateKey and PutKeyPolicy only, not ReplicateKey (Developer Guide, kms:BypassPolicyLockoutSafetyCheck)', () => {
    const with_ = OPERATION_NAMES.filter((operation) => PERMISSIONS[operation].conditionKeys.includes('kms:BypassPolicyLockoutSafetyCheck'));
    expect(with_).toEqual(['CreateKey', 'PutKeyPolicy']);
    const replicate = kmsRequestContext(contextOf('ReplicateKey'), {
      key: KEY,
      input: { KeyId: KEY.keyId, ReplicaRegion: 'eu-west-1', BypassPolicyLockoutSafetyCheck: true },
    });
    expect(replicate.value('kms:bypasspolicylockoutsafetycheck')).toBeUndefined();
    const put = kmsRequestContext(contextOf('PutKeyPolicy'), { key: KEY, input: { KeyId: KEY.keyId, Policy: '{}', BypassPolicyLockoutSafetyCheck: true } });
    expect(put.value('kms:bypasspolicylockoutsafetycheck')).toBe('true');
  });
});
