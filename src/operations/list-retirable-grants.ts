import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorizeWithoutKey } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { grantListEntry } from '../vault/grants';
import { page } from './paging';

/**
 * Lists the grants, on keys of the caller's account and Region, that name RetiringPrincipal as their
 * retiring principal. Authorized by identity policies alone (no key). Limit (1 to 100, default 50)
 * and Marker page the list.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListRetirableGrants.html
 */
export function listRetirableGrants(context: OperationContext, input: HandlerInput<'ListRetirableGrants'>): HandlerOutput<'ListRetirableGrants'> {
  authorizeWithoutKey(context, permissionOf(context.operation), input);
  const store = context.state.peek(context.caller.accountId, context.region);
  const grants = [];
  if (store) {
    for (const key of store.keys.values()) {
      for (const g of context.state.grants.ofKey(key.arn)) if (g.retiringPrincipal === input.RetiringPrincipal) grants.push(g);
    }
  }
  const p = page('ListRetirableGrants', grants, input.Limit ?? 50, input.Marker);
  return { Grants: p.items.map(grantListEntry), ...p.more };
}
