import type { DisableKeyRotationRequest } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { authorize } from '../auth/authorize';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from './resolve-key';
import { requireNotReplica, requireRotatableKey } from './rotation-rules';

/**
 * Disables automatic rotation; on-demand rotation stays available.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKeyRotation.html
 */
export function disableKeyRotation(context: OperationContext, input: DisableKeyRotationRequest): Record<string, never> {
  const key = resolveKey(context, input.KeyId as string, { aliases: false });
  authorize(context, 'kms:DisableKeyRotation', key, input);
  requireKeyState('DisableKeyRotation', key);
  requireRotatableKey(key);
  requireNotReplica(key);
  key.rotation = undefined;
  context.state.trackRotation(key);
  return {};
}
