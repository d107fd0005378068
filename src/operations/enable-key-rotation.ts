import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { keyForOperation } from './key-for-operation';
import { addDays } from '../vault/rotation';
import { requireNotReplica, requireRotatableKey } from './rotation-rules';

/**
 * Enables automatic rotation every RotationPeriodInDays (90 to 2560, default 365). Calling it again
 * with a new period reschedules the next rotation from the last one.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html
 */
export function enableKeyRotation(context: OperationContext, input: HandlerInput<'EnableKeyRotation'>): HandlerOutput<'EnableKeyRotation'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: false });
  requireRotatableKey(key);
  requireNotReplica(key);
  const periodDays = input.RotationPeriodInDays ?? 365;
  key.rotation = { periodDays, nextRotationDate: addDays(context.now, periodDays) };
  context.state.trackRotation(key);
  return {};
}
