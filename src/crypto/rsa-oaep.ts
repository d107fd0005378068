import { constants, createHash, privateDecrypt, publicEncrypt, type KeyObject } from 'node:crypto';
import { mgf1 } from './mgf1';

/** A source of random bytes (the vault's, so that a seeded vault repeats its ciphertexts). */
export type RandomBytes = (length: number) => Uint8Array;

/**
 * EME-OAEP-ENCODE (RFC 8017 7.1.1 step 2) with an empty label: the encoded message, `k` bytes long,
 * whose seed comes from `randomBytes`.
 */
function oaepEncode(hash: string, message: Uint8Array, k: number, randomBytes: RandomBytes): Buffer {
  const lHash = createHash(hash).digest();
  const hLen = lHash.length;
  const db = Buffer.concat([lHash, Buffer.alloc(k - message.length - 2 * hLen - 2), Buffer.from([1]), message]);
  const seed = Buffer.from(randomBytes(hLen));
  const dbMask = mgf1(hash, seed, db.length);
  for (let i = 0; i < db.length; i++) db[i] = (db[i] ?? 0) ^ (dbMask[i] ?? 0);
  const seedMask = mgf1(hash, db, hLen);
  for (let i = 0; i < hLen; i++) seed[i] = (seed[i] ?? 0) ^ (seedMask[i] ?? 0);
  return Buffer.concat([Buffer.from([0]), seed, db]);
}

/**
 * RSAES-OAEP (RFC 8017 7.1) with `hash` for both the label hash and MGF1, as KMS's RSAES_OAEP_SHA_1
 * and RSAES_OAEP_SHA_256: the ciphertext is exactly what OpenSSL makes and reads, with no header. The
 * padding is encoded here and the RSA operation is raw, so that the OAEP seed comes from the vault's
 * random source (a seeded vault repeats its ciphertexts). The caller checks the plaintext limit.
 */
export function rsaOaepEncrypt(publicKey: KeyObject, hash: string, plaintext: Uint8Array, randomBytes: RandomBytes): Buffer {
  const k = Math.ceil((publicKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
  return publicEncrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, oaepEncode(hash, plaintext, k, randomBytes));
}

/** The plaintext of an RSAES-OAEP ciphertext, or undefined when it does not decrypt under this key and hash. */
export function rsaOaepDecrypt(privateKey: KeyObject, hash: string, ciphertext: Uint8Array): Buffer | undefined {
  try {
    return privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, ciphertext);
  } catch {
    return undefined;
  }
}
