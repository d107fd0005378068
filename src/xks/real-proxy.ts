import { randomUUID } from 'node:crypto';
import type { OperationContext } from '../context/operation-context';
import type { ExternalLayer } from '../crypto/symmetric-ciphertext';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { XKS_TIMEOUT_MS, type CustomKeyStoreRecord, type XksSettings } from '../vault/custom-key-stores';
import type { KeyRecord } from '../vault/key-record';
import { xksDecrypt, xksEncrypt, xksHealth, xksKeyMetadata, type XksOutcome, type XksRequestMetadata, type XksTarget } from './xks-client';
import { connectionErrorCode, createKeyError, cryptoError, managementError } from './xks-errors';

/** The real proxy an external key store's endpoint is forwarded to (`vault.addXksProxy(endpoint, { url })`), if any. */
export function realProxyTarget(context: OperationContext, settings: XksSettings, region: string): XksTarget | undefined {
  const proxy = context.state.customKeyStores.proxies.get(settings.uriEndpoint);
  if (proxy?.url === undefined) return undefined;
  return {
    url: proxy.url,
    uriPath: settings.uriPath,
    accessKeyId: settings.accessKeyId,
    rawSecretAccessKey: settings.rawSecretAccessKey,
    region,
    timeoutMs: proxy.timeoutMs ?? XKS_TIMEOUT_MS,
  };
}

/** The requestMetadata KMS sends with a request made for this operation (XKS Proxy API, each operation). */
function requestMetadata(context: OperationContext, key?: KeyRecord): XksRequestMetadata {
  return {
    awsPrincipalArn: context.caller.principalArn,
    ...(key ? { kmsKeyArn: key.arn } : {}),
    kmsOperation: context.operation,
    // The spec asks for the KMS request id; handlers do not see it, so each proxy request gets its own.
    kmsRequestId: randomUUID(),
    ...(key && context.request.viaService !== undefined ? { kmsViaService: context.request.viaService } : {}),
  };
}

/**
 * CreateCustomKeyStore and UpdateCustomKeyStore: KMS calls GetHealthStatus with the new settings and
 * fails with the management exception of the spec's table when the proxy does not accept them.
 */
export function checkRealProxy(context: OperationContext, target: XksTarget): void {
  const health = xksHealth(target, { kmsOperation: context.operation, kmsRequestId: randomUUID() });
  if (!health.ok) throw managementError(health.failure);
}

/** ConnectCustomKeyStore: GetHealthStatus, and the ConnectionErrorCode the attempt ends with, if it fails. */
export function realConnectionOutcome(context: OperationContext, target: XksTarget): ReturnType<typeof connectionErrorCode> | undefined {
  const health = xksHealth(target, { kmsOperation: context.operation, kmsRequestId: randomUUID() });
  return health.ok ? undefined : connectionErrorCode(health.failure);
}

/**
 * CreateKey with XksKeyId: GetKeyMetadata, which must report an enabled AES_256 key usable for
 * ENCRYPT and DECRYPT (XKS Proxy API, GetKeyMetadata "KMS Considerations"; the Developer Guide's
 * messages for each requirement).
 */
export function checkRealExternalKey(context: OperationContext, target: XksTarget, xksKeyId: string): void {
  const answer = xksKeyMetadata(target, xksKeyId, requestMetadata(context));
  if (!answer.ok) throw createKeyError(answer.failure);
  const { keySpec, keyUsage, keyStatus } = answer.value;
  if (keySpec !== 'AES_256') throw kmsError('XksKeyInvalidConfigurationException', messages.xksKeySpecNotAes256(keySpec));
  if (!keyUsage.includes('ENCRYPT') || !keyUsage.includes('DECRYPT'))
    throw kmsError('XksKeyInvalidConfigurationException', messages.xksKeyUsageMissing(keyUsage.join(', ')));
  if (keyStatus !== 'ENABLED') throw kmsError('XksKeyInvalidConfigurationException', messages.xksKeyStatusNotEnabled(keyStatus));
}

/**
 * The outer layer of a key's ciphertexts when its external key lives in a real proxy: a key in an
 * external key store whose material carries no simulated external key. Undefined for every other key.
 * Proxy failures are KMSInvalidStateException with the spec's message; a store whose endpoint is no
 * longer forwarded to a real proxy cannot reach it.
 */
export function externalLayerFor(context: OperationContext, key: KeyRecord): ExternalLayer | undefined {
  const link = key.customKeyStore;
  if (link?.xksKeyId === undefined || key.currentMaterial.externalSecret !== undefined) return undefined;
  const store: CustomKeyStoreRecord | undefined = context.state.customKeyStores.stores.get(link.customKeyStoreId);
  const target = store?.xks ? realProxyTarget(context, store.xks, store.region) : undefined;
  const xksKeyId = link.xksKeyId;
  const metadata = (): XksRequestMetadata => requestMetadata(context, key);
  const unwrap = <T>(outcome: XksOutcome<T> | undefined): T => {
    if (!outcome) throw cryptoError('unreachable');
    if (!outcome.ok) throw cryptoError(outcome.failure);
    return outcome.value;
  };
  return {
    encrypt: (inner, aad) => unwrap(target && xksEncrypt(target, xksKeyId, inner, aad, metadata())),
    decrypt: (outer, aad) => unwrap(target && xksDecrypt(target, xksKeyId, outer, aad, metadata())),
    innerLayerError: () => kmsError('KMSInvalidStateException', messages.xksProxyReturnedInvalidCiphertext()),
  };
}
