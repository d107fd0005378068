import { constants, privateDecrypt, publicEncrypt, type KeyObject } from 'node:crypto';

/**
 * RSAES-OAEP (RFC 8017 7.1) with `hash` for both the label hash and MGF1, as KMS's RSAES_OAEP_SHA_1
 * and RSAES_OAEP_SHA_256: the ciphertext is exactly what OpenSSL makes, with no header.
 */
export function rsaOaepEncrypt(publicKey: KeyObject, hash: string, plaintext: Uint8Array): Buffer {
  return publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, plaintext);
}

/** The plaintext of an RSAES-OAEP ciphertext, or undefined when it does not decrypt under this key and hash. */
export function rsaOaepDecrypt(privateKey: KeyObject, hash: string, ciphertext: Uint8Array): Buffer | undefined {
  try {
    return privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, ciphertext);
  } catch {
    return undefined;
  }
}
