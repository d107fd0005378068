import type { CancelKeyDeletionRequest, CancelKeyDeletionResponse } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { authorize } from '../auth/authorize';
import { allMaterialImported } from '../vault/imported-material';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from './resolve-key';
import { makeUnavailable } from '../vault/custom-key-stores';

/**
 * Cancels a scheduled deletion; the key is left Disabled, as KMS documents, or PendingImport when it
 * lacks imported key material (deleted or expired while the key was pending deletion).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CancelKeyDeletion.html
 */
export function cancelKeyDeletion(context: OperationContext, input: CancelKeyDeletionRequest): CancelKeyDeletionResponse {
  const key = resolveKey(context, input.KeyId as string, { aliases: false });
  authorize(context, 'kms:CancelKeyDeletion', key, input);
  requireKeyState('CancelKeyDeletion', key);
  key.state = key.origin === 'EXTERNAL' && !allMaterialImported(key) ? 'PendingImport' : 'Disabled';
  key.deletionDate = undefined;
  key.pendingWindowInDays = undefined;
  context.state.cancelDeletion(key);
  // A key whose custom key store is not connected is Unavailable, and Disabled once it connects.
  const store = key.customKeyStore && context.state.customKeyStores.stores.get(key.customKeyStore.customKeyStoreId);
  if (store && store.connectionState !== 'CONNECTED') makeUnavailable(key);
  return { KeyId: key.arn };
}
