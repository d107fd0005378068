import type { EnableKeyRequest } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { setKeyEnabled } from '../vault/custom-key-stores';
import { keyForOperation } from './key-for-operation';

/**
 * Sets a key's state to Enabled.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html
 */
export function enableKey(context: OperationContext, input: EnableKeyRequest): Record<string, never> {
  const key = keyForOperation(context, input.KeyId as string, input, { aliases: false });
  setKeyEnabled(key, true);
  return {};
}
