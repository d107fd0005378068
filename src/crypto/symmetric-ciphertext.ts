import { createCipheriv, createDecipheriv } from 'node:crypto';
import { derLengthBytes } from './der';

/**
 * Symmetric ciphertext blobs, laid out like real KMS blobs:
 *
 *   01 02 02 00 78 | key-material id (32 bytes) | DER length (uint32 BE) | DER CMS ContentInfo
 *
 * The ContentInfo is an `id-encryptedData` EncryptedData whose algorithm is `id-aes256-GCM` with
 * GCMParameters (12-byte nonce, 16-byte ICV); the encrypted content is ciphertext followed by the tag.
 * The header and the encoded encryption context are the GCM additional authenticated data, so a
 * changed header byte, content byte or context fails authentication.
 */

const MAGIC = Buffer.from([0x01, 0x02, 0x02, 0x00, 0x78]);
const MATERIAL_ID_BYTES = 32;
const HEADER_BYTES = MAGIC.length + MATERIAL_ID_BYTES;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const OID_ENCRYPTED_DATA = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x06]);
const OID_DATA = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01]);
const OID_AES256_GCM = Buffer.from([0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2e]);
const VERSION_0 = Buffer.from([0x02, 0x01, 0x00]);
const ICV_LEN_16 = Buffer.from([0x02, 0x01, TAG_BYTES]);
// AlgorithmIdentifier { id-aes256-GCM, GCMParameters { OCTET STRING(12) nonce, INTEGER 16 } }
const ALG_PREFIX = Buffer.concat([Buffer.from([0x30, 0x1e]), OID_AES256_GCM, Buffer.from([0x30, 0x11, 0x04, IV_BYTES])]);
const ALG_BYTES = ALG_PREFIX.length + IV_BYTES + ICV_LEN_16.length;

/** The key material that seals or opens a blob. */
export interface SealingKey {
  readonly idBytes: Uint8Array;
  readonly secret: Uint8Array;
  /**
   * Keys in an external key store: the external key. Such blobs are encrypted twice (Developer Guide,
   * "Double encryption"): first under `secret` (KMS's layer: its ciphertext and tag), then that result
   * under the external key, in the same layout, so the header still names the key material.
   */
  readonly externalSecret?: Uint8Array;
}

function derHeaderSize(length: number): number {
  return 1 + derLengthBytes(length).length;
}

function writeDerHeader(out: Buffer, p: number, tag: number, length: number): number {
  out[p++] = tag;
  for (const b of derLengthBytes(length)) out[p++] = b;
  return p;
}

/**
 * The fixed bytes of a blob for one plaintext length: the DER before the nonce and the DER between
 * the nonce and the encrypted content. Computed once per length; sealing copies them, opening
 * compares against them, so neither walks the structure per call.
 */
interface Layout {
  readonly plaintextLength: number;
  readonly total: number;
  readonly derLength: number;
  readonly beforeIv: Buffer;
  readonly afterIv: Buffer;
}

const layoutsByPlaintext = new Map<number, Layout>();
const layoutsByTotal = new Map<number, Layout | null>();

function layoutFor(plaintextLength: number): Layout {
  let layout = layoutsByPlaintext.get(plaintextLength);
  if (layout) return layout;
  const contentLen = plaintextLength + TAG_BYTES;
  const eciLen = OID_DATA.length + ALG_BYTES + derHeaderSize(contentLen) + contentLen;
  const edLen = VERSION_0.length + derHeaderSize(eciLen) + eciLen;
  const explicitLen = derHeaderSize(edLen) + edLen;
  const ciLen = OID_ENCRYPTED_DATA.length + derHeaderSize(explicitLen) + explicitLen;
  const derLength = derHeaderSize(ciLen) + ciLen;
  const before = Buffer.alloc(64);
  let p = writeDerHeader(before, 0, 0x30, ciLen);
  p += OID_ENCRYPTED_DATA.copy(before, p);
  p = writeDerHeader(before, p, 0xa0, explicitLen);
  p = writeDerHeader(before, p, 0x30, edLen);
  p += VERSION_0.copy(before, p);
  p = writeDerHeader(before, p, 0x30, eciLen);
  p += OID_DATA.copy(before, p);
  p += ALG_PREFIX.copy(before, p);
  const after = Buffer.alloc(16);
  let q = ICV_LEN_16.copy(after, 0);
  q = writeDerHeader(after, q, 0x80, contentLen);
  layout = { plaintextLength, total: HEADER_BYTES + 4 + derLength, derLength, beforeIv: before.subarray(0, p), afterIv: after.subarray(0, q) };
  layoutsByPlaintext.set(plaintextLength, layout);
  layoutsByTotal.set(layout.total, layout);
  return layout;
}

