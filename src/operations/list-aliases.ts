import type { AliasListEntry, ListAliasesRequest, ListAliasesResponse } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { authorize, authorizeWithoutKey } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { resolveKey } from './resolve-key';
import { page } from './paging';

/**
 * Lists the aliases of the caller's account in the region, or only those of one key.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html
 */
export function listAliases(context: OperationContext, input: ListAliasesRequest): ListAliasesResponse {
  const key = input.KeyId === undefined ? undefined : resolveKey(context, input.KeyId, { aliases: false });
  if (key) authorize(context, permissionOf(context.operation), key, input);
  else authorizeWithoutKey(context, permissionOf(context.operation), input);
  const accountId = key?.accountId ?? context.caller.accountId;
  const region = key?.region ?? context.region;
  const store = context.state.peek(accountId, region);
  const entries: AliasListEntry[] = [];
  for (const a of store?.aliases.values() ?? []) {
    if (key && a.targetKeyId !== key.keyId) continue;
    entries.push({
      AliasName: a.aliasName,
      AliasArn: a.aliasArn,
      TargetKeyId: a.targetKeyId,
      CreationDate: new Date(a.creationDate.getTime()),
      LastUpdatedDate: new Date(a.lastUpdatedDate.getTime()),
    });
  }
  const p = page('ListAliases', entries, input.Limit ?? 50, input.Marker);
  return { Aliases: p.items, ...p.more };
}
