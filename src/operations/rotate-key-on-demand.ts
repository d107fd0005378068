import type { RotateKeyOnDemandRequest, RotateKeyOnDemandResponse } from '@aws-sdk/client-kms';
import type { OperationContext } from '../engine/context';
import { authorize } from '../auth/authorize';
import { kmsError } from '../errors/kms-error';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from '../vault/resolve-key';
import { rotateMaterial } from '../vault/rotation';
import { requireNotReplica, requireRotatableKey } from './rotation-rules';
import { newKeyMaterial } from '../vault/key-material';

/** The most on-demand rotations KMS allows per key (a quota that cannot be raised). */
export const ON_DEMAND_ROTATION_LIMIT = 25;

/**
 * Rotates a key's material now, whatever its automatic schedule; new ciphertexts use the new material
 * and every older ciphertext still decrypts.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RotateKeyOnDemand.html
 */
export function rotateKeyOnDemand(context: OperationContext, input: RotateKeyOnDemandRequest): RotateKeyOnDemandResponse {
  const key = resolveKey(context, input.KeyId as string, { aliases: false });
  authorize(context, 'kms:RotateKeyOnDemand', key);
  requireKeyState('RotateKeyOnDemand', key);
  requireRotatableKey(key);
  requireNotReplica(key);
  const done = key.onDemandRotations ?? 0;
  if (done >= ON_DEMAND_ROTATION_LIMIT) {
    throw kmsError('LimitExceededException', `The on-demand rotation limit of ${ON_DEMAND_ROTATION_LIMIT} has been reached for ${key.arn}.`);
  }
  rotateMaterial(context.state, key, newKeyMaterial(context, 'ON_DEMAND'));
  key.onDemandRotations = done + 1;
  return { KeyId: key.arn };
}
