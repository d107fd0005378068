import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { makeDataKeyPair } from './data-key-pair';
import { blob } from './shared';
import { answerRecipient, recipientOf, withRecipientFacts } from '../nitro/recipient';

/**
 * A fresh asymmetric data key pair: the public key (DER SubjectPublicKeyInfo), the private key in
 * plaintext (DER PKCS #8) and the private key encrypted under a symmetric encryption key, which Decrypt
 * opens with the same encryption context.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyPair.html
 */
export function generateDataKeyPair(context: OperationContext, input: HandlerInput<'GenerateDataKeyPair'>): HandlerOutput<'GenerateDataKeyPair'> {
  // A Nitro enclave's request: the private key goes to the enclave's public key (CiphertextForRecipient).
  const recipient = recipientOf(context, input.Recipient);
  if (recipient)
    return answerRecipient(
      context,
      recipient,
      generateDataKeyPair(withRecipientFacts(context, recipient), { ...input, Recipient: undefined }),
      'PrivateKeyPlaintext',
    );
  const pair = makeDataKeyPair(context, input);
  return {
    PrivateKeyCiphertextBlob: blob(pair.privateKeyCiphertext),
    PrivateKeyPlaintext: blob(pair.privateKey),
    PublicKey: blob(pair.publicKey),
    KeyId: pair.keyArn,
    KeyPairSpec: input.KeyPairSpec,
    KeyMaterialId: pair.keyMaterialId,
  };
}
