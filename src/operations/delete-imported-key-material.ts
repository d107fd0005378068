import { isSymmetricEncryptionSpec } from '../vault/key-specs';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { deleteImportedMaterial, hasKeyMaterial } from '../vault/imported-material';
import { keyForOperation } from './key-for-operation';
import { requireExternalOrigin } from './shared';

/**
 * Deletes imported key material: the current material unless KeyMaterialId names another. The key
 * becomes PendingImport (a key pending deletion keeps its state) and unusable until the same material
 * is imported again; new material still pending rotation is removed altogether. Multi-Region keys with
 * imported key material delete per Region: a replica's deletion leaves the primary and other replicas
 * unchanged; the primary's material pending rotation goes from the replicas too (vault/imported-material.ts).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html
 */
export function deleteImportedKeyMaterial(
  context: OperationContext,
  input: HandlerInput<'DeleteImportedKeyMaterial'>,
): HandlerOutput<'DeleteImportedKeyMaterial'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: false });
  requireExternalOrigin(key);
  const materialId = input.KeyMaterialId;
  const material = materialId === undefined ? (hasKeyMaterial(key) ? key.currentMaterial : undefined) : key.materials.find((m) => m.id === materialId);
  if (materialId !== undefined && !material) throw kmsError('NotFoundException', messages.keyMaterialNotFound(materialId, key.arn));
  if (material) deleteImportedMaterial(context.state, key, material);
  return material && isSymmetricEncryptionSpec(key.keySpec) ? { KeyId: key.arn, KeyMaterialId: material.id } : { KeyId: key.arn };
}
