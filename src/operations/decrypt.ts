import type { DecryptRequest } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { KeyRecord } from '../vault/key-record';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from './resolve-key';
import { blob, bytesOf, endDryRun, ignoresCiphertext, requireKeyUsage, requireSymmetricAlgorithm } from './shared';
import { ciphertextSource, openCiphertext } from './symmetric-source';
import { externalLayerFor } from '../xks/real-proxy';
import { isKeyPair } from './algorithm-rules';
import { decryptWithKeyPair } from './asymmetric-encryption';
import { answerRecipient, recipientOf, withRecipientFacts } from '../nitro/recipient';

/**
 * Decrypts a ciphertext made by Encrypt, GenerateDataKey or ReEncrypt. The key comes from the blob;
 * a KeyId that names another key gives IncorrectKeyException. An asymmetric (RSA-OAEP) ciphertext has
 * no header, so its key pair must be named in KeyId.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html
 */
export function decrypt(context: OperationContext, input: HandlerInput<'Decrypt'>): HandlerOutput<'Decrypt'> {
  // A Nitro enclave's request: the plaintext goes to the enclave's public key (CiphertextForRecipient).
  const recipient = recipientOf(context, input.Recipient);
  if (recipient) return answerRecipient(context, recipient, decrypt(withRecipientFacts(context, recipient), { ...input, Recipient: undefined }), 'Plaintext');
  const named = input.KeyId === undefined ? undefined : resolveKey(context, input.KeyId, { aliases: true });
  if (named && isKeyPair(named)) return decryptWithKeyPair(context, named, input);
  // IGNORE_CIPHERTEXT takes the key from KeyId, so the blob is neither needed nor read.
  if (named && ignoresCiphertext(input)) {
    requireUsableKey(context, named, input);
    endDryRun(input);
  }
  if (input.CiphertextBlob === undefined) throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  const ciphertext = bytesOf(input.CiphertextBlob);
  const source = ciphertextSource(context, ciphertext, named);
  const key = source.key;
  requireUsableKey(context, key, input);
  if (ignoresCiphertext(input)) endDryRun(input);
  const plaintext = openCiphertext(source, ciphertext, input.EncryptionContext, externalLayerFor(context, key));
  endDryRun(input);
  return { KeyId: key.arn, Plaintext: blob(plaintext), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT', KeyMaterialId: source.material.id };
}

/** The checks Decrypt makes of the key whatever the ciphertext: permission, key state, usage, algorithm. */
function requireUsableKey(context: OperationContext, key: KeyRecord, input: DecryptRequest): void {
  authorize(context, permissionOf(context.operation), key, input);
  requireKeyState('Decrypt', key);
  requireKeyUsage(key, 'ENCRYPT_DECRYPT', 'Decrypt');
  requireSymmetricAlgorithm(key, input.EncryptionAlgorithm);
}
