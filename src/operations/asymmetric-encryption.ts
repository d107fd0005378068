import type { DecryptRequest, DecryptResponse, EncryptionAlgorithmSpec, EncryptRequest, EncryptResponse } from '@aws-sdk/client-kms';
import { authorize } from '../auth/authorize';
import { requireKeyState } from '../vault/key-state-rules';
import type { OperationContext } from '../engine/context';
import { encodeEncryptionContext } from '../crypto/encryption-context';
import { rsaOaepDecrypt, rsaOaepEncrypt } from '../crypto/rsa-oaep';
import { sealSymmetric } from '../crypto/symmetric-ciphertext';
import { kmsError } from '../errors/kms-error';
import { KmsVaultMockError } from '../errors/library-error';
import { messages } from '../errors/messages';
import type { KeyRecord } from '../vault/key-record';
import { keyPairOf } from '../vault/key-pair-of';
import { algorithmsOf, KEY_SPECS, rsaOaepPlaintextLimit } from '../vault/key-specs';
import { isKeyPair, requireAsymmetricEncryptionAlgorithm } from './algorithm-rules';
import { blob, bytesOf, endDryRun, plaintextBytes, requireKeyUsage, requireSymmetricAlgorithm } from './shared';
import type { CiphertextSource } from './symmetric-source';
import { openCiphertext } from './symmetric-source';

/**
 * The encryption algorithm a request uses with `key`: SYMMETRIC_DEFAULT (the default) for symmetric
 * encryption keys, RSAES_OAEP_SHA_1 or RSAES_OAEP_SHA_256 (no default) for RSA keys.
 * InvalidKeyUsageException for any other.
 */
export function encryptionAlgorithmFor(key: KeyRecord, algorithm: EncryptionAlgorithmSpec | undefined): EncryptionAlgorithmSpec {
  if (!isKeyPair(key)) {
    requireSymmetricAlgorithm(key, algorithm);
    return 'SYMMETRIC_DEFAULT';
  }
  if (algorithm === 'SM2PKE' && algorithmsOf(key.keySpec, key.keyUsage).EncryptionAlgorithms?.includes('SM2PKE')) {
    throw new KmsVaultMockError('kms-vault-mock does not implement SM2PKE encryption yet (node:crypto has no SM2 encryption).');
  }
  return requireAsymmetricEncryptionAlgorithm(key, algorithm).algorithm;
}

/** An encryption context works with symmetric encryption keys only: ValidationException with a key pair. */
export function requireNoEncryptionContext(key: KeyRecord, context: Readonly<Record<string, string>> | undefined): void {
  if (isKeyPair(key) && context !== undefined && Object.keys(context).length > 0) throw kmsError('ValidationException', messages.asymmetricEncryptionContext());
}

/**
 * The source of an asymmetric ciphertext: it has no header naming its key, so the request must name
 * the key (KeyId, SourceKeyId); a key pair named there is the source.
 */
export function keyPairSource(named: KeyRecord | undefined): CiphertextSource | undefined {
  return named && isKeyPair(named) ? { key: named, material: named.currentMaterial } : undefined;
}

/**
 * ValidationException when `plaintext` is longer than the key's RSA modulus allows with OAEP and this
 * algorithm (RSA_2048: 214 bytes with SHA-1, 190 with SHA-256; recorded wording).
 */
export function requirePlaintextFits(key: KeyRecord, algorithm: EncryptionAlgorithmSpec, plaintext: Uint8Array): void {
  const material = KEY_SPECS[key.keySpec].material;
  if (material.kind !== 'rsa') return;
  const { hashBytes } = requireAsymmetricEncryptionAlgorithm(key, algorithm);
  const limit = rsaOaepPlaintextLimit(material.bits, hashBytes);
  if (plaintext.length > limit) throw kmsError('ValidationException', messages.rsaPlaintextTooLarge(algorithm, key.keySpec, limit));
}

