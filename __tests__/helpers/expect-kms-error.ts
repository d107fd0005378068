import { KMSServiceException } from '@aws-sdk/client-kms';
import { kmsErrorOf } from './vault-client';

/** An SDK exception class such as `IncorrectKeyException`. */
type ExceptionClass = abstract new (...args: never[]) => KMSServiceException;

/** What a KMS error must look like to the SDK user. */
export interface ExpectedKmsError {
  /** The SDK's exception class, or the `name` of an error the model does not declare (`'ValidationException'`). */
  readonly type: ExceptionClass | string;
  /** `$metadata.httpStatusCode`. */
  readonly status: number;
  /** The exact message; omitted only where AWS's wording is not known. */
  readonly message?: string;
}

/**
 * Awaits a call that must fail and checks the error as a user sees it: the exact SDK class (or
 * `KMSServiceException` with the right `name`), `$fault`, HTTP status, message and a request id.
 */
export async function expectKmsError(promise: Promise<unknown>, expected: ExpectedKmsError): Promise<KMSServiceException> {
  const error = await kmsErrorOf(promise);
  if (typeof expected.type === 'string') {
    expect(error.name).toBe(expected.type);
    expect(error.constructor).toBe(KMSServiceException);
  } else {
    expect(error).toBeInstanceOf(expected.type);
  }
  expect(error.$fault).toBe('client');
  expect(error.$metadata.httpStatusCode).toBe(expected.status);
  expect(error.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  if (expected.message !== undefined) expect(error.message).toBe(expected.message);
  return error;
}

/** KMS sends InvalidCiphertextException without a message; the SDK reports that as 'UnknownError'. */
export const INVALID_CIPHERTEXT_MESSAGE = 'UnknownError';
export const INCORRECT_KEY_MESSAGE = 'The key ID in the request does not identify a CMK that can perform this operation.';
export const DRY_RUN_MESSAGE = 'The request would have succeeded, but the DryRun option is set.';
