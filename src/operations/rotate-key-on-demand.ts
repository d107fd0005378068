import { isSymmetricEncryptionSpec } from '../vault/key-specs';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { kmsError } from '../errors/kms-error';
import { keyForOperation } from './key-for-operation';
import { rotateMaterial } from '../vault/rotation';
import { requireNotReplica, requireRotatableKey } from './rotation-rules';
import { newKeyMaterial } from '../vault/key-material';
import { rotateIntoPendingMaterial } from '../vault/imported-material';
import { messages } from '../errors/messages';

/** The most on-demand rotations KMS allows per key (a quota that cannot be raised). */
export const ON_DEMAND_ROTATION_LIMIT = 25;

/**
 * Rotates a key's material now, whatever its automatic schedule; new ciphertexts use the new material
 * and every older ciphertext still decrypts. A symmetric key with imported key material rotates into
 * the new material imported for it (ImportType NEW_KEY_MATERIAL, key material state PENDING_ROTATION).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RotateKeyOnDemand.html
 */
export function rotateKeyOnDemand(context: OperationContext, input: HandlerInput<'RotateKeyOnDemand'>): HandlerOutput<'RotateKeyOnDemand'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: false });
  // Recorded: a key that is not symmetric gets UnsupportedOperationException without a message.
  if (!isSymmetricEncryptionSpec(key.keySpec) && (key.origin === 'AWS_KMS' || key.origin === 'EXTERNAL')) {
    throw kmsError('UnsupportedOperationException', messages.rotateOnDemandKeySpec());
  }
  requireRotatableKey(key, { imported: true });
  requireNotReplica(key);
  const done = key.onDemandRotations ?? 0;
  if (done >= ON_DEMAND_ROTATION_LIMIT) {
    throw kmsError('LimitExceededException', messages.onDemandRotationLimit(key.arn));
  }
  if (key.origin === 'EXTERNAL') {
    if (!key.materials.some((m) => m.imported?.pendingRotation === true)) throw kmsError('KMSInvalidStateException', messages.noPendingRotation(key.arn));
    rotateIntoPendingMaterial(key, context.now);
  } else {
    rotateMaterial(context.state, key, newKeyMaterial(context, 'ON_DEMAND'));
  }
  key.onDemandRotations = done + 1;
  return { KeyId: key.arn };
}
