import type { KMSServiceException } from '@aws-sdk/client-kms';
import { KmsVaultMockError, NotImplementedError } from '../errors/library-error';
import { JSON_11, type WireResponse } from './wire-message';

// Errors raised by AWS's service framework rather than by KMS itself carry the framework's namespace
// in `__type` (SDKs strip everything up to '#'); see docs/research/wire-protocol.md.
const FRAMEWORK_NAMESPACE: Readonly<Record<string, string>> = {
  SerializationException: 'com.amazon.coral.service#',
  UnknownOperationException: 'com.amazon.coral.service#',
  MissingAuthenticationTokenException: 'com.amazon.coral.service#',
  IncompleteSignatureException: 'com.amazon.coral.service#',
  InvalidSignatureException: 'com.amazon.coral.service#',
  UnrecognizedClientException: 'com.amazon.coral.service#',
  ValidationException: 'com.amazon.coral.validate#',
};

/** Headers every response of the KMS endpoint carries. */
export function responseHeaders(requestId: string, body: string): Record<string, string> {
  return {
    'content-type': JSON_11,
    'x-amzn-requestid': requestId,
    'content-length': String(Buffer.byteLength(body)),
    date: new Date().toUTCString(),
  };
}

/**
 * A KMS error as KMS sends it: its HTTP status, `x-amzn-RequestId`, `x-amzn-ErrorType`, and the body
 * `{"__type", "message"}`. An error KMS sends without a message (InvalidCiphertextException) has none
 * on the wire either; the SDKs then report 'UnknownError' themselves.
 */
export function kmsErrorResponse(error: KMSServiceException, requestId: string): WireResponse {
  const name = error.name;
  const message = error.message === 'UnknownError' ? undefined : error.message;
  const body = JSON.stringify({ __type: (FRAMEWORK_NAMESPACE[name] ?? '') + name, ...(message !== undefined ? { message } : {}) });
  return {
    status: error.$metadata.httpStatusCode ?? (error.$fault === 'server' ? 500 : 400),
    headers: { ...responseHeaders(requestId, body), 'x-amzn-errortype': name },
    body,
  };
}

/**
 * A misuse of kms-vault-mock or a gap in it met while answering (a KMS feature not implemented yet):
 * not a KMS error, so it is named as it is (501 for a gap, 500 otherwise), with the library's message
 * that says what to do. SDKs surface it as a service exception with that name.
 */
export function libraryErrorResponse(error: KmsVaultMockError, requestId: string): WireResponse {
  const body = JSON.stringify({ __type: error.name, message: error.message });
  return {
    status: error instanceof NotImplementedError ? 501 : 500,
    headers: { ...responseHeaders(requestId, body), 'x-amzn-errortype': error.name },
    body,
  };
}

/**
 * What AWS's front end answers a request that is not an AWS JSON request at all (another method or
 * Content-Type): 404 with an XML-looking body, not JSON.
 */
export function notJsonProtocolResponse(requestId: string): WireResponse {
  const body = '<UnknownOperationException/>\n';
  const { 'content-type': _json, ...headers } = responseHeaders(requestId, body);
  return { status: 404, headers, body };
}
