import { KmsVault, KmsVaultMockError } from '../../src';
import { messages } from '../../src/errors/messages';
import type { XksFailure } from '../../src/xks/xks-client';
import { connectionErrorCode, createKeyError, cryptoError, managementError } from '../../src/xks/xks-errors';

const FAILURES: readonly XksFailure[] = [
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
  'unreachable',
  'tls',
  'timeout',
  'malformed',
  'unhealthy',
];

describe('what a failed proxy call becomes (XKS Proxy API, "KMS Considerations" of Error codes)', () => {
  it.each([
    ['AuthenticationFailedException', 'XksProxyIncorrectAuthenticationCredentialException', messages.xksProxyAuthenticationFailed()],
    ['InvalidUriPathException', 'XksProxyInvalidConfigurationException', messages.xksProxyInvalidUriPath()],
    ['ValidationException', 'XksProxyInvalidResponseException', messages.xksProxyInvalidResponse()],
    ['InternalException', 'XksProxyInvalidResponseException', messages.xksProxyInvalidResponse()],
    ['malformed', 'XksProxyInvalidResponseException', messages.xksProxyInvalidResponse()],
    ['DependencyTimeoutException', 'XksProxyUriUnreachableException', messages.xksProxyDependencyTimeout()],
    ['ThrottlingException', 'XksProxyUriUnreachableException', messages.xksProxyThrottled()],
    ['unreachable', 'XksProxyUriUnreachableException', messages.xksProxyCannotConnect()],
    ['tls', 'XksProxyUriUnreachableException', messages.xksProxyTls()],
    ['timeout', 'XksProxyUriUnreachableException', messages.xksProxySocketTimeout()],
    ['unhealthy', 'XksProxyUriUnreachableException', messages.xksProxyUnhealthy()],
  ] as const)('Create/UpdateCustomKeyStore: %s → %s', (failure, name, message) => {
    const error = managementError(failure);
    expect(error.name).toBe(name);
    expect(error.message).toBe(message);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it.each([
    ['AuthenticationFailedException', 'INVALID_CREDENTIALS'],
    ['InvalidUriPathException', 'XKS_PROXY_INVALID_CONFIGURATION'],
    ['AccessDeniedException', 'XKS_PROXY_ACCESS_DENIED'],
    ['tls', 'XKS_PROXY_INVALID_TLS_CONFIGURATION'],
    ['timeout', 'XKS_PROXY_TIMED_OUT'],
    ['unreachable', 'XKS_PROXY_NOT_REACHABLE'],
    ['unhealthy', 'XKS_PROXY_NOT_REACHABLE'],
    ['malformed', 'XKS_PROXY_INVALID_RESPONSE'],
    ['InternalException', 'XKS_PROXY_INVALID_RESPONSE'],
  ] as const)('ConnectCustomKeyStore: %s → ConnectionErrorCode %s (Developer Guide, connection error codes)', (failure, code) => {
    expect(connectionErrorCode(failure)).toBe(code);
  });

  it('CreateKey: KeyNotFound → XksKeyNotFoundException, InvalidState and InvalidKeyUsage → XksKeyInvalidConfigurationException, others → CustomKeyStoreInvalidStateException', () => {
    expect(createKeyError('KeyNotFoundException').name).toBe('XksKeyNotFoundException');
    expect(createKeyError('InvalidStateException')).toMatchObject({
      name: 'XksKeyInvalidConfigurationException',
      message: messages.xksExternalKeyNotEnabled(),
    });
    expect(createKeyError('InvalidKeyUsageException')).toMatchObject({ name: 'XksKeyInvalidConfigurationException', message: messages.xksExternalKeyUsage() });
    expect(createKeyError('AccessDeniedException')).toMatchObject({ name: 'CustomKeyStoreInvalidStateException', message: messages.xksProxyAccessDenied() });
  });

  it('cryptographic operations: always KMSInvalidStateException, each failure with its own message', () => {
    const seen = new Set<string>();
    for (const failure of FAILURES) {
      const error = cryptoError(failure);
      expect(error.name).toBe('KMSInvalidStateException');
      seen.add(error.message);
    }
    // ValidationException and a malformed answer share "cannot interpret the response".
    expect(seen.size).toBe(FAILURES.length - 1);
  });
});

describe('vault.addXksProxy forwarding options', () => {
  it('accepts an http(s) base URL and a positive timeout, refuses anything else with a KmsVaultMockError', () => {
    const vault = new KmsVault();
    expect(vault.addXksProxy('https://xks.example.com', { url: 'http://127.0.0.1:8443', timeoutMs: 500 })).toMatchObject({ url: 'http://127.0.0.1:8443' });
    expect(() => vault.addXksProxy('https://xks.example.com', { url: 'ftp://127.0.0.1' })).toThrow(KmsVaultMockError);
    expect(() => vault.addXksProxy('https://xks.example.com', { url: 'http://127.0.0.1:8443/kms/xks/v1' })).toThrow(KmsVaultMockError);
    expect(() => vault.addXksProxy('https://xks.example.com', { timeoutMs: 0 })).toThrow(KmsVaultMockError);
    expect(vault.addXksProxy('https://xks.example.com', { url: undefined }).url).toBeUndefined();
  });
});
