import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize, authorizeWithoutKey } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { findAlias, requireCustomerAliasName } from './alias-rules';

/**
 * Deletes an alias; the key it pointed to is not affected.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html
 */
export function deleteAlias(context: OperationContext, input: HandlerInput<'DeleteAlias'>): HandlerOutput<'DeleteAlias'> {
  const aliasName = input.AliasName;
  requireCustomerAliasName(aliasName);
  const { store, alias, key } = findAlias(context, aliasName);
  authorizeWithoutKey(context, permissionOf(context.operation), input, alias.aliasArn);
  if (key) authorize(context, permissionOf(context.operation), key, input);
  store.aliases.delete(aliasName);
  return {};
}
