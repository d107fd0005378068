import type { AliasListEntry } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize, authorizeWithoutKey } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { resolveKey } from './resolve-key';
import { page } from './paging';
import { unassociatedPredefinedAliases } from './aws-managed-keys';

/**
 * Lists the aliases of the caller's account in the region, or only those of one key. Without KeyId the
 * list ends with the predefined AWS aliases not yet associated with a key (no TargetKeyId); DescribeKey
 * on one of them creates its AWS managed key, after which it is listed with its key and dates.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html
 */
export function listAliases(context: OperationContext, input: HandlerInput<'ListAliases'>): HandlerOutput<'ListAliases'> {
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
  if (!key) entries.push(...unassociatedPredefinedAliases(accountId, region, store?.aliases ?? new Set<string>()));
  const p = page('ListAliases', entries, input.Limit ?? 50, input.Marker);
  return { Aliases: p.items, ...p.more };
}
