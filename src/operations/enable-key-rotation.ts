import type { EnableKeyRotationRequest } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { keyForOperation } from './key-for-operation';
import { addDays } from '../vault/rotation';
import { requireNotReplica, requireRotatableKey } from './rotation-rules';

/**
 * Enables automatic rotation every RotationPeriodInDays (90 to 2560, default 365). Calling it again
 * with a new period reschedules the next rotation from the last one.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html
 */
export function enableKeyRotation(context: OperationContext, input: EnableKeyRotationRequest): Record<string, never> {
  const key = keyForOperation(context, input.KeyId as string, input, { aliases: false });
  requireRotatableKey(key);
  requireNotReplica(key);
  const periodDays = input.RotationPeriodInDays ?? 365;
  key.rotation = { periodDays, nextRotationDate: addDays(context.now, periodDays) };
  context.state.trackRotation(key);
  return {};
}
