import type { ListKeyRotationsRequest, ListKeyRotationsResponse, RotationsListEntry } from '@aws-sdk/client-kms';
import type { OperationContext } from '../engine/context';
import { authorize } from '../auth/authorize';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from '../vault/resolve-key';
import { page } from './paging';
import { requireRotatableKey } from './rotation-rules';

/**
 * The completed rotations of a key (ROTATIONS_ONLY, the default), or every key-material version
 * (ALL_KEY_MATERIAL), oldest first, paged with Limit and Marker.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyRotations.html
 */
export function listKeyRotations(context: OperationContext, input: ListKeyRotationsRequest): ListKeyRotationsResponse {
  const key = resolveKey(context, input.KeyId as string, { aliases: false });
  authorize(context, 'kms:ListKeyRotations', key);
  requireKeyState('ListKeyRotations', key);
  requireRotatableKey(key);
  const all = input.IncludeKeyMaterial === 'ALL_KEY_MATERIAL';
  const entries: RotationsListEntry[] = [];
  for (const m of key.materials) {
    if (!all && m.rotationType === undefined) continue;
    const entry: RotationsListEntry = {
      KeyId: key.arn,
      KeyMaterialId: m.id,
      KeyMaterialState: m === key.currentMaterial ? 'CURRENT' : 'NON_CURRENT',
    };
    if (m.rotationType) {
      entry.RotationDate = new Date(m.createdAt.getTime());
      entry.RotationType = m.rotationType;
    }
    entries.push(entry);
  }
  const p = page('ListKeyRotations', entries, input.Limit ?? 100, input.Marker);
  return { Rotations: p.items, ...p.more };
}
