import type { DisconnectCustomKeyStoreRequest, DisconnectCustomKeyStoreResponse } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { findCustomKeyStore, requireConnectionState } from './custom-key-store-rules';

/**
 * Disconnects a custom key store (CONNECTED, CONNECTING or FAILED) at once: it is DISCONNECTED and its
 * KMS keys are Unavailable, except keys pending deletion, until it is connected again.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DisconnectCustomKeyStore.html
 */
export function disconnectCustomKeyStore(context: OperationContext, input: DisconnectCustomKeyStoreRequest): DisconnectCustomKeyStoreResponse {
  const store = findCustomKeyStore(context, input.CustomKeyStoreId as string);
  requireConnectionState(store, ['CONNECTED', 'CONNECTING', 'FAILED']);
  context.state.customKeyStores.disconnect(store, context.state.peek(store.accountId, store.region));
  return {};
}
