import type { DeleteAliasRequest } from '@aws-sdk/client-kms';
import type { OperationContext } from '../engine/context';
import { authorize } from '../auth/authorize';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { aliasArn } from '../vault/arn';
import { requireCustomerAliasName } from './alias-rules';

/**
 * Deletes an alias; the key it pointed to is not affected.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html
 */
export function deleteAlias(context: OperationContext, input: DeleteAliasRequest): Record<string, never> {
  const aliasName = input.AliasName as string;
  requireCustomerAliasName(aliasName);
  const store = context.state.peek(context.caller.accountId, context.region);
  const alias = store?.aliases.get(aliasName);
  const key = alias ? store?.keys.get(alias.targetKeyId) : undefined;
  if (!store || !alias) throw kmsError('NotFoundException', messages.aliasNotFound(aliasArn(context.region, context.caller.accountId, aliasName)));
  if (key) authorize(context, 'kms:DeleteAlias', key);
  store.aliases.delete(aliasName);
  return {};
}
