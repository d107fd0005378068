import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { grantListEntry } from '../vault/grants';
import { page } from './paging';
import { resolveKey } from './resolve-key';

/**
 * Lists the grants on a key, oldest first, optionally only one grant (GrantId) or one grantee
 * (GranteePrincipal); Limit (1 to 100, default 50) and Marker page the list.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListGrants.html
 */
export function listGrants(context: OperationContext, input: HandlerInput<'ListGrants'>): HandlerOutput<'ListGrants'> {
  const key = resolveKey(context, input.KeyId, { aliases: false });
  authorize(context, permissionOf(context.operation), key, input);
  let grants = context.state.grants.ofKey(key.arn);
  if (input.GrantId !== undefined) {
    grants = grants.filter((g) => g.grantId === input.GrantId);
    if (grants.length === 0) throw kmsError('InvalidGrantIdException', messages.grantIdNotFound(input.GrantId));
  }
  if (input.GranteePrincipal !== undefined) grants = grants.filter((g) => g.granteePrincipal === input.GranteePrincipal);
  const p = page('ListGrants', grants, input.Limit ?? 50, input.Marker);
  return { Grants: p.items.map(grantListEntry), ...p.more };
}
