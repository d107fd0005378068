import { createHash } from 'node:crypto';
import { syncHttpRequest, type SyncHttpResult } from './sync-http';

/**
 * Why a call to an external key store proxy failed: an `errorName` of the XKS Proxy API (Error codes),
 * or what KMS finds on its side — no TCP connection (`unreachable`), no TLS connection (`tls`), no
 * answer in time (`timeout`), an answer it cannot interpret (`malformed`), a GetHealthStatus saying
 * every external key manager is UNAVAILABLE (`unhealthy`).
 */
export type XksFailure =
  | 'ValidationException'
  | 'InvalidStateException'
  | 'InvalidCiphertextException'
  | 'InvalidKeyUsageException'
  | 'AuthenticationFailedException'
  | 'AccessDeniedException'
  | 'KeyNotFoundException'
  | 'InvalidUriPathException'
  | 'ThrottlingException'
  | 'UnsupportedOperationException'
  | 'DependencyTimeoutException'
  | 'InternalException'
  | 'unreachable'
  | 'tls'
  | 'timeout'
  | 'malformed'
  | 'unhealthy';

const ERROR_NAMES = new Set<string>([
  'ValidationException',
  'InvalidStateException',
  'InvalidCiphertextException',
  'InvalidKeyUsageException',
  'AuthenticationFailedException',
  'AccessDeniedException',
  'KeyNotFoundException',
  'InvalidUriPathException',
  'ThrottlingException',
  'UnsupportedOperationException',
  'DependencyTimeoutException',
  'InternalException',
]);

/** Where a proxy is and how KMS signs its requests to it. */
export interface XksTarget {
  /** The proxy's base URL (`http://127.0.0.1:PORT`), the address a test proxy listens on. */
  readonly url: string;
  /** XksProxyUriPath, ending in `/kms/xks/v1`. */
  readonly uriPath: string;
  readonly accessKeyId: string;
  readonly rawSecretAccessKey: string;
  /** The Region of the credential scope: the Region KMS calls from. */
  readonly region: string;
  readonly timeoutMs: number;
}

/** The requestMetadata of an XKS Proxy API request (spec, each operation's request payload). */
export interface XksRequestMetadata {
  readonly awsPrincipalArn?: string;
  readonly kmsKeyArn?: string;
  readonly kmsOperation: string;
  readonly kmsRequestId: string;
  readonly kmsViaService?: string;
}

export type XksOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: XksFailure };

/** GetKeyMetadata's answer. */
export interface XksKeyMetadata {
  readonly keySpec: string;
  readonly keyUsage: readonly string[];
  readonly keyStatus: string;
}

/** Encrypt's answer, decoded. */
export interface XksEncrypted {
  readonly ciphertext: Buffer;
  readonly iv: Buffer;
  readonly tag: Buffer;
  /** Empty when the proxy returned none. */
  readonly metadata: Buffer;
}

/** The signing service name of XKS proxy requests (spec, Appendix A). */
export const XKS_SIGNING_SERVICE = 'kms-xks-proxy';

