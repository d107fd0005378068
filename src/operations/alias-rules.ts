import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { OperationContext } from '../context/operation-context';
import { aliasArn } from '../vault/arn';
import type { AliasRecord, KeyRecord } from '../vault/key-record';
import type { RegionStore } from '../vault/vault-state';

/** Alias names must start with `alias/` and may not use the `alias/aws/` prefix reserved for AWS managed keys. */
export function requireCustomerAliasName(aliasName: string): void {
  if (!aliasName.startsWith('alias/') || aliasName.length <= 'alias/'.length) {
    throw kmsError('ValidationException', messages.aliasPrefix());
  }
  if (aliasName.startsWith('alias/aws/')) {
    // KMS answers NotAuthorizedException (not in the model) for the prefix reserved to AWS managed keys.
    throw kmsError('NotAuthorizedException', messages.reservedAliasPrefix());
  }
}

/** An alias of the caller's account and region with the key it points to; NotFoundException when none. */
export function findAlias(context: OperationContext, aliasName: string): { store: RegionStore; alias: AliasRecord; key: KeyRecord | undefined } {
  const store = context.state.peek(context.caller.accountId, context.region);
  const alias = store?.aliases.get(aliasName);
  if (!store || !alias) throw kmsError('NotFoundException', messages.aliasNotFound(aliasArn(context.region, context.caller.accountId, aliasName)));
  return { store, alias, key: store.keys.get(alias.targetKeyId) };
}
