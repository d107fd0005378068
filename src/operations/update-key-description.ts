import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { keyForOperation } from './key-for-operation';

/**
 * Replaces a key's description.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html
 */
export function updateKeyDescription(context: OperationContext, input: HandlerInput<'UpdateKeyDescription'>): HandlerOutput<'UpdateKeyDescription'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: false });
  key.description = input.Description ?? '';
  return {};
}
