import type { OperationContext } from '../engine/context';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { encodeEncryptionContext } from '../crypto/encryption-context';
import { openSymmetric, symmetricMaterialId } from '../crypto/symmetric-ciphertext';
import type { KeyMaterial, KeyRecord } from '../vault/key-record';

/** The key and key-material version a symmetric ciphertext blob was made under. */
export interface CiphertextSource {
  readonly key: KeyRecord;
  readonly material: KeyMaterial;
}

/**
 * Finds the key a blob was encrypted under from its header: InvalidCiphertextException when the blob
 * is no KMS ciphertext or its key no longer exists, IncorrectKeyException when the caller named
 * another key. A key in the caller's region wins over its multi-Region relatives elsewhere.
 */
export function ciphertextSource(context: OperationContext, blob: Uint8Array, named: KeyRecord | undefined): CiphertextSource {
  const materialId = symmetricMaterialId(blob);
  if (materialId === undefined) throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  const holders = context.state.keysWithMaterial(materialId);
  const key = holders.find((k) => k.region === context.region && k.accountId === context.caller.accountId)
    ?? holders.find((k) => k.region === context.region)
    ?? holders[0];
  if (!key) {
    if (named) throw kmsError('IncorrectKeyException', messages.incorrectKey());
    throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  }
  if (named && named !== key) throw kmsError('IncorrectKeyException', messages.incorrectKey());
  const material = key.materials.find((m) => m.id === materialId) as KeyMaterial;
  return { key, material };
}

/** Decrypts a blob under its source material; InvalidCiphertextException on any change or wrong context. */
export function openCiphertext(source: CiphertextSource, blob: Uint8Array, context: Readonly<Record<string, string>> | undefined): Buffer {
  const plaintext = openSymmetric(blob, source.material.secret, encodeEncryptionContext(context));
  if (!plaintext) throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  return plaintext;
}
