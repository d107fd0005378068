import type { EnableKeyRequest } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { authorize } from '../auth/authorize';
import { requireKeyState } from '../vault/key-state-rules';
import { setKeyEnabled } from '../vault/custom-key-stores';
import { resolveKey } from './resolve-key';

/**
 * Sets a key's state to Enabled.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html
 */
export function enableKey(context: OperationContext, input: EnableKeyRequest): Record<string, never> {
  const key = resolveKey(context, input.KeyId as string, { aliases: false });
  authorize(context, 'kms:EnableKey', key, input);
  requireKeyState('EnableKey', key);
  setKeyEnabled(key, true);
  return {};
}
