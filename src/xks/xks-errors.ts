import type { ConnectionErrorCodeType, KMSServiceException } from '@aws-sdk/client-kms';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { XksFailure } from './xks-client';

/**
 * The message KMS gives for each failure of a proxy call, whatever the operation (XKS Proxy API
 * specification, "KMS Considerations" of Error codes: "the same failure scenario can result in
 * different exceptions but the exception message will be the same").
 */
const MESSAGES: Readonly<Record<XksFailure, () => string>> = {
  ValidationException: messages.xksProxyInvalidResponse,
  InvalidStateException: messages.xksExternalKeyNotEnabled,
  InvalidCiphertextException: messages.xksProxyRejectedCiphertext,
  InvalidKeyUsageException: messages.xksExternalKeyUsage,
  AuthenticationFailedException: messages.xksProxyAuthenticationFailed,
  AccessDeniedException: messages.xksProxyAccessDenied,
  KeyNotFoundException: messages.xksExternalKeyNotFound,
  InvalidUriPathException: messages.xksProxyInvalidUriPath,
  UnsupportedOperationException: messages.xksProxyUnsupportedOperation,
  DependencyTimeoutException: messages.xksProxyDependencyTimeout,
  ThrottlingException: messages.xksProxyThrottled,
  InternalException: messages.xksProxyInternal,
  unreachable: messages.xksProxyCannotConnect,
  tls: messages.xksProxyTls,
  timeout: messages.xksProxySocketTimeout,
  malformed: messages.xksProxyInvalidResponse,
  unhealthy: messages.xksProxyUnhealthy,
};

/** The message of a failure. */
export function xksFailureMessage(failure: XksFailure): string {
  return MESSAGES[failure]();
}

/**
 * CreateCustomKeyStore and UpdateCustomKeyStore (GetHealthStatus): the spec's table, management column.
 * A proxy that reports a key-level error to a health check answered something KMS cannot use.
 */
export function managementError(failure: XksFailure): KMSServiceException {
  switch (failure) {
    case 'AuthenticationFailedException':
      return kmsError('XksProxyIncorrectAuthenticationCredentialException', xksFailureMessage(failure));
    case 'InvalidUriPathException':
      return kmsError('XksProxyInvalidConfigurationException', xksFailureMessage(failure));
    case 'DependencyTimeoutException':
    case 'ThrottlingException':
    case 'unreachable':
    case 'tls':
    case 'timeout':
    case 'unhealthy':
    case 'InvalidStateException':
      return kmsError('XksProxyUriUnreachableException', xksFailureMessage(failure === 'InvalidStateException' ? 'unhealthy' : failure));
    default:
      return kmsError('XksProxyInvalidResponseException', messages.xksProxyInvalidResponse());
  }
}

/**
 * ConnectCustomKeyStore: the ConnectionErrorCode a failed GetHealthStatus leaves the store FAILED with
 * (Developer Guide, "Connection error codes for external key stores").
 */
export function connectionErrorCode(failure: XksFailure): ConnectionErrorCodeType {
  switch (failure) {
    case 'AuthenticationFailedException':
      return 'INVALID_CREDENTIALS';
    case 'InvalidUriPathException':
      return 'XKS_PROXY_INVALID_CONFIGURATION';
    case 'AccessDeniedException':
      return 'XKS_PROXY_ACCESS_DENIED';
    case 'tls':
      return 'XKS_PROXY_INVALID_TLS_CONFIGURATION';
    case 'timeout':
    case 'DependencyTimeoutException':
      return 'XKS_PROXY_TIMED_OUT';
    case 'unreachable':
    case 'unhealthy':
    case 'InvalidStateException':
    case 'ThrottlingException':
      return 'XKS_PROXY_NOT_REACHABLE';
    default:
      return 'XKS_PROXY_INVALID_RESPONSE';
  }
}

/** CreateKey (GetKeyMetadata): XksKeyNotFound, XksKeyInvalidConfiguration, else CustomKeyStoreInvalidState. */
export function createKeyError(failure: XksFailure): KMSServiceException {
  if (failure === 'KeyNotFoundException') return kmsError('XksKeyNotFoundException', xksFailureMessage(failure));
  if (failure === 'InvalidStateException' || failure === 'InvalidKeyUsageException')
    return kmsError('XksKeyInvalidConfigurationException', xksFailureMessage(failure));
  return kmsError('CustomKeyStoreInvalidStateException', xksFailureMessage(failure));
}

/**
 * Cryptographic operations: always KMSInvalidStateException, the message telling what went wrong
 * (Developer Guide, xks-troubleshooting: "when cryptographic operations on external key stores fail,
 * they always return KMSInvalidStateException").
 */
export function cryptoError(failure: XksFailure): KMSServiceException {
  return kmsError('KMSInvalidStateException', xksFailureMessage(failure));
}
