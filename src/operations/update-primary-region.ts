import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { keyArn } from '../vault/arn';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from './resolve-key';
import { requireMultiRegionPrimary } from './multi-region-rules';

/**
 * Makes the replica in PrimaryRegion the primary key and the current primary a replica. Both keys
 * are `Updating` until the change completes (from the next request on).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdatePrimaryRegion.html
 */
export function updatePrimaryRegion(context: OperationContext, input: HandlerInput<'UpdatePrimaryRegion'>): HandlerOutput<'UpdatePrimaryRegion'> {
  const primary = resolveKey(context, input.KeyId, { aliases: false });
  authorize(context, permissionOf(context.operation), primary, input);
  requireKeyState('UpdatePrimaryRegion', primary);
  const group = requireMultiRegionPrimary(primary);
  const region = input.PrimaryRegion;
  const replica = group.members.get(region);
  if (!replica) throw kmsError('NotFoundException', messages.keyNotFound(keyArn(region, primary.accountId, primary.keyId)));
  if (replica === primary) return {};
  requireKeyState('UpdatePrimaryRegion', replica);
  group.primaryRegion = region;
  // The rotation schedule belongs to the primary key.
  replica.rotation = primary.rotation;
  primary.rotation = undefined;
  context.state.trackRotation(replica);
  context.state.trackRotation(primary);
  context.state.settleLater(primary, 'Updating', primary.state);
  context.state.settleLater(replica, 'Updating', replica.state);
  return {};
}
