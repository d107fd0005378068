import type { DisableKeyRequest } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { setKeyEnabled } from '../vault/custom-key-stores';
import { keyForOperation } from './key-for-operation';

/**
 * Sets a key's state to Disabled.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html
 */
export function disableKey(context: OperationContext, input: DisableKeyRequest): Record<string, never> {
  const key = keyForOperation(context, input.KeyId as string, input, { aliases: false });
  setKeyEnabled(key, false);
  return {};
}
