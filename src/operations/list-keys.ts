import type { KeyListEntry } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorizeWithoutKey } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { page } from './paging';

/**
 * Lists the keys of the caller's account in the region, including keys pending deletion.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html
 */
export function listKeys(context: OperationContext, input: HandlerInput<'ListKeys'>): HandlerOutput<'ListKeys'> {
  authorizeWithoutKey(context, permissionOf(context.operation), input);
  const store = context.state.peek(context.caller.accountId, context.region);
  const entries: KeyListEntry[] = store ? [...store.keys.values()].map((k) => ({ KeyId: k.keyId, KeyArn: k.arn })) : [];
  const p = page('ListKeys', entries, input.Limit ?? 100, input.Marker);
  return { Keys: p.items, ...p.more };
}
