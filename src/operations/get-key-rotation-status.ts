import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { keyForOperation } from './key-for-operation';
import { rotationOwner } from './rotation-rules';

/**
 * Whether automatic rotation is enabled, its period and the next rotation date. On-demand rotations
 * complete at once in the vault, so OnDemandRotationStartDate never appears.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html
 */
export function getKeyRotationStatus(context: OperationContext, input: HandlerInput<'GetKeyRotationStatus'>): HandlerOutput<'GetKeyRotationStatus'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: false });
  const rotation = rotationOwner(key).rotation;
  if (!rotation) return { KeyId: key.arn, KeyRotationEnabled: false };
  return {
    KeyId: key.arn,
    KeyRotationEnabled: true,
    RotationPeriodInDays: rotation.periodDays,
    NextRotationDate: new Date(rotation.nextRotationDate.getTime()),
  };
}
