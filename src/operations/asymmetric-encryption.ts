import type { EncryptionAlgorithmSpec } from '@aws-sdk/client-kms';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { requireKeyState } from '../vault/key-state-rules';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { encodeEncryptionContext } from '../crypto/encryption-context';
import type { NodeKeyPair } from '../crypto/key-pair';
import { rsaOaepDecrypt, rsaOaepEncrypt } from '../crypto/rsa-oaep';
import { sm2Decrypt, sm2Encrypt } from '../crypto/sm2-encryption';
import { sealSymmetric, type ExternalLayer } from '../crypto/symmetric-ciphertext';
import { externalLayerFor } from '../xks/real-proxy';
import { kmsError } from '../errors/kms-error';
import { KmsVaultMockError } from '../errors/library-error';
import { messages } from '../errors/messages';
import type { KeyRecord } from '../vault/key-record';
import { keyPairOf } from '../vault/key-pair-of';
import { KEY_SPECS, rsaOaepPlaintextLimit } from '../vault/key-specs';
import { isKeyPair, requireAsymmetricEncryptionAlgorithm } from './algorithm-rules';
import { blob, bytesOf, endDryRun, plaintextBytes, requireKeyUsage, requireSymmetricAlgorithm } from './shared';
import type { CiphertextSource } from './symmetric-source';
import { openCiphertext } from './symmetric-source';

/**
 * The encryption algorithm a request uses with `key`: SYMMETRIC_DEFAULT (the default) for symmetric
 * encryption keys, RSAES_OAEP_SHA_1 or RSAES_OAEP_SHA_256 for RSA keys and SM2PKE for SM2 keys (no
 * default for key pairs). InvalidKeyUsageException for any other.
 */
