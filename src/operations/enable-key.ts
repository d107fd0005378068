import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { setKeyEnabled } from '../vault/custom-key-stores';
import { keyForOperation } from './key-for-operation';

/**
 * Sets a key's state to Enabled.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html
 */
export function enableKey(context: OperationContext, input: HandlerInput<'EnableKey'>): HandlerOutput<'EnableKey'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: false });
  setKeyEnabled(key, true);
  return {};
}
