import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { encodeEncryptionContext } from '../crypto/encryption-context';
import { sealSymmetric } from '../crypto/symmetric-ciphertext';
import { externalLayerFor } from '../xks/real-proxy';
import { keyForOperation } from './key-for-operation';
import { blob, endDryRun, plaintextBytes, requireKeyUsage, requireSymmetricAlgorithm } from './shared';
import { isKeyPair } from './algorithm-rules';
import { encryptWithKeyPair } from './asymmetric-encryption';

/**
 * Encrypts up to 4096 bytes under a symmetric encryption key, binding the encryption context, or a
 * few hundred bytes under an RSA key pair with RSAES-OAEP, or up to 1024 bytes under an SM2 key pair
 * with SM2PKE (China Regions).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html
 */
export function encrypt(context: OperationContext, input: HandlerInput<'Encrypt'>): HandlerOutput<'Encrypt'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: true });
  requireKeyUsage(key, 'ENCRYPT_DECRYPT', 'Encrypt');
  if (isKeyPair(key)) return encryptWithKeyPair(context, key, input);
  requireSymmetricAlgorithm(key, input.EncryptionAlgorithm);
  endDryRun(input);
  const ciphertext = sealSymmetric(
    key.currentMaterial,
    plaintextBytes(input.Plaintext),
    encodeEncryptionContext(input.EncryptionContext),
    context.random.bytes(12),
    externalLayerFor(context, key),
  );
  return { CiphertextBlob: blob(ciphertext), KeyId: key.arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
}
