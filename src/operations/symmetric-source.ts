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
  const key = preferredHolder(context, context.state.keysWithMaterial(materialId));
  if (!key) {
    if (named) throw kmsError('IncorrectKeyException', messages.incorrectKey());
    throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  }
  if (named && named !== key) throw kmsError('IncorrectKeyException', messages.incorrectKey());
  let material = key.currentMaterial;
  if (material.id !== materialId) for (const m of key.materials) if (m.id === materialId) material = m;
  return { key, material };
}

/** The caller's own key in its region first, then any key in its region, then any. */
function preferredHolder(context: OperationContext, holders: readonly KeyRecord[]): KeyRecord | undefined {
  if (holders.length === 1) return holders[0];
  let inRegion: KeyRecord | undefined;
  for (const k of holders) {
    if (k.region !== context.region) continue;
    if (k.accountId === context.caller.accountId) return k;
    inRegion ??= k;
  }
  return inRegion ?? holders[0];
}

/** Decrypts a blob under its source material; InvalidCiphertextException on any change or wrong context. */
export function openCiphertext(source: CiphertextSource, blob: Uint8Array, context: Readonly<Record<string, string>> | undefined): Buffer {
  const plaintext = openSymmetric(blob, source.material.secret, encodeEncryptionContext(context), source.material.externalSecret);
  if (!plaintext) throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  return plaintext;
}
