import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { keysIn } from '../vault/custom-key-stores';
import { findCustomKeyStore, requireConnectionState } from './custom-key-store-rules';

/**
 * Deletes a DISCONNECTED custom key store that holds no KMS keys (keys pending deletion count until
 * they are deleted). The simulated cluster or proxy behind it stays.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteCustomKeyStore.html
 */
export function deleteCustomKeyStore(context: OperationContext, input: HandlerInput<'DeleteCustomKeyStore'>): HandlerOutput<'DeleteCustomKeyStore'> {
  const store = findCustomKeyStore(context, input.CustomKeyStoreId);
  requireConnectionState(store, ['DISCONNECTED']);
  if (keysIn(store, context.state.peek(store.accountId, store.region)).length > 0)
    throw kmsError('CustomKeyStoreHasCMKsException', messages.customKeyStoreHasKeys(store.id));
  context.state.customKeyStores.remove(store);
  return {};
}
