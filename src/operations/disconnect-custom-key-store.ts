import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { findCustomKeyStore, requireConnectionState } from './custom-key-store-rules';

/**
 * Disconnects a custom key store (CONNECTED, CONNECTING or FAILED) at once: it is DISCONNECTED and its
 * KMS keys are Unavailable, except keys pending deletion, until it is connected again.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DisconnectCustomKeyStore.html
 */
export function disconnectCustomKeyStore(
  context: OperationContext,
  input: HandlerInput<'DisconnectCustomKeyStore'>,
): HandlerOutput<'DisconnectCustomKeyStore'> {
  const store = findCustomKeyStore(context, input.CustomKeyStoreId);
  requireConnectionState(store, ['CONNECTED', 'CONNECTING', 'FAILED']);
  context.state.customKeyStores.disconnect(store, context.state.peek(store.accountId, store.region));
  return {};
}
