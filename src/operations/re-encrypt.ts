import type { ReEncryptRequest, ReEncryptResponse } from '@aws-sdk/client-kms';
import type { OperationContext } from '../engine/context';
import { authorize } from '../auth/authorize';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { encodeEncryptionContext } from '../crypto/encryption-context';
import { sealSymmetric } from '../crypto/symmetric-ciphertext';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from '../vault/resolve-key';
import { blob, bytesOf, endDryRun, requireKeyUsage, requireSymmetricAlgorithm } from './shared';
import { ciphertextSource, openCiphertext } from './symmetric-source';

/**
 * Decrypts a ciphertext and encrypts it again under another key (or the same key's current material,
 * or a new encryption context) without the plaintext leaving the vault. Authorized twice: as
 * `kms:ReEncryptFrom` on the source key and `kms:ReEncryptTo` on the destination key.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html
 */
export function reEncrypt(context: OperationContext, input: ReEncryptRequest): ReEncryptResponse {
  const namedSource = input.SourceKeyId === undefined ? undefined : resolveKey(context, input.SourceKeyId, { aliases: true });
  const destination = resolveKey(context, input.DestinationKeyId as string, { aliases: true });
  if (input.CiphertextBlob === undefined) throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  const ciphertext = bytesOf(input.CiphertextBlob);
  const source = ciphertextSource(context, ciphertext, namedSource);

  authorize(context, 'kms:ReEncryptFrom', source.key);
  authorize(context, 'kms:ReEncryptTo', destination);
  requireKeyState('ReEncrypt', source.key);
  requireKeyState('ReEncrypt', destination);
  requireKeyUsage(source.key, 'ENCRYPT_DECRYPT', 'ReEncrypt');
  requireSymmetricAlgorithm(source.key, input.SourceEncryptionAlgorithm);
  requireKeyUsage(destination, 'ENCRYPT_DECRYPT', 'ReEncrypt');
  requireSymmetricAlgorithm(destination, input.DestinationEncryptionAlgorithm);

  if (input.DryRun === true && input.DryRunModifiers?.includes('IGNORE_CIPHERTEXT')) endDryRun(input);
  const plaintext = openCiphertext(source, ciphertext, input.SourceEncryptionContext);
  endDryRun(input);
  const material = destination.currentMaterial;
  const out = sealSymmetric(material, plaintext, encodeEncryptionContext(input.DestinationEncryptionContext), context.random.bytes(12));
  plaintext.fill(0);
  return {
    CiphertextBlob: blob(out),
    SourceKeyId: source.key.arn,
    KeyId: destination.arn,
    SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    SourceKeyMaterialId: source.material.id,
    DestinationKeyMaterialId: material.id,
  };
}
