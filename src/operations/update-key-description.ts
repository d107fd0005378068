import type { UpdateKeyDescriptionRequest } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { authorize } from '../auth/authorize';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from './resolve-key';

/**
 * Replaces a key's description.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html
 */
export function updateKeyDescription(context: OperationContext, input: UpdateKeyDescriptionRequest): Record<string, never> {
  const key = resolveKey(context, input.KeyId as string, { aliases: false });
  authorize(context, 'kms:UpdateKeyDescription', key, input);
  requireKeyState('UpdateKeyDescription', key);
  key.description = input.Description ?? '';
  return {};
}