/**
 * Encrypts under a key with the algorithm {@link encryptionAlgorithmFor} chose: the vault's symmetric
 * blob (bound to the encryption context), or raw RSA-OAEP as OpenSSL makes it. Returns the key
 * material id for symmetric blobs.
 */
export function encryptUnder(context: OperationContext, key: KeyRecord, algorithm: EncryptionAlgorithmSpec, plaintext: Uint8Array, encryptionContext: Readonly<Record<string, string>> | undefined): { readonly ciphertext: Buffer; readonly materialId?: string } {
  if (algorithm === 'SYMMETRIC_DEFAULT') {
    const material = key.currentMaterial;
    return { ciphertext: sealSymmetric(material, plaintext, encodeEncryptionContext(encryptionContext), context.random.bytes(12)), materialId: material.id };
  }
  const pair = keyPairOf(key);
  if (pair.kind !== 'node') throw new KmsVaultMockError(`${key.arn} cannot encrypt; this is a bug in kms-vault-mock.`);
  return { ciphertext: rsaOaepEncrypt(pair.publicKey, requireAsymmetricEncryptionAlgorithm(key, algorithm).oaepHash, plaintext) };
}

/** Decrypts a ciphertext of `source`: InvalidCiphertextException when it does not open. */
export function decryptUnder(source: CiphertextSource, algorithm: EncryptionAlgorithmSpec, ciphertext: Uint8Array, encryptionContext: Readonly<Record<string, string>> | undefined): Buffer {
  if (algorithm === 'SYMMETRIC_DEFAULT') return openCiphertext(source, ciphertext, encryptionContext);
  const pair = keyPairOf(source.key);
  const plaintext = pair.kind === 'node' ? rsaOaepDecrypt(pair.privateKey, requireAsymmetricEncryptionAlgorithm(source.key, algorithm).oaepHash, ciphertext) : undefined;
  if (!plaintext) throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  return plaintext;
}

/**
 * Encrypt with an RSA key pair (called by Encrypt once the key, its state and its usage are checked):
 * RSAES-OAEP with the requested algorithm, within its plaintext limit, without encryption context.
 */
export function encryptWithKeyPair(context: OperationContext, key: KeyRecord, input: EncryptRequest): EncryptResponse {
  const algorithm = encryptionAlgorithmFor(key, input.EncryptionAlgorithm);
  requireNoEncryptionContext(key, input.EncryptionContext);
  const plaintext = plaintextBytes(input.Plaintext as Uint8Array | string);
  requirePlaintextFits(key, algorithm, plaintext);
  endDryRun(input);
  const { ciphertext } = encryptUnder(context, key, algorithm, plaintext, undefined);
  return { CiphertextBlob: blob(ciphertext), KeyId: key.arn, EncryptionAlgorithm: algorithm };
}

/**
 * Decrypt of an asymmetric ciphertext, under the key pair the request names in KeyId (the ciphertext
 * has no header to name it): the requested OAEP algorithm must be the one it was made with.
 */
export function decryptWithKeyPair(context: OperationContext, key: KeyRecord, input: DecryptRequest): DecryptResponse {
  if (input.CiphertextBlob === undefined) throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  authorize(context, 'kms:Decrypt', key);
  requireKeyState('Decrypt', key);
  requireKeyUsage(key, 'ENCRYPT_DECRYPT', 'Decrypt');
  const algorithm = encryptionAlgorithmFor(key, input.EncryptionAlgorithm);
  requireNoEncryptionContext(key, input.EncryptionContext);
  if (input.DryRun === true && input.DryRunModifiers?.includes('IGNORE_CIPHERTEXT')) endDryRun(input);
  const plaintext = decryptUnder({ key, material: key.currentMaterial }, algorithm, bytesOf(input.CiphertextBlob), undefined);
  endDryRun(input);
  return { KeyId: key.arn, Plaintext: blob(plaintext), EncryptionAlgorithm: algorithm };
}