function post(target: XksTarget, path: string, body: object): XksOutcome<Record<string, unknown>> {
  const result = syncHttpRequest({
    url: `${target.url.replace(/\/+$/, '')}${target.uriPath}${path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    timeoutMs: target.timeoutMs,
    sign: { accessKeyId: target.accessKeyId, secretAccessKey: target.rawSecretAccessKey, region: target.region, service: XKS_SIGNING_SERVICE },
  });
  return interpret(result);
}

function interpret(result: SyncHttpResult): XksOutcome<Record<string, unknown>> {
  if (result.kind === 'timeout') return { ok: false, failure: 'timeout' };
  if (result.kind === 'error') return { ok: false, failure: result.code === 'tls' ? 'tls' : 'unreachable' };
  let json: unknown;
  try {
    json = JSON.parse(result.body);
  } catch {
    return { ok: false, failure: 'malformed' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, failure: 'malformed' };
  const record = json as Record<string, unknown>;
  if (result.status === 200) return { ok: true, value: record };
  const name = record['errorName'];
  // "If an XKS proxy returns an HTTP error code without a JSON-formatted body ... the KMS exception message will be generic."
  return { ok: false, failure: typeof name === 'string' && ERROR_NAMES.has(name) ? (name as XksFailure) : 'malformed' };
}

/**
 * GetHealthStatus: `POST {uriPath}/health`. Succeeds when the proxy answers as the spec describes and at
 * least one external key manager is not UNAVAILABLE (Developer Guide: connection attempts fail with
 * XKS_PROXY_NOT_REACHABLE "if the proxy reports that all external key manager instances are unavailable").
 */
export function xksHealth(target: XksTarget, metadata: XksRequestMetadata): XksOutcome<true> {
  const answer = post(target, '/health', { requestMetadata: metadata });
  if (!answer.ok) return answer;
  const fleet = answer.value['ekmFleetDetails'];
  if (!Array.isArray(fleet) || fleet.length === 0) return { ok: false, failure: 'malformed' };
  const statuses = fleet.map((e) => (typeof e === 'object' && e !== null ? (e as Record<string, unknown>)['healthStatus'] : undefined));
  if (statuses.some((s) => typeof s !== 'string')) return { ok: false, failure: 'malformed' };
  if (statuses.every((s) => s === 'UNAVAILABLE')) return { ok: false, failure: 'unhealthy' };
  return { ok: true, value: true };
}

/** GetKeyMetadata: `POST {uriPath}/keys/{id}/metadata`. */
export function xksKeyMetadata(target: XksTarget, keyId: string, metadata: XksRequestMetadata): XksOutcome<XksKeyMetadata> {
  const answer = post(target, `/keys/${encodeURIComponent(keyId)}/metadata`, { requestMetadata: metadata });
  if (!answer.ok) return answer;
  const { keySpec, keyUsage, keyStatus } = answer.value;
  if (typeof keySpec !== 'string' || typeof keyStatus !== 'string' || !Array.isArray(keyUsage) || !keyUsage.every((u) => typeof u === 'string'))
    return { ok: false, failure: 'malformed' };
  return { ok: true, value: { keySpec, keyUsage: keyUsage as string[], keyStatus } };
}

/**
 * Encrypt: `POST {uriPath}/keys/{id}/encrypt` with AES_GCM and a ciphertext data integrity value
 * (SHA_256), which KMS checks: the answer must have a 12- or 16-byte IV, a 16-byte tag, a ciphertext as
 * long as the plaintext, at most 20 bytes of metadata, and the CDIV over them (spec, Appendix C).
 */
export function xksEncrypt(target: XksTarget, keyId: string, plaintext: Uint8Array, aad: Uint8Array, metadata: XksRequestMetadata): XksOutcome<XksEncrypted> {
  const answer = post(target, `/keys/${encodeURIComponent(keyId)}/encrypt`, {
    requestMetadata: metadata,
    plaintext: Buffer.from(plaintext).toString('base64'),
    encryptionAlgorithm: 'AES_GCM',
    ...(aad.length > 0 ? { additionalAuthenticatedData: Buffer.from(aad).toString('base64') } : {}),
    ciphertextDataIntegrityValueAlgorithm: 'SHA_256',
  });
  if (!answer.ok) return answer;
  const fields = answer.value;
  const ciphertext = base64Field(fields, 'ciphertext');
  const iv = base64Field(fields, 'initializationVector');
  const tag = base64Field(fields, 'authenticationTag');
  const extra = fields['ciphertextMetadata'] === undefined ? Buffer.alloc(0) : base64Field(fields, 'ciphertextMetadata');
  const cdiv = base64Field(fields, 'ciphertextDataIntegrityValue');
  if (!ciphertext || !iv || !tag || !extra || !cdiv) return { ok: false, failure: 'malformed' };
  if (ciphertext.length !== plaintext.length || (iv.length !== 12 && iv.length !== 16) || tag.length !== 16 || extra.length > 20)
    return { ok: false, failure: 'malformed' };
  const expected = createHash('sha256').update(aad).update(extra).update(iv).update(ciphertext).update(tag).digest();
  if (!expected.equals(cdiv)) return { ok: false, failure: 'malformed' };
  return { ok: true, value: { ciphertext, iv, tag, metadata: extra } };
}

/** Decrypt: `POST {uriPath}/keys/{id}/decrypt`; the plaintext must be as long as the ciphertext. */
export function xksDecrypt(target: XksTarget, keyId: string, encrypted: XksEncrypted, aad: Uint8Array, metadata: XksRequestMetadata): XksOutcome<Buffer> {
  const answer = post(target, `/keys/${encodeURIComponent(keyId)}/decrypt`, {
    requestMetadata: metadata,
    ciphertext: encrypted.ciphertext.toString('base64'),
    ...(encrypted.metadata.length > 0 ? { ciphertextMetadata: encrypted.metadata.toString('base64') } : {}),
    encryptionAlgorithm: 'AES_GCM',
    ...(aad.length > 0 ? { additionalAuthenticatedData: Buffer.from(aad).toString('base64') } : {}),
    initializationVector: encrypted.iv.toString('base64'),
    authenticationTag: encrypted.tag.toString('base64'),
  });
  if (!answer.ok) return answer;
  const plaintext = base64Field(answer.value, 'plaintext');
  if (!plaintext || plaintext.length !== encrypted.ciphertext.length) return { ok: false, failure: 'malformed' };
  return { ok: true, value: plaintext };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function base64Field(fields: Record<string, unknown>, name: string): Buffer | undefined {
  const value = fields[name];
  if (typeof value !== 'string' || value.length % 4 !== 0 || !BASE64.test(value)) return undefined;
  return Buffer.from(value, 'base64');
}
