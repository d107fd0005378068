import type { DisableKeyRequest } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { authorize } from '../auth/authorize';
import { requireKeyState } from '../vault/key-state-rules';
import { setKeyEnabled } from '../vault/custom-key-stores';
import { resolveKey } from './resolve-key';

/**
 * Sets a key's state to Disabled.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html
 */
export function disableKey(context: OperationContext, input: DisableKeyRequest): Record<string, never> {
  const key = resolveKey(context, input.KeyId as string, { aliases: false });
  authorize(context, 'kms:DisableKey', key, input);
  requireKeyState('DisableKey', key);
  setKeyEnabled(key, false);
  return {};
}
