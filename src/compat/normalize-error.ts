import { randomUUID } from 'node:crypto';
import { ERROR_SHAPES } from '../contract/generated';
import { kmsError, UNMODELED_ERRORS, type KmsErrorName } from '../errors/kms-error';
import type { AwsError } from './aws-command';

/** True when `name` is the name of an error AWS KMS returns. */
export function isKmsErrorName(name: unknown): name is KmsErrorName {
  return typeof name === 'string' && (Object.hasOwn(ERROR_SHAPES, name) || Object.hasOwn(UNMODELED_ERRORS, name));
}

/**
 * What a mock rejects with, as aws-sdk-client-mock makes it: an `Error` is kept as it is (so an SDK
 * exception keeps its class), a string becomes `new Error(string)`, anything else is copied onto a
 * new `Error`. For a KMS mock (`kms` true) a string that names a KMS error (`'NotFoundException'`),
 * or an object whose `name` does, becomes that error as the SDK would have deserialized it: an
 * instance of the SDK's exception class with `$fault`, `$metadata.httpStatusCode` and a request id.
 * Its message is the string itself, so assertions on the message written for aws-sdk-client-mock
 * still hold.
 */
export function normalizeError(error: unknown, kms: boolean): Error {
  if (error instanceof Error) return error;
  if (typeof error === 'string') return kms && isKmsErrorName(error) ? sdkError(error, error) : new Error(error);
  if (kms && typeof error === 'object' && error !== null && isKmsErrorName((error as AwsError).name)) {
    const { name, message, $metadata, ...rest } = error as AwsError & { name: KmsErrorName };
    const built = sdkError(name, message ?? name);
    Object.assign(built, rest);
    if ($metadata) built.$metadata = { ...built.$metadata, ...$metadata };
    return built;
  }
  return Object.assign(new Error(), error);
}

function sdkError(name: KmsErrorName, message: string): ReturnType<typeof kmsError> {
  return kmsError(name, message, randomUUID());
}
