import type { AliasListEntry } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize, authorizeWithoutKey } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { resolveKey } from './resolve-key';
import { pageByKey } from './paging';
import { unassociatedPredefinedAliases } from './aws-managed-keys';

/**
 * Lists the aliases of the caller's account in the region, or only those of one key. Without KeyId the
 * list ends with the predefined AWS aliases not yet associated with a key (no TargetKeyId); DescribeKey
 * on one of them creates its AWS managed key, after which it is listed with its key and dates.
 *
 * Order, and where a page continues: the customer aliases by creation date (then name), then every
 * `alias/aws/` alias, with or without a key, by name (as the AWS CLI example of list-aliases shows them:
 * the customer's aliases, then aws/dynamodb, aws/ebs, ...). The marker names the last alias returned, so
 * DescribeKey associating a predefined alias, CreateAlias or DeleteAlias between pages makes no alias
 * present throughout skip or repeat.
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
  const p = pageByKey('ListAliases', entries, positionOf, POSITION, input.Limit ?? 50, input.Marker);
  return { Aliases: p.items, ...p.more };
}

const AWS_PREFIX = 'alias/aws/';

/** What a position key looks like: `0:<creation time, 16 digits>:<alias name>` or `1:<alias name>`. */
const POSITION = /^(?:0:\d{16}|1):alias\/[A-Za-z0-9:/_-]{1,250}$/;

/**
 * The position of an alias in the list, fixed while the alias exists: customer aliases first, by
 * creation time then name; then the AWS aliases (`alias/aws/...`) by name alone, so a predefined alias
 * keeps its place when DescribeKey associates it with its AWS managed key.
 */
function positionOf(entry: AliasListEntry): string {
  const name = entry.AliasName ?? '';
  if (name.startsWith(AWS_PREFIX)) return `1:${name}`;
  return `0:${String(Math.max(0, entry.CreationDate?.getTime() ?? 0)).padStart(16, '0')}:${name}`;
}
