import type { GenerateRandomRequest, GenerateRandomResponse } from '@aws-sdk/client-kms';
import type { OperationContext } from '../engine/context';
import { kmsError } from '../errors/kms-error';
import { NotImplementedError } from '../errors/library-error';
import { blob } from './shared';

/**
 * Returns 1 to 1024 random bytes.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateRandom.html
 */
export function generateRandom(context: OperationContext, input: GenerateRandomRequest): GenerateRandomResponse {
  if (input.Recipient !== undefined) throw new NotImplementedError('kms-vault-mock does not implement GenerateRandom with Recipient (Nitro Enclaves attestation).');
  if (input.CustomKeyStoreId !== undefined) {
    throw kmsError('CustomKeyStoreNotFoundException', `Custom key store '${input.CustomKeyStoreId}' does not exist`);
  }
  if (input.NumberOfBytes === undefined) {
    throw kmsError('ValidationException', 'NumberOfBytes is required.');
  }
  return { Plaintext: blob(context.random.bytes(input.NumberOfBytes)) };
}
