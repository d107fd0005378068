import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { keyForOperation } from './key-for-operation';
import { requireNotReplica, requireRotatableKey } from './rotation-rules';

/**
 * Disables automatic rotation; on-demand rotation stays available.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKeyRotation.html
 */
export function disableKeyRotation(context: OperationContext, input: HandlerInput<'DisableKeyRotation'>): HandlerOutput<'DisableKeyRotation'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: false });
  requireRotatableKey(key);
  requireNotReplica(key);
  key.rotation = undefined;
  context.state.trackRotation(key);
  return {};
}
