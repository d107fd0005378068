import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { setKeyEnabled } from '../vault/custom-key-stores';
import { keyForOperation } from './key-for-operation';

/**
 * Sets a key's state to Disabled.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html
 */
export function disableKey(context: OperationContext, input: HandlerInput<'DisableKey'>): HandlerOutput<'DisableKey'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: false });
  setKeyEnabled(key, false);
  return {};
}
