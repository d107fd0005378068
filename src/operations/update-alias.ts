import type { KeySpec } from '@aws-sdk/client-kms';
import { isHmacSpec, isSymmetricEncryptionSpec } from '../vault/key-specs';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize, authorizeWithoutKey } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from './resolve-key';
import { findAlias, requireCustomerAliasName } from './alias-rules';

/**
 * Points an existing alias at another key of the same type and key usage.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html
 */
export function updateAlias(context: OperationContext, input: HandlerInput<'UpdateAlias'>): HandlerOutput<'UpdateAlias'> {
  const aliasName = input.AliasName;
  requireCustomerAliasName(aliasName);
  const { store, alias, key: current } = findAlias(context, aliasName);
  if (!current) throw kmsError('NotFoundException', messages.aliasNotFound(alias.aliasArn));
  const key = resolveKey(context, input.TargetKeyId, { aliases: false });
  authorizeWithoutKey(context, permissionOf(context.operation), input, alias.aliasArn);
  authorize(context, permissionOf(context.operation), current, input);
  authorize(context, permissionOf(context.operation), key, input);
  requireKeyState('UpdateAlias', key);
  if (key.accountId !== store.accountId || key.region !== store.region) {
    throw kmsError('NotFoundException', messages.keyNotFound(key.arn));
  }
  if (key.keyUsage !== current.keyUsage || keyType(key.keySpec) !== keyType(current.keySpec)) {
    throw kmsError(
      'ValidationException',
      messages.aliasKeyTypeMismatch(alias.aliasArn, keyType(current.keySpec), current.keyUsage, key.arn, keyType(key.keySpec), key.keyUsage),
    );
  }
  alias.targetKeyId = key.keyId;
  alias.lastUpdatedDate = context.now;
  return {};
}

function keyType(spec: KeySpec): string {
  if (isSymmetricEncryptionSpec(spec)) return 'symmetric';
  if (isHmacSpec(spec)) return 'HMAC';
  return 'asymmetric';
}
