import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize, authorizeWithoutKey } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { aliasArn } from '../vault/arn';
import { newAlias } from '../vault/key-record';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from './resolve-key';
import { requireCustomerAliasName } from './alias-rules';

/**
 * Creates an alias for a customer managed key in the same account and region.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html
 */
export function createAlias(context: OperationContext, input: HandlerInput<'CreateAlias'>): HandlerOutput<'CreateAlias'> {
  const aliasName = input.AliasName;
  requireCustomerAliasName(aliasName);
  // The model's pattern admits ':' but KMS does not: alias names are letters, digits, '/', '_' and '-' (API Reference, CreateAlias AliasName).
  if (aliasName.includes(':')) throw kmsError('ValidationException', messages.aliasInvalidCharacters(aliasName));
  const key = resolveKey(context, input.TargetKeyId, { aliases: false });
  // The alias is authorized by identity policies alone (aliases have no policy), the key as any key.
  authorizeWithoutKey(context, permissionOf(context.operation), input, aliasArn(context.region, context.caller.accountId, aliasName));
  authorize(context, permissionOf(context.operation), key, input);
  requireKeyState('CreateAlias', key);
  const store = context.state.store(key.accountId, key.region);
  const arn = aliasArn(key.region, key.accountId, aliasName);
  if (store.aliases.has(aliasName)) throw kmsError('AlreadyExistsException', messages.aliasExists(arn));
  store.aliases.set(aliasName, newAlias(aliasName, key, context.now));
  return {};
}
