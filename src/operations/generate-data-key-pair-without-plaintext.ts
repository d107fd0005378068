import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { makeDataKeyPair } from './data-key-pair';
import { blob } from './shared';

/**
 * As GenerateDataKeyPair, without the plaintext private key: the public key and the private key
 * encrypted under a symmetric encryption key.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyPairWithoutPlaintext.html
 */
export function generateDataKeyPairWithoutPlaintext(
  context: OperationContext,
  input: HandlerInput<'GenerateDataKeyPairWithoutPlaintext'>,
): HandlerOutput<'GenerateDataKeyPairWithoutPlaintext'> {
  const pair = makeDataKeyPair(context, input);
  return {
    PrivateKeyCiphertextBlob: blob(pair.privateKeyCiphertext),
    PublicKey: blob(pair.publicKey),
    KeyId: pair.keyArn,
    KeyPairSpec: input.KeyPairSpec,
    KeyMaterialId: pair.keyMaterialId,
  };
}
