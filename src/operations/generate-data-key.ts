import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { answerRecipient, recipientOf, withRecipientFacts } from '../nitro/recipient';
import { encodeEncryptionContext } from '../crypto/encryption-context';
import { sealSymmetric } from '../crypto/symmetric-ciphertext';
import { externalLayerFor } from '../xks/real-proxy';
import { keyForOperation } from './key-for-operation';
import { blob, endDryRun, requireKeyUsage } from './shared';
import { requireSymmetricEncryptionKey } from './algorithm-rules';

/** A fresh data key and its ciphertext under `input.KeyId`; shared by both GenerateDataKey operations. */
export function makeDataKey(
  context: OperationContext,
  input: HandlerInput<'GenerateDataKey'> | HandlerInput<'GenerateDataKeyWithoutPlaintext'>,
): { plaintext: Buffer; response: Omit<HandlerOutput<'GenerateDataKey'>, 'Plaintext'> } {
  if ((input.KeySpec === undefined) === (input.NumberOfBytes === undefined)) {
    throw kmsError('ValidationException', messages.dataKeySize());
  }
  const key = keyForOperation(context, input.KeyId, input, { aliases: true });
  requireKeyUsage(key, 'ENCRYPT_DECRYPT', context.operation);
  requireSymmetricEncryptionKey(key, context.operation);
  endDryRun(input);
  const plaintext = context.random.bytes(input.NumberOfBytes ?? (input.KeySpec === 'AES_128' ? 16 : 32));
  const material = key.currentMaterial;
  const ciphertext = sealSymmetric(
    material,
    plaintext,
    encodeEncryptionContext(input.EncryptionContext),
    context.random.bytes(12),
    externalLayerFor(context, key),
  );
  return { plaintext, response: { CiphertextBlob: blob(ciphertext), KeyId: key.arn, KeyMaterialId: material.id } };
}

/**
 * Returns a data key in plaintext and encrypted under a symmetric encryption key.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html
 */
export function generateDataKey(context: OperationContext, input: HandlerInput<'GenerateDataKey'>): HandlerOutput<'GenerateDataKey'> {
  // A Nitro enclave's request: the plaintext data key goes to the enclave's public key (CiphertextForRecipient).
  const recipient = recipientOf(context, input.Recipient);
  if (recipient)
    return answerRecipient(context, recipient, generateDataKey(withRecipientFacts(context, recipient), { ...input, Recipient: undefined }), 'Plaintext');
  const { plaintext, response } = makeDataKey(context, input);
  return { CiphertextBlob: response.CiphertextBlob, Plaintext: blob(plaintext), KeyId: response.KeyId, KeyMaterialId: response.KeyMaterialId };
}
