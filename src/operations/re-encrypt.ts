import type { ReEncryptRequest } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { KeyRecord } from '../vault/key-record';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from './resolve-key';
import { blob, bytesOf, endDryRun, ignoresCiphertext, requireKeyUsage } from './shared';
import { ciphertextSource } from './symmetric-source';
import { externalLayerFor } from '../xks/real-proxy';
import { decryptUnder, encryptionAlgorithmFor, encryptUnder, keyPairSource, requireNoEncryptionContext, requirePlaintextFits } from './asymmetric-encryption';

/**
 * Decrypts a ciphertext and encrypts it again under another key (or the same key's current material,
 * or a new encryption context) without the plaintext leaving the vault. Authorized twice: as
 * `kms:ReEncryptFrom` on the source key and `kms:ReEncryptTo` on the destination key. Either key may
 * be an RSA key pair (RSAES-OAEP) or an SM2 key pair (SM2PKE); an asymmetric source must be named in
 * SourceKeyId.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html
 */
export function reEncrypt(context: OperationContext, input: HandlerInput<'ReEncrypt'>): HandlerOutput<'ReEncrypt'> {
  const namedSource = input.SourceKeyId === undefined ? undefined : resolveKey(context, input.SourceKeyId, { aliases: true });
  const destination = resolveKey(context, input.DestinationKeyId, { aliases: true });
  // IGNORE_CIPHERTEXT takes the source key from SourceKeyId, so the blob is neither needed nor read.
  if (namedSource && ignoresCiphertext(input)) {
    requireUsableKeys(context, namedSource, destination, input);
    endDryRun(input);
  }
  if (input.CiphertextBlob === undefined) throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  const ciphertext = bytesOf(input.CiphertextBlob);
  // An asymmetric ciphertext has no header: its key pair is the one SourceKeyId names.
  const source = keyPairSource(namedSource) ?? ciphertextSource(context, ciphertext, namedSource);
  requireUsableKeys(context, source.key, destination, input);
  const sourceAlgorithm = encryptionAlgorithmFor(source.key, input.SourceEncryptionAlgorithm);
  const destinationAlgorithm = encryptionAlgorithmFor(destination, input.DestinationEncryptionAlgorithm);

  if (ignoresCiphertext(input)) endDryRun(input);
  const plaintext = decryptUnder(source, sourceAlgorithm, ciphertext, input.SourceEncryptionContext, externalLayerFor(context, source.key));
  requirePlaintextFits(destination, destinationAlgorithm, plaintext);
  endDryRun(input);
  const { ciphertext: out, materialId } = encryptUnder(context, destination, destinationAlgorithm, plaintext, input.DestinationEncryptionContext);
  plaintext.fill(0);
  return {
    CiphertextBlob: blob(out),
    SourceKeyId: source.key.arn,
    KeyId: destination.arn,
    SourceEncryptionAlgorithm: sourceAlgorithm,
    DestinationEncryptionAlgorithm: destinationAlgorithm,
    ...(sourceAlgorithm === 'SYMMETRIC_DEFAULT' ? { SourceKeyMaterialId: source.material.id } : {}),
    ...(materialId !== undefined ? { DestinationKeyMaterialId: materialId } : {}),
  };
}

/** The checks ReEncrypt makes of both keys whatever the ciphertext: permissions, key states, usages, algorithms. */
function requireUsableKeys(context: OperationContext, source: KeyRecord, destination: KeyRecord, input: ReEncryptRequest): void {
  const sameKey = source === destination;
  authorize(context, permissionOf(context.operation, 0), source, input, { side: 'from', sameKey });
  authorize(context, permissionOf(context.operation, 1), destination, input, { side: 'to', sameKey });
  requireKeyState('ReEncrypt', source);
  requireKeyState('ReEncrypt', destination);
  requireKeyUsage(source, 'ENCRYPT_DECRYPT', 'ReEncrypt');
  encryptionAlgorithmFor(source, input.SourceEncryptionAlgorithm);
  requireNoEncryptionContext(source, input.SourceEncryptionContext);
  requireKeyUsage(destination, 'ENCRYPT_DECRYPT', 'ReEncrypt');
  encryptionAlgorithmFor(destination, input.DestinationEncryptionAlgorithm);
  requireNoEncryptionContext(destination, input.DestinationEncryptionContext);
}