export function encryptionAlgorithmFor(key: KeyRecord, algorithm: EncryptionAlgorithmSpec | undefined): EncryptionAlgorithmSpec {
  if (!isKeyPair(key)) {
    requireSymmetricAlgorithm(key, algorithm);
    return 'SYMMETRIC_DEFAULT';
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
 * ValidationException when `plaintext` is longer than a key pair encrypts with this algorithm: what the
 * RSA modulus allows with OAEP (RSA_2048: 214 bytes with SHA-1, 190 with SHA-256; recorded wording),
 * 1024 bytes with SM2PKE (API Reference, Encrypt; the wording of the RSA message is assumed).
 */
export function requirePlaintextFits(key: KeyRecord, algorithm: EncryptionAlgorithmSpec, plaintext: Uint8Array): void {
  if (!isKeyPair(key)) return;
  const rule = requireAsymmetricEncryptionAlgorithm(key, algorithm);
  const material = KEY_SPECS[key.keySpec].material;
  const limit = rule.scheme === 'sm2pke' ? rule.plaintextLimit : material.kind === 'rsa' ? rsaOaepPlaintextLimit(material.bits, rule.hashBytes) : undefined;
  if (limit !== undefined && plaintext.length > limit) throw kmsError('ValidationException', messages.plaintextTooLarge(algorithm, key.keySpec, limit));
}

/** The node:crypto key pair of an encryption key pair (RSA, SM2); a library error for any other. */
function encryptionPair(key: KeyRecord): NodeKeyPair {
  const pair = keyPairOf(key);
  if (pair.kind !== 'node') throw new KmsVaultMockError(`${key.arn} cannot encrypt; this is a bug in kms-vault-mock.`);
  return pair;
}

/** The SM2 private scalar and public point of an SM2 key pair; a library error when it has none. */
function sm2Keys(key: KeyRecord, pair: NodeKeyPair): { readonly scalar: Buffer; readonly point: Buffer } {
  if (!pair.ec || pair.params.kind !== 'sm2') throw new KmsVaultMockError(`${key.arn} has no SM2 key pair; this is a bug in kms-vault-mock.`);
  return pair.ec;
}

/**
 * Encrypts under a key with the algorithm {@link encryptionAlgorithmFor} chose: the vault's symmetric
 * blob (bound to the encryption context), raw RSA-OAEP or the DER SM2PKE ciphertext, each as OpenSSL
 * makes it. Returns the key material id for symmetric blobs.
 */
export function encryptUnder(
  context: OperationContext,
  key: KeyRecord,
  algorithm: EncryptionAlgorithmSpec,
  plaintext: Uint8Array,
  encryptionContext: Readonly<Record<string, string>> | undefined,
): { readonly ciphertext: Buffer; readonly materialId?: string } {
  if (algorithm === 'SYMMETRIC_DEFAULT') {
    const material = key.currentMaterial;
    return {
      ciphertext: sealSymmetric(material, plaintext, encodeEncryptionContext(encryptionContext), context.random.bytes(12), externalLayerFor(context, key)),
      materialId: material.id,
    };
  }
  const rule = requireAsymmetricEncryptionAlgorithm(key, algorithm);
  const pair = encryptionPair(key);
  if (rule.scheme === 'sm2pke') return { ciphertext: sm2Encrypt(sm2Keys(key, pair).point, plaintext, (length) => context.random.bytes(length)) };
  return { ciphertext: rsaOaepEncrypt(pair.publicKey, rule.oaepHash, plaintext, (length) => context.random.bytes(length)) };
}

/** Decrypts a ciphertext of `source`: InvalidCiphertextException when it does not open. */
export function decryptUnder(
  source: CiphertextSource,
  algorithm: EncryptionAlgorithmSpec,
  ciphertext: Uint8Array,
  encryptionContext: Readonly<Record<string, string>> | undefined,
  external?: ExternalLayer,
): Buffer {
  if (algorithm === 'SYMMETRIC_DEFAULT') return openCiphertext(source, ciphertext, encryptionContext, external);
  const rule = requireAsymmetricEncryptionAlgorithm(source.key, algorithm);
  const pair = encryptionPair(source.key);
  const plaintext =
    rule.scheme === 'sm2pke' ? sm2Decrypt(sm2Keys(source.key, pair).scalar, ciphertext) : rsaOaepDecrypt(pair.privateKey, rule.oaepHash, ciphertext);
  if (!plaintext) throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  return plaintext;
}

/**
 * Encrypt with a key pair (called by Encrypt once the key, its state and its usage are checked):
 * RSAES-OAEP or SM2PKE as requested, within the algorithm's plaintext limit, without encryption context.
 */
export function encryptWithKeyPair(context: OperationContext, key: KeyRecord, input: HandlerInput<'Encrypt'>): HandlerOutput<'Encrypt'> {
  const algorithm = encryptionAlgorithmFor(key, input.EncryptionAlgorithm);
  requireNoEncryptionContext(key, input.EncryptionContext);
  const plaintext = plaintextBytes(input.Plaintext);
  requirePlaintextFits(key, algorithm, plaintext);
  endDryRun(input);
  const { ciphertext } = encryptUnder(context, key, algorithm, plaintext, undefined);
  return { CiphertextBlob: blob(ciphertext), KeyId: key.arn, EncryptionAlgorithm: algorithm };
}

/**
 * Decrypt of an asymmetric ciphertext, under the key pair the request names in KeyId (the ciphertext
 * has no header to name it): the requested algorithm (RSAES-OAEP hash, SM2PKE) must be the one it was
 * made with.
 */
export function decryptWithKeyPair(context: OperationContext, key: KeyRecord, input: HandlerInput<'Decrypt'>): HandlerOutput<'Decrypt'> {
  if (input.CiphertextBlob === undefined) throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  authorize(context, permissionOf(context.operation), key, input);
  requireKeyState('Decrypt', key);
  requireKeyUsage(key, 'ENCRYPT_DECRYPT', 'Decrypt');
  const algorithm = encryptionAlgorithmFor(key, input.EncryptionAlgorithm);
  requireNoEncryptionContext(key, input.EncryptionContext);
  if (input.DryRun === true && input.DryRunModifiers?.includes('IGNORE_CIPHERTEXT')) endDryRun(input);
  const plaintext = decryptUnder({ key, material: key.currentMaterial }, algorithm, bytesOf(input.CiphertextBlob), undefined);
  endDryRun(input);
  return { KeyId: key.arn, Plaintext: blob(plaintext), EncryptionAlgorithm: algorithm };
}
