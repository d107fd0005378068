import type { UpdateKeyDescriptionRequest } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { keyForOperation } from './key-for-operation';

/**
 * Replaces a key's description.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html
 */
export function updateKeyDescription(context: OperationContext, input: UpdateKeyDescriptionRequest): Record<string, never> {
  const key = keyForOperation(context, input.KeyId as string, input, { aliases: false });
  key.description = input.Description ?? '';
  return {};
}
