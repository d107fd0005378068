import { constants, createCipheriv, createDecipheriv, createHash, privateDecrypt, publicEncrypt, type KeyObject } from 'node:crypto';
import { derElement, derOctetString, derOid, derSequence, derSmallInteger } from './der-writer';

const OID = {
  envelopedData: '1.2.840.113549.1.7.3',
  data: '1.2.840.113549.1.7.1',
  rsaesOaep: '1.2.840.113549.1.1.7',
  mgf1: '1.2.840.113549.1.1.8',
  sha256: '2.16.840.1.101.3.4.2.1',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
} as const;

const NULL = Buffer.from([0x05, 0x00]);

/**
 * `CiphertextForRecipient` as KMS makes it for a Nitro enclave: a DER CMS ContentInfo holding an
 * EnvelopedData (RFC 5652) with one KeyTransRecipientInfo, the content-encryption key wrapped with
 * RSAES-OAEP (SHA-256, MGF1-SHA-256) under the enclave's public key, and the content encrypted with
 * AES-256-CBC. `openssl cms -decrypt -inform DER -inkey enclave.pem` opens it. The recipient is named
 * by subject key identifier (SHA-1 of its public key), as an enclave key has no certificate.
 */
export function envelopeForRecipient(recipient: KeyObject, plaintext: Uint8Array, randomBytes: (length: number) => Uint8Array): Buffer {
  const contentKey = Buffer.from(randomBytes(32));
  const iv = Buffer.from(randomBytes(16));
  const cipher = createCipheriv('aes-256-cbc', contentKey, iv);
  const encrypted = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const wrappedKey = publicEncrypt({ key: recipient, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, contentKey);
  const sha256 = derSequence(derOid(OID.sha256), NULL);
  const oaepParams = derSequence(derElement(0xa0, sha256), derElement(0xa1, derSequence(derOid(OID.mgf1), sha256)));
  const recipientInfo = derSequence(
    derSmallInteger(2),
    derElement(0x80, subjectKeyIdentifier(recipient)),
    derSequence(derOid(OID.rsaesOaep), oaepParams),
    derOctetString(wrappedKey),
  );
  const contentInfo = derSequence(derOid(OID.data), derSequence(derOid(OID.aes256Cbc), derOctetString(iv)), derElement(0x80, encrypted));
  const envelopedData = derSequence(derSmallInteger(2), derElement(0x31, recipientInfo), contentInfo);
  return derSequence(derOid(OID.envelopedData), derElement(0xa0, envelopedData));
}

/**
 * Opens what {@link envelopeForRecipient} made with the recipient's private key, as an enclave does;
 * undefined when the bytes are not such an envelope or the key is not the recipient's.
 */
export function openEnvelope(envelope: Uint8Array, privateKey: KeyObject): Buffer | undefined {
  try {
    const contentInfo = children(Buffer.from(envelope), 0x30);
    const [, recipientInfos, encryptedContentInfo] = children(expect(contentInfo[1], 0xa0), 0x30);
    const recipientInfo = children(expect(recipientInfos, 0x31), undefined);
    const ktri = children(expect(recipientInfo[0], 0x30), undefined);
    const wrappedKey = expect(ktri[3], 0x04);
    const contentKey = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, wrappedKey);
    const eci = children(expect(encryptedContentInfo, 0x30), undefined);
    const algorithm = children(expect(eci[1], 0x30), undefined);
    const iv = expect(algorithm[1], 0x04);
    const decipher = createDecipheriv('aes-256-cbc', contentKey, iv);
    return Buffer.concat([decipher.update(expect(eci[2], 0x80)), decipher.final()]);
  } catch {
    return undefined;
  }
}

/** RFC 5280's subject key identifier (method 1): SHA-1 of the subjectPublicKey bits. */
function subjectKeyIdentifier(key: KeyObject): Buffer {
  const spki = key.export({ type: 'spki', format: 'der' });
  const [, bits] = children(spki, 0x30);
  return createHash('sha1').update(expect(bits, 0x03).subarray(1)).digest();
}

interface Tlv {
  readonly tag: number;
  readonly content: Buffer;
}

/** The TLVs in `bytes`, after unwrapping one element of tag `outer` when given. */
function children(bytes: Buffer, outer: number | undefined): Tlv[] {
  const content = outer === undefined ? bytes : expect(readTlv(bytes, 0).tlv, outer);
  const out: Tlv[] = [];
  for (let at = 0; at < content.length;) {
    const { tlv, next } = readTlv(content, at);
    out.push(tlv);
    at = next;
  }
  return out;
}

function expect(tlv: Tlv | undefined, tag: number): Buffer {
  if (!tlv || tlv.tag !== tag) throw new Error(`expected DER tag ${tag}`);
  return tlv.content;
}

function readTlv(bytes: Buffer, at: number): { tlv: Tlv; next: number } {
  const tag = bytes[at];
  let lengthByte = bytes[at + 1];
  if (tag === undefined || lengthByte === undefined) throw new Error('truncated DER');
  let p = at + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const n = lengthByte & 0x7f;
    if (n === 0 || n > 3) throw new Error('unsupported DER length');
    length = 0;
    for (let i = 0; i < n; i++) {
      lengthByte = bytes[p++];
      if (lengthByte === undefined) throw new Error('truncated DER');
      length = length * 256 + lengthByte;
    }
  }
  if (p + length > bytes.length) throw new Error('truncated DER');
  return { tlv: { tag, content: bytes.subarray(p, p + length) }, next: p + length };
}