/** The layout a blob of `total` bytes must have, or null when no plaintext length gives that size. */
function layoutForTotal(total: number): Layout | null {
  const known = layoutsByTotal.get(total);
  if (known !== undefined) return known;
  // Structure overhead is under 100 bytes, so the plaintext length is close below the blob length.
  let found: Layout | null = null;
  for (let p = Math.max(0, total - HEADER_BYTES - 4 - 100); p <= total; p++) {
    const candidate = layoutFor(p);
    if (candidate.total === total) {
      found = candidate;
      break;
    }
    if (candidate.total > total) break;
  }
  if (!found) layoutsByTotal.set(total, null);
  return found;
}

/** The additional authenticated data: the blob header, then the encoded encryption context. */
function additionalData(header: Uint8Array, aadContext: Uint8Array): Buffer {
  const aad = Buffer.allocUnsafe(HEADER_BYTES + aadContext.length);
  aad.set(header.subarray(0, HEADER_BYTES), 0);
  aad.set(aadContext, HEADER_BYTES);
  return aad;
}

/** The outer layer's output as an external key store proxy returns it (XKS Proxy API, Encrypt). */
export interface ExternalLayerCiphertext {
  readonly ciphertext: Buffer;
  /** 12 or 16 bytes. */
  readonly iv: Buffer;
  /** 16 bytes. */
  readonly tag: Buffer;
  /** The proxy's ciphertextMetadata, 0 to 20 bytes. */
  readonly metadata: Buffer;
}

/**
 * The outer layer of double encryption done by a real external key store proxy. Its methods throw
 * when the proxy fails; the caller decides which error that is.
 */
export interface ExternalLayer {
  encrypt(inner: Buffer, aad: Buffer): ExternalLayerCiphertext;
  decrypt(outer: ExternalLayerCiphertext, aad: Buffer): Buffer;
  /** What to throw when the proxy's plaintext is not a KMS layer that opens: the proxy, not the caller, is at fault. */
  innerLayerError(): Error;
}

/**
 * Blobs whose outer layer a real proxy made carry its IV, metadata and tag, which the CMS layout has no
 * room for, and KMS's own IV:
 *
 *   header (37) | KMS IV (12) | proxy IV length (1) | proxy IV | metadata length (1) | metadata | proxy tag (16) | proxy ciphertext
 *
 * The proxy ciphertext is KMS's layer (ciphertext then tag). Both layers authenticate the header and the
 * encoded encryption context.
 */
function sealExternal(key: SealingKey, layer: ExternalLayer, plaintext: Uint8Array, aadContext: Uint8Array, iv: Uint8Array): Buffer {
  const header = Buffer.concat([MAGIC, key.idBytes]);
  const aad = additionalData(header, aadContext);
  const outer = layer.encrypt(kmsLayer(key, plaintext, aadContext, iv), aad);
  return Buffer.concat([
    header,
    iv,
    Buffer.from([outer.iv.length]),
    outer.iv,
    Buffer.from([outer.metadata.length]),
    outer.metadata,
    outer.tag,
    outer.ciphertext,
  ]);
}

function openExternal(blob: Uint8Array, secret: Uint8Array, aadContext: Uint8Array, layer: ExternalLayer): Buffer | undefined {
  if (!hasMagic(blob)) return undefined;
  const view = Buffer.from(blob.buffer, blob.byteOffset, blob.length);
  let p = HEADER_BYTES;
  const innerIv = view.subarray(p, (p += IV_BYTES));
  const ivLength = view[p++];
  if (ivLength !== 12 && ivLength !== 16) return undefined;
  const outerIv = view.subarray(p, (p += ivLength));
  const metadataLength = view[p++];
  if (metadataLength === undefined || metadataLength > 20) return undefined;
  const metadata = view.subarray(p, (p += metadataLength));
  const tag = view.subarray(p, (p += TAG_BYTES));
  const ciphertext = view.subarray(p);
  if (tag.length !== TAG_BYTES || ciphertext.length < TAG_BYTES) return undefined;
  const aad = additionalData(view, aadContext);
  const inner = layer.decrypt({ ciphertext: Buffer.from(ciphertext), iv: Buffer.from(outerIv), tag: Buffer.from(tag), metadata: Buffer.from(metadata) }, aad);
  if (inner.length < TAG_BYTES) throw layer.innerLayerError();
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, innerIv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(inner.subarray(inner.length - TAG_BYTES));
    const plain = decipher.update(inner.subarray(0, inner.length - TAG_BYTES));
    decipher.final();
    return plain;
  } catch {
    throw layer.innerLayerError();
  }
}

/**
 * Encrypts `plaintext` into a blob. `aadContext` is the encoded encryption context. With `external`,
 * the key's external key lives in a real external key store proxy, which makes the outer layer.
 */
