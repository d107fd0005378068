import type * as Sdk from '@aws-sdk/client-kms';
import type { KMSServiceException } from '@aws-sdk/client-kms';
import { ERROR_SHAPES, type ModeledErrorName } from '../contract/generated';
import { lazyRequire } from '../lazy-require';

// The SDK's exception classes load with the first error, not with the package: `kms-vault-mock serve`
// answers its first requests without paying for the SDK (about 55 ms), and in-process the test file
// has already loaded it, so the require finds the same copy in the module cache (docs/decisions/016).
const sdk = lazyRequire<typeof Sdk>('@aws-sdk/client-kms');

/** Errors AWS KMS returns that the model does not declare; the SDK surfaces them as `KMSServiceException`. */
export const UNMODELED_ERRORS = {
  ValidationException: { httpStatus: 400, fault: 'client' },
  AccessDeniedException: { httpStatus: 400, fault: 'client' },
  ThrottlingException: { httpStatus: 400, fault: 'client' },
  UnrecognizedClientException: { httpStatus: 400, fault: 'client' },
  SerializationException: { httpStatus: 400, fault: 'client' },
  NotAuthorizedException: { httpStatus: 400, fault: 'client' },
  // Answered by the wire before any operation runs (see docs/research/wire-protocol.md).
  UnknownOperationException: { httpStatus: 400, fault: 'client' },
  MissingAuthenticationTokenException: { httpStatus: 400, fault: 'client' },
  IncompleteSignatureException: { httpStatus: 400, fault: 'client' },
  InvalidSignatureException: { httpStatus: 400, fault: 'client' },
} as const;

/** The name of any error the vault can return. */
export type KmsErrorName = ModeledErrorName | keyof typeof UNMODELED_ERRORS;

type ExceptionCtor = new (opts: { message: string; $metadata: Sdk.KMSServiceException['$metadata'] }) => KMSServiceException;

function sdkClass(name: ModeledErrorName): ExceptionCtor | undefined {
  const candidate: unknown = (sdk() as unknown as Record<string, unknown>)[name];
  return typeof candidate === 'function' ? (candidate as ExceptionCtor) : undefined;
}

const CTORS = new Map<string, ExceptionCtor | undefined>();

/**
 * A KMS error as the SDK would have deserialized it: an instance of the SDK's own exception class
 * (or `KMSServiceException` with the right `name` for errors the model lacks), with `$fault`,
 * `$metadata.httpStatusCode` and a `requestId`.
 */
export function kmsError(name: KmsErrorName, message: string, requestId = ''): KMSServiceException {
  // The SDK replaces a missing or empty message with 'UnknownError' when it deserializes an error.
  message = message || 'UnknownError';
  const shape = name in ERROR_SHAPES ? ERROR_SHAPES[name as ModeledErrorName] : UNMODELED_ERRORS[name as keyof typeof UNMODELED_ERRORS];
  const $metadata = { httpStatusCode: shape.httpStatus, requestId, attempts: 1, totalRetryDelay: 0 };
  let ctor = CTORS.get(name);
  if (!CTORS.has(name)) {
    ctor = name in ERROR_SHAPES ? sdkClass(name as ModeledErrorName) : undefined;
    CTORS.set(name, ctor);
  }
  const error = ctor ? new ctor({ message, $metadata }) : new (sdk().KMSServiceException)({ name, $fault: shape.fault, message, $metadata });
  Object.defineProperty(error, '__type', { value: name, enumerable: true, writable: true, configurable: true });
  if (name === 'ThrottlingException') error.$retryable = { throttling: true };
  return error;
}

/**
 * True when `value` is an error built by {@link kmsError} or thrown by the SDK for KMS. Anything that
 * is not an Error is answered without loading the SDK (a request's origin on the server's way).
 */
export function isKmsError(value: unknown): value is KMSServiceException {
  return value instanceof Error && value instanceof sdk().KMSServiceException;
}

/**
 * A bug of kms-vault-mock met while answering a request: KMSInternalException, as KMS answers its own
 * failures, with the original error attached as `cause` so the report can say what broke.
 */
export function internalError(cause: unknown, requestId = ''): KMSServiceException {
  const error = kmsError('KMSInternalException', 'An internal error occurred in kms-vault-mock; this is a bug, please report it.', requestId);
  Object.defineProperty(error, 'cause', { value: cause, enumerable: false, writable: true, configurable: true });
  return error;
}
