import { kmsError } from '../errors/kms-error';
import { NotImplementedError } from '../errors/library-error';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { keyArn } from '../vault/arn';
import type { KeyRecord } from '../vault/key-record';
import { keyMetadata } from '../vault/key-metadata';
import { uuidFrom } from '../vault/random';
import { defaultKeyPolicy } from '../vault/key-policy';
import { authorizeWithoutKey } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { checkPolicyLockout, validateKeyPolicy } from '../auth/key-policy-rules';
import { validateTags } from '../vault/tags';
import { newKeyMaterial } from '../vault/key-material';
import { availableIn, KEY_SPECS, isSymmetricEncryptionSpec } from '../vault/key-specs';
import { messages } from '../errors/messages';
import { NO_KEY_MATERIAL } from '../vault/imported-material';
import { customKeyStorePlacement } from './custom-key-store-keys';
import type { MaterialParams } from '../crypto/params';

/**
 * The key material kinds CreateKey with Origin EXTERNAL accepts: the vault imports AES and HMAC secrets
 * and PKCS #8 RSA and elliptic-curve (NIST, SECG) private keys.
 */
const IMPORTABLE_MATERIAL: ReadonlySet<MaterialParams['kind']> = new Set(['aes', 'hmac', 'rsa', 'ec']);

/**
 * Creates a KMS key. With Origin EXTERNAL the key has no key material: it is PendingImport until
 * ImportKeyMaterial imports some.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html
 */
export function createKey(context: OperationContext, input: HandlerInput<'CreateKey'>): HandlerOutput<'CreateKey'> {
  authorizeWithoutKey(context, permissionOf(context.operation), input);
  if (input.KeySpec !== undefined && input.CustomerMasterKeySpec !== undefined) {
    throw kmsError('ValidationException', messages.keySpecAndCustomerMasterKeySpec());
  }
  const keySpec = input.KeySpec ?? input.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT';
  const origin = input.Origin ?? 'AWS_KMS';
  const rule = KEY_SPECS[keySpec];
  if (input.KeyUsage === undefined && !isSymmetricEncryptionSpec(keySpec)) throw kmsError('ValidationException', messages.keyUsageRequired());
  const keyUsage = input.KeyUsage ?? 'ENCRYPT_DECRYPT';
  if (!availableIn(rule.availability, context.region)) throw kmsError('UnsupportedOperationException', messages.keySpecNotInRegion(keySpec));
  if (rule.usages[keyUsage] === undefined) throw kmsError('ValidationException', messages.keyUsageIncompatible(keyUsage, keySpec));
  const placement = customKeyStorePlacement(context, input, origin, keySpec);
  if (origin === 'EXTERNAL' && !IMPORTABLE_MATERIAL.has(rule.material.kind)) {
    throw new NotImplementedError(
      `kms-vault-mock does not implement imported key material for KeySpec ${keySpec} yet (symmetric encryption, HMAC, RSA and NIST/SECG elliptic-curve keys only); create the key with Origin AWS_KMS, or stub this command yourself.`,
    );
  }
  const accountId = context.caller.accountId;
  const policy = input.Policy ?? defaultKeyPolicy(accountId, context.region);
  if (input.Policy !== undefined) {
    validateKeyPolicy(policy);
    if (input.BypassPolicyLockoutSafetyCheck !== true) checkPolicyLockout(context, policy, keyArn(context.region, accountId, '*'), input);
  }
  const tags = validateTags(input.Tags ?? []);

  // Multi-Region key ids are `mrk-` and 32 hex digits (Developer Guide, multi-Region key ids).
  const keyId = input.MultiRegion === true ? `mrk-${context.random.bytes(16).toString('hex')}` : uuidFrom(context.random);
  // HMAC keys hold a secret of the spec's size; key pairs hold the seed their pair is made from on first
  // use. A key for imported key material has none until ImportKeyMaterial.
  const made = origin === 'EXTERNAL' ? undefined : newKeyMaterial(context, undefined, context.now, rule.material.kind === 'hmac' ? rule.material.bytes : 32);
  // A key in an external key store: KMS's material is the inner layer, the external key the outer (double encryption).
  const material = made && placement?.externalSecret ? { ...made, externalSecret: placement.externalSecret() } : made;
  const key: KeyRecord = {
    keyId,
    arn: keyArn(context.region, accountId, keyId),
    accountId,
    region: context.region,
    creationDate: context.now,
    description: input.Description ?? '',
    keyUsage,
    keySpec,
    origin,
    keyManager: 'CUSTOMER',
    state: material ? 'Enabled' : 'PendingImport',
    policy,
    tags,
    materials: material ? [material] : [],
    currentMaterial: material ?? NO_KEY_MATERIAL,
    multiRegionGroup: input.MultiRegion === true ? { primaryRegion: context.region, members: new Map() } : undefined,
    ...(placement ? { customKeyStore: placement.link } : {}),
  };
  key.multiRegionGroup?.members.set(key.region, key);
  context.state.addKey(key);
  return { KeyMetadata: keyMetadata(key) };
}
