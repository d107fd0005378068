import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { findGrant } from './grant-lookup';
import { endDryRun } from './shared';
import { resolveKey } from './resolve-key';

/**
 * Deletes a grant at once, by key and grant id. Authorized by the key policy (kms:RevokeGrant), unlike
 * RetireGrant. Works in every key state.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RevokeGrant.html
 */
export function revokeGrant(context: OperationContext, input: HandlerInput<'RevokeGrant'>): HandlerOutput<'RevokeGrant'> {
  const key = resolveKey(context, input.KeyId, { aliases: false });
  authorize(context, permissionOf(context.operation), key, input);
  const grant = findGrant(context, key, input.GrantId);
  endDryRun(input);
  context.state.grants.remove(grant);
  return {};
}
