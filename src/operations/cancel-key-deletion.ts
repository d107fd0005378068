import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { allMaterialImported } from '../vault/imported-material';
import { keyForOperation } from './key-for-operation';
import { makeUnavailable } from '../vault/custom-key-stores';

/**
 * Cancels a scheduled deletion; the key is left Disabled, as KMS documents, or PendingImport when it
 * lacks imported key material (deleted or expired while the key was pending deletion).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CancelKeyDeletion.html
 */
export function cancelKeyDeletion(context: OperationContext, input: HandlerInput<'CancelKeyDeletion'>): HandlerOutput<'CancelKeyDeletion'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: false });
  key.state = key.origin === 'EXTERNAL' && !allMaterialImported(key) ? 'PendingImport' : 'Disabled';
  key.deletionDate = undefined;
  key.pendingWindowInDays = undefined;
  context.state.cancelDeletion(key);
  // A key whose custom key store is not connected is Unavailable, and Disabled once it connects.
  const store = key.customKeyStore && context.state.customKeyStores.stores.get(key.customKeyStore.customKeyStoreId);
  if (store && store.connectionState !== 'CONNECTED') makeUnavailable(key);
  return { KeyId: key.arn };
}
