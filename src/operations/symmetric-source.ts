import type { OperationContext } from '../context/operation-context';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { encodeEncryptionContext } from '../crypto/encryption-context';
import { openSymmetric, symmetricMaterialId, type ExternalLayer } from '../crypto/symmetric-ciphertext';
import type { KeyMaterial, KeyRecord } from '../vault/key-record';

/** The key and key-material version a symmetric ciphertext blob was made under. */
export interface CiphertextSource {
  readonly key: KeyRecord;
  readonly material: KeyMaterial;
}

/**
 * Finds the key a blob was encrypted under from its header: InvalidCiphertextException when the blob
 * is no KMS ciphertext or its key no longer exists, IncorrectKeyException when the caller named
 * another key. Only keys in the caller's Region count.
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

/**
 * KMS keys are regional: the key a blob names is found in the caller's Region only (for a multi-Region
 * key, its related key there), the caller's own account first. A blob from another Region does not
 * decrypt: InvalidCiphertextException, as users meet it when a client is configured for the wrong Region
 * (awslabs/aws-lambda-redshift-loader#16; see docs/research/kms-error-messages.md).
 */
function preferredHolder(context: OperationContext, holders: readonly KeyRecord[]): KeyRecord | undefined {
  let inRegion: KeyRecord | undefined;
  for (const k of holders) {
    if (k.region !== context.region) continue;
    if (k.accountId === context.caller.accountId) return k;
    inRegion ??= k;
  }
  return inRegion;
}

/**
 * Decrypts a blob under its source material; InvalidCiphertextException on any change or wrong context.
 * `external`: the real external key store proxy that opens the outer layer of the source key's blobs.
 */
export function openCiphertext(
  source: CiphertextSource,
  blob: Uint8Array,
  context: Readonly<Record<string, string>> | undefined,
  external?: ExternalLayer,
): Buffer {
  const plaintext = openSymmetric(blob, source.material.secret, encodeEncryptionContext(context), source.material.externalSecret, external);
  if (!plaintext) throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  return plaintext;
}
