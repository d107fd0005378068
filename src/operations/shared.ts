import type { EncryptionAlgorithmSpec } from '@aws-sdk/client-kms';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { KeyRecord } from '../vault/key-record';
import { ORIGINS } from '../vault/origins';

/** A blob member as bytes (the SDK accepts strings for blobs and sends their UTF-8 bytes). */
export function bytesOf(value: Uint8Array | string): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/** A blob member as bytes without copying: `Uint8Array`s as they are, strings as their UTF-8 bytes. */
export function plaintextBytes(value: Uint8Array | string): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

/** Bytes as the SDK returns blobs: a plain `Uint8Array`. */
export function blob(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** DryRun: every check passed, so KMS answers DryRunOperationException instead of acting. */
export function endDryRun(input: { DryRun?: boolean }): void {
  if (input.DryRun === true) throw kmsError('DryRunOperationException', messages.dryRun());
}

/**
 * DryRun with the IGNORE_CIPHERTEXT modifier (Decrypt, ReEncrypt): KMS checks the named key and the
 * caller's permissions and never looks at the ciphertext, which may then be absent.
 */
export function ignoresCiphertext(input: { DryRun?: boolean; DryRunModifiers?: readonly string[] }): boolean {
  return input.DryRun === true && input.DryRunModifiers?.includes('IGNORE_CIPHERTEXT') === true;
}

/** InvalidKeyUsageException unless the key's usage is `usage`. */
export function requireKeyUsage(key: KeyRecord, usage: KeyRecord['keyUsage'], operation: string): void {
  if (key.keyUsage !== usage) throw kmsError('InvalidKeyUsageException', messages.invalidKeyUsage(key.arn, key.keyUsage, operation));
}

/**
 * UnsupportedOperationException unless the key was made for imported key material (Origin EXTERNAL):
 * "The Origin of the KMS key must be EXTERNAL" (API Reference, GetParametersForImport, ImportKeyMaterial,
 * DeleteImportedKeyMaterial).
 */
export function requireExternalOrigin(key: KeyRecord): void {
  if (!ORIGINS[key.origin].importKeyMaterial) throw kmsError('UnsupportedOperationException', messages.originNotValid(key.arn, key.origin));
}

/** InvalidKeyUsageException unless `algorithm` fits a symmetric encryption key. */
export function requireSymmetricAlgorithm(key: KeyRecord, algorithm: EncryptionAlgorithmSpec | undefined): void {
  if (algorithm !== undefined && algorithm !== 'SYMMETRIC_DEFAULT') {
    throw kmsError('InvalidKeyUsageException', messages.algorithmNotSupported(algorithm, key.arn));
  }
}
