import type { DecryptRequest, DecryptResponse } from '@aws-sdk/client-kms';
import type { OperationContext } from '../engine/context';
import { authorize } from '../auth/authorize';
import { kmsError } from '../errors/kms-error';
import { KmsVaultMockError } from '../errors/library-error';
import { messages } from '../errors/messages';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from '../vault/resolve-key';
import { blob, bytesOf, endDryRun, requireKeyUsage, requireSymmetricAlgorithm } from './shared';
import { ciphertextSource, openCiphertext } from './symmetric-source';

/**
 * Decrypts a ciphertext made by Encrypt, GenerateDataKey or ReEncrypt. The key comes from the blob;
 * a KeyId that names another key gives IncorrectKeyException.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html
 */
export function decrypt(context: OperationContext, input: DecryptRequest): DecryptResponse {
  if (input.Recipient !== undefined) throw new KmsVaultMockError('kms-vault-mock does not implement Decrypt with Recipient (Nitro Enclaves attestation).');
  const named = input.KeyId === undefined ? undefined : resolveKey(context, input.KeyId, { aliases: true });
  if (input.CiphertextBlob === undefined) throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  const ciphertext = bytesOf(input.CiphertextBlob);
  const source = ciphertextSource(context, ciphertext, named);
  const key = source.key;
  authorize(context, 'kms:Decrypt', key);
  requireKeyState('Decrypt', key);
  requireKeyUsage(key, 'ENCRYPT_DECRYPT', 'Decrypt');
  requireSymmetricAlgorithm(key, input.EncryptionAlgorithm);
  if (input.DryRun === true && input.DryRunModifiers?.includes('IGNORE_CIPHERTEXT')) endDryRun(input);
  const plaintext = openCiphertext(source, ciphertext, input.EncryptionContext);
  endDryRun(input);
  return { KeyId: key.arn, Plaintext: blob(plaintext), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT', KeyMaterialId: source.material.id };
}
