import { createCipheriv, createDecipheriv } from 'node:crypto';
import { DerReader, derLengthBytes } from './der';

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
}

function derHeaderSize(length: number): number {
  return 1 + derLengthBytes(length).length;
}

function writeDerHeader(out: Buffer, p: number, tag: number, length: number): number {
  out[p++] = tag;
  for (const b of derLengthBytes(length)) out[p++] = b;
  return p;
}

/** The additional authenticated data: the blob header, then the encoded encryption context. */
function additionalData(header: Uint8Array, aadContext: Uint8Array): Buffer {
  const aad = Buffer.allocUnsafe(HEADER_BYTES + aadContext.length);
  aad.set(header.subarray(0, HEADER_BYTES), 0);
  aad.set(aadContext, HEADER_BYTES);
  return aad;
}

/** Encrypts `plaintext` into a blob. `aadContext` is the encoded encryption context. */
export function sealSymmetric(key: SealingKey, plaintext: Uint8Array, aadContext: Uint8Array, iv: Uint8Array): Buffer {
  const contentLen = plaintext.length + TAG_BYTES;
  const eciLen = OID_DATA.length + ALG_BYTES + derHeaderSize(contentLen) + contentLen;
  const edLen = VERSION_0.length + derHeaderSize(eciLen) + eciLen;
  const explicitLen = derHeaderSize(edLen) + edLen;
  const ciLen = OID_ENCRYPTED_DATA.length + derHeaderSize(explicitLen) + explicitLen;
  const derLen = derHeaderSize(ciLen) + ciLen;

  const out = Buffer.allocUnsafe(HEADER_BYTES + 4 + derLen);
  MAGIC.copy(out, 0);
  out.set(key.idBytes, MAGIC.length);
  let p = out.writeUInt32BE(derLen, HEADER_BYTES);
  p = writeDerHeader(out, p, 0x30, ciLen);
  p += OID_ENCRYPTED_DATA.copy(out, p);
  p = writeDerHeader(out, p, 0xa0, explicitLen);
  p = writeDerHeader(out, p, 0x30, edLen);
  p += VERSION_0.copy(out, p);
  p = writeDerHeader(out, p, 0x30, eciLen);
  p += OID_DATA.copy(out, p);
  p += ALG_PREFIX.copy(out, p);
  out.set(iv, p);
  p += IV_BYTES;
  p += ICV_LEN_16.copy(out, p);
  p = writeDerHeader(out, p, 0x80, contentLen);

  const cipher = createCipheriv('aes-256-gcm', key.secret, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(out, aadContext));
  p += cipher.update(plaintext).copy(out, p);
  cipher.final();
  cipher.getAuthTag().copy(out, p);
  return out;
}

/** The key-material id (64 hex characters) a blob names, or undefined when it is no symmetric KMS blob. */
export function symmetricMaterialId(blob: Uint8Array): string | undefined {
  if (blob.length < HEADER_BYTES + 4) return undefined;
  for (let i = 0; i < MAGIC.length; i++) if (blob[i] !== MAGIC[i]) return undefined;
  return Buffer.from(blob.buffer, blob.byteOffset + MAGIC.length, MATERIAL_ID_BYTES).toString('hex');
}

/** Decrypts a blob; undefined when its structure is wrong or authentication fails. */
export function openSymmetric(blob: Uint8Array, secret: Uint8Array, aadContext: Uint8Array): Buffer | undefined {
  if (symmetricMaterialId(blob) === undefined) return undefined;
  const view = Buffer.from(blob.buffer, blob.byteOffset, blob.length);
  const derLen = view.readUInt32BE(HEADER_BYTES);
  if (HEADER_BYTES + 4 + derLen !== view.length) return undefined;
  const parsed = parseContentInfo(new DerReader(view, HEADER_BYTES + 4));
  if (!parsed) return undefined;
  const { iv, content } = parsed;
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(view, aadContext));
    decipher.setAuthTag(view.subarray(content.end - TAG_BYTES, content.end));
    const plain = decipher.update(view.subarray(content.start, content.end - TAG_BYTES));
    decipher.final();
    return plain;
  } catch {
    return undefined;
  }
}

function parseContentInfo(r: DerReader): { iv: Uint8Array; content: { start: number; end: number } } | undefined {
  const ci = r.child(0x30);
  if (!ci || !r.done || !ci.expect(OID_ENCRYPTED_DATA)) return undefined;
  const explicit = ci.child(0xa0);
  if (!explicit || !ci.done) return undefined;
  const ed = explicit.child(0x30);
  if (!ed || !explicit.done || !ed.expect(VERSION_0)) return undefined;
  const eci = ed.child(0x30);
  if (!eci || !ed.done || !eci.expect(OID_DATA) || !eci.expect(ALG_PREFIX)) return undefined;
  const iv = eci.take(IV_BYTES);
  if (!iv || !eci.expect(ICV_LEN_16)) return undefined;
  const content = eci.enter(0x80);
  if (!content || !eci.done || content.end - content.start < TAG_BYTES) return undefined;
  return { iv, content };
}
