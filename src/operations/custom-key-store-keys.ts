import type { CreateKeyRequest, KeySpec, OriginType } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { externalKey, proxyFor } from '../vault/custom-key-store-backends';
import { keysIn, type CustomKeyStoreLink } from '../vault/custom-key-stores';
import { originOfStore, ORIGINS } from '../vault/origins';
import { checkRealExternalKey, realProxyTarget } from '../xks/real-proxy';
import { findCustomKeyStore, requireConnectionState, requireTwoHsms } from './custom-key-store-rules';

/** Where CreateKey puts a key in a custom key store: the link to it, and for an external key store the external key. */
export interface CustomKeyStorePlacement {
  readonly link: CustomKeyStoreLink;
  /** The external key's secret; made (by a permissive simulated proxy) only when called, once the request has passed every check. */
  readonly externalSecret?: () => Buffer;
}

/**
 * CreateKey's rules for CustomKeyStoreId, Origin AWS_CLOUDHSM / EXTERNAL_KEY_STORE and XksKeyId (API
 * Reference, CreateKey): the origin and the store's type agree; only single-Region SYMMETRIC_DEFAULT
 * keys (the origins table); the store is CONNECTED; a CloudHSM cluster has two active HSMs in
 * different Availability Zones; an external key exists in the proxy, is usable and backs no other key
 * of the store. Undefined for a key KMS holds itself.
 */
export function customKeyStorePlacement(
  context: OperationContext,
  input: CreateKeyRequest,
  origin: OriginType,
  keySpec: KeySpec,
): CustomKeyStorePlacement | undefined {
  const rule = ORIGINS[origin];
  if (input.XksKeyId !== undefined && origin !== 'EXTERNAL_KEY_STORE') throw kmsError('ValidationException', messages.xksKeyIdOnlyForExternalKeyStore());
  if (input.CustomKeyStoreId === undefined) {
    if (rule.customKeyStoreType) throw kmsError('ValidationException', messages.customKeyStoreIdRequired(origin));
    return undefined;
  }
  const store = findCustomKeyStore(context, input.CustomKeyStoreId);
  if (originOfStore(store.type) !== origin) throw kmsError('UnsupportedOperationException', messages.customKeyStoreOriginMismatch(origin, store.type));
  if (rule.keySpecs !== 'any' && keySpec !== rule.keySpecs) throw kmsError('UnsupportedOperationException', messages.customKeyStoreKeySpec(keySpec));
  if (input.MultiRegion === true && !rule.multiRegion) throw kmsError('UnsupportedOperationException', messages.customKeyStoreMultiRegion());
  if (origin === 'EXTERNAL_KEY_STORE' && input.XksKeyId === undefined)
    throw kmsError('ValidationException', messages.customKeyStoreMemberRequired('XksKeyId', 'EXTERNAL_KEY_STORE'));
  requireConnectionState(store, ['CONNECTED']);
  if (store.cloudHsm) {
    const cluster = context.state.customKeyStores.clusters.get(store.cloudHsm.clusterId);
    if (cluster) requireTwoHsms(cluster);
    return { link: { customKeyStoreId: store.id, cloudHsmClusterId: store.cloudHsm.clusterId } };
  }
  const xksKeyId = input.XksKeyId as string;
  const alreadyInUse = (): boolean => keysIn(store, context.state.peek(store.accountId, store.region)).some((k) => k.customKeyStore?.xksKeyId === xksKeyId);
  const real = store.xks ? realProxyTarget(context, store.xks, store.region) : undefined;
  if (real) {
    // A real proxy's key: GetKeyMetadata vets it, and the key's material carries no simulated external key.
    if (alreadyInUse()) throw kmsError('XksKeyAlreadyInUseException', messages.xksKeyAlreadyInUse(xksKeyId));
    checkRealExternalKey(context, real, xksKeyId);
    return { link: { customKeyStoreId: store.id, xksKeyId } };
  }
  const proxy = proxyFor(context.state.customKeyStores, (store.xks as { uriEndpoint: string }).uriEndpoint);
  const known = proxy.keys.get(xksKeyId);
  if (!known && proxy.strictKeys) throw kmsError('XksKeyNotFoundException', messages.xksKeyNotFound(xksKeyId));
  if (known && !known.usable) throw kmsError('XksKeyInvalidConfigurationException', messages.xksKeyInvalidConfiguration(xksKeyId));
  if (alreadyInUse()) {
    throw kmsError('XksKeyAlreadyInUseException', messages.xksKeyAlreadyInUse(xksKeyId));
  }
  return { link: { customKeyStoreId: store.id, xksKeyId }, externalSecret: () => (externalKey(proxy, xksKeyId, context.random) as { secret: Buffer }).secret };
}