export function sealSymmetric(key: SealingKey, plaintext: Uint8Array, aadContext: Uint8Array, iv: Uint8Array, external?: ExternalLayer): Buffer {
  if (external) return sealExternal(key, external, plaintext, aadContext, iv);
  if (key.externalSecret) return sealLayer(key.idBytes, key.externalSecret, kmsLayer(key, plaintext, aadContext, iv), aadContext, iv);
  return sealLayer(key.idBytes, key.secret, plaintext, aadContext, iv);
}

/**
 * The inner layer of a doubly encrypted blob: AES-GCM under the KMS key material, ciphertext then tag.
 * It uses the outer layer's nonce: the two layers have different keys.
 */
function kmsLayer(key: SealingKey, plaintext: Uint8Array, aadContext: Uint8Array, iv: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key.secret, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(Buffer.concat([MAGIC, key.idBytes]), aadContext));
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

function sealLayer(idBytes: Uint8Array, secret: Uint8Array, plaintext: Uint8Array, aadContext: Uint8Array, iv: Uint8Array): Buffer {
  const layout = layoutFor(plaintext.length);
  const out = Buffer.allocUnsafe(layout.total);
  MAGIC.copy(out, 0);
  out.set(idBytes, MAGIC.length);
  let p = out.writeUInt32BE(layout.derLength, HEADER_BYTES);
  p += layout.beforeIv.copy(out, p);
  out.set(iv, p);
  p += IV_BYTES;
  p += layout.afterIv.copy(out, p);

  const cipher = createCipheriv('aes-256-gcm', secret, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(out, aadContext));
  p += cipher.update(plaintext).copy(out, p);
  cipher.final();
  cipher.getAuthTag().copy(out, p);
  return out;
}

/** The key-material id (64 hex characters) a blob names, or undefined when it is no symmetric KMS blob. */
export function symmetricMaterialId(blob: Uint8Array): string | undefined {
  if (!hasMagic(blob)) return undefined;
  return Buffer.from(blob.buffer, blob.byteOffset + MAGIC.length, MATERIAL_ID_BYTES).toString('hex');
}

function hasMagic(blob: Uint8Array): boolean {
  if (blob.length < HEADER_BYTES + 4) return false;
  for (let i = 0; i < MAGIC.length; i++) if (blob[i] !== MAGIC[i]) return false;
  return true;
}

function sameBytes(blob: Uint8Array, at: number, expected: Buffer): boolean {
  for (let i = 0; i < expected.length; i++) if (blob[at + i] !== expected[i]) return false;
  return true;
}

/**
 * Decrypts a blob; undefined when its structure is wrong or authentication fails. The structure is
 * checked byte for byte against the only layout a blob of its size can have (strict DER). With
 * `externalSecret`, the blob is doubly encrypted: the external key opens the outer layer, `secret` the inner;
 * with `external`, a real proxy opens the outer layer.
 */
export function openSymmetric(
  blob: Uint8Array,
  secret: Uint8Array,
  aadContext: Uint8Array,
  externalSecret?: Uint8Array,
  external?: ExternalLayer,
): Buffer | undefined {
  if (external) return openExternal(blob, secret, aadContext, external);
  if (!externalSecret) return openLayer(blob, secret, aadContext);
  const inner = openLayer(blob, externalSecret, aadContext);
  if (!inner || inner.length < TAG_BYTES) return undefined;
  const view = Buffer.from(blob.buffer, blob.byteOffset, blob.length);
  const ivAt = HEADER_BYTES + 4 + (layoutForTotal(blob.length)?.beforeIv.length ?? 0);
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, view.subarray(ivAt, ivAt + IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(view, aadContext));
    decipher.setAuthTag(inner.subarray(inner.length - TAG_BYTES));
    const plain = decipher.update(inner.subarray(0, inner.length - TAG_BYTES));
    decipher.final();
    return plain;
  } catch {
    return undefined;
  }
}

function openLayer(blob: Uint8Array, secret: Uint8Array, aadContext: Uint8Array): Buffer | undefined {
  if (!hasMagic(blob)) return undefined;
  const layout = layoutForTotal(blob.length);
  if (!layout) return undefined;
  const view = Buffer.from(blob.buffer, blob.byteOffset, blob.length);
  if (view.readUInt32BE(HEADER_BYTES) !== layout.derLength) return undefined;
  const ivAt = HEADER_BYTES + 4 + layout.beforeIv.length;
  const contentAt = ivAt + IV_BYTES + layout.afterIv.length;
  if (!sameBytes(blob, HEADER_BYTES + 4, layout.beforeIv) || !sameBytes(blob, ivAt + IV_BYTES, layout.afterIv)) return undefined;
  const tagAt = blob.length - TAG_BYTES;
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, view.subarray(ivAt, ivAt + IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(view, aadContext));
    decipher.setAuthTag(view.subarray(tagAt));
    const plain = decipher.update(view.subarray(contentAt, tagAt));
    decipher.final();
    return plain;
  } catch {
    return undefined;
  }
}
