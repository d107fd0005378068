import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { CONNECT_DURATION_MS } from '../vault/custom-key-stores';
import { connectionOutcome, findCustomKeyStore, requireConnectionState } from './custom-key-store-rules';

/**
 * Starts connecting a custom key store: it is CONNECTING, and CONNECTED once the connection time
 * (`CONNECT_DURATION_MS`) has passed on the vault clock, or FAILED with the ConnectionErrorCode its
 * cluster or proxy gives. A store already CONNECTED or CONNECTING stays so; FAILED and DISCONNECTING
 * stores must be disconnected first (CustomKeyStoreInvalidStateException). A CloudHSM cluster that is
 * not active fails at once (CloudHsmClusterNotActiveException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ConnectCustomKeyStore.html
 */
export function connectCustomKeyStore(context: OperationContext, input: HandlerInput<'ConnectCustomKeyStore'>): HandlerOutput<'ConnectCustomKeyStore'> {
  const store = findCustomKeyStore(context, input.CustomKeyStoreId);
  requireConnectionState(store, ['DISCONNECTED', 'CONNECTED', 'CONNECTING']);
  if (store.connectionState !== 'DISCONNECTED') return {};
  if (store.cloudHsm) {
    const cluster = context.state.customKeyStores.clusters.get(store.cloudHsm.clusterId);
    if (cluster && !cluster.active) throw kmsError('CloudHsmClusterNotActiveException', messages.cloudHsmClusterNotActive(cluster.clusterId));
  }
  const until = new Date(context.now.getTime() + CONNECT_DURATION_MS[store.type]);
  context.state.customKeyStores.beginConnecting(store, until, connectionOutcome(context, store));
  return {};
}
