import type { KeyMaterialState, RotationsListEntry } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { keyForOperation } from './key-for-operation';
import { page } from './paging';
import { requireRotatableKey } from './rotation-rules';
import type { KeyMaterial, KeyRecord } from '../vault/key-record';
import { importedPrimaryOf, importedReplicasOf } from '../vault/imported-material';

/**
 * The completed rotations of a key (ROTATIONS_ONLY, the default), or every key-material version
 * (ALL_KEY_MATERIAL), oldest first, paged with Limit and Marker. For symmetric keys with imported key
 * material each entry also tells the material's import state, expiration and description, and new
 * material waiting for RotateKeyOnDemand is listed (ALL_KEY_MATERIAL) as PENDING_ROTATION, or, for a
 * multi-Region key while a replica lacks it, PENDING_MULTI_REGION_IMPORT_AND_ROTATION.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyRotations.html
 */
export function listKeyRotations(context: OperationContext, input: HandlerInput<'ListKeyRotations'>): HandlerOutput<'ListKeyRotations'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: false });
  requireRotatableKey(key, { imported: true });
  const all = input.IncludeKeyMaterial === 'ALL_KEY_MATERIAL';
  const entries: RotationsListEntry[] = [];
  for (const m of key.materials) {
    if (!all && m.rotationType === undefined) continue;
    const imported = m.imported;
    const entry: RotationsListEntry = {
      KeyId: key.arn,
      KeyMaterialId: m.id,
      KeyMaterialState: imported?.pendingRotation === true ? pendingState(key, m) : m === key.currentMaterial ? 'CURRENT' : 'NON_CURRENT',
    };
    if (imported) {
      if (imported.description !== undefined) entry.KeyMaterialDescription = imported.description;
      entry.ImportState = imported.imported ? 'IMPORTED' : 'PENDING_IMPORT';
      if (imported.expirationModel) entry.ExpirationModel = imported.expirationModel;
      if (imported.validTo) entry.ValidTo = new Date(imported.validTo.getTime());
    }
    if (m.rotationType) {
      entry.RotationDate = new Date(m.createdAt.getTime());
      entry.RotationType = m.rotationType;
    }
    entries.push(entry);
  }
  const p = page('ListKeyRotations', entries, input.Limit ?? 100, input.Marker);
  return { Rotations: p.items, ...p.more };
}

/**
 * The state of new imported key material waiting for RotateKeyOnDemand. For a multi-Region key it is
 * PENDING_MULTI_REGION_IMPORT_AND_ROTATION while some replica of the primary does not hold it, in the
 * listing of the primary and of every replica (API Reference, RotationsListEntry: "key material that has
 * been imported into the primary Region key but not all of the replica Region keys. When this key
 * material is imported in to all of the replica Region keys, the key material state will change to
 * PENDING_ROTATION").
 */
function pendingState(key: KeyRecord, material: KeyMaterial): KeyMaterialState {
  const primary = importedPrimaryOf(key) ?? key;
  const holds = (replica: KeyRecord) => replica.materials.some((m) => m.id === material.id && m.imported?.pendingRotation === true && m.imported.imported);
  return importedReplicasOf(primary).every(holds) ? 'PENDING_ROTATION' : 'PENDING_MULTI_REGION_IMPORT_AND_ROTATION';
}
