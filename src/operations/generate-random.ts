import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { answerRecipient, recipientOf, withRecipientFacts } from '../nitro/recipient';
import { requireRandomSource } from './custom-key-store-rules';
import { blob } from './shared';
import { authorizeWithoutKey } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';

/**
 * Returns 1 to 1024 random bytes, made in a connected CloudHSM key store's cluster when CustomKeyStoreId
 * names one (external key stores cannot: UnsupportedOperationException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateRandom.html
 */
export function generateRandom(context: OperationContext, input: HandlerInput<'GenerateRandom'>): HandlerOutput<'GenerateRandom'> {
  // A Nitro enclave's request: the bytes go to the enclave's public key (CiphertextForRecipient).
  const recipient = recipientOf(context, input.Recipient);
  if (recipient)
    return answerRecipient(context, recipient, generateRandom(withRecipientFacts(context, recipient), { ...input, Recipient: undefined }), 'Plaintext');
  authorizeWithoutKey(context, permissionOf(context.operation), input);
  if (input.CustomKeyStoreId !== undefined) requireRandomSource(context, input.CustomKeyStoreId);
  if (input.NumberOfBytes === undefined) {
    throw kmsError('ValidationException', messages.numberOfBytesRequired());
  }
  return { Plaintext: blob(context.random.bytes(input.NumberOfBytes)) };
}
