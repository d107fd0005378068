import { createDecipheriv, createHash, type KeyObject } from 'node:crypto';
import type { HashName } from './params';
import { rsaKeyFromSeed } from './rsa-key-generation';
import { rsaOaepDecrypt } from './rsa-oaep';

/** The alternative initial value of AES Key Wrap with Padding (RFC 5649 section 3). */
const KWP_IV = Buffer.from('a65959a6', 'hex');

/**
 * Undoes RSA_AES_KEY_WRAP_SHA_*: the first modulus-length bytes are an AES-256 key encrypted with
 * RSAES-OAEP under `hash`; the rest is the key material wrapped under that AES key with AES Key Wrap
 * with Padding (RFC 5649), as `openssl pkeyutl` and `openssl enc -id-aes256-wrap-pad` make them.
 * Undefined when either layer does not open.
 */
export function unwrapRsaAesKeyWrap(privateKey: KeyObject, hash: HashName, blob: Uint8Array): Buffer | undefined {
  const modulusBytes = (privateKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8;
  if (blob.length <= modulusBytes) return undefined;
  const aesKey = rsaOaepDecrypt(privateKey, hash, blob.subarray(0, modulusBytes));
  if (aesKey?.length !== 32) return undefined;
  try {
    const decipher = createDecipheriv('id-aes256-wrap-pad', aesKey, KWP_IV);
    return Buffer.concat([decipher.update(blob.subarray(modulusBytes)), decipher.final()]);
  } catch {
    return undefined;
  }
}

/** Undoes RSAES_OAEP_SHA_*: the key material encrypted directly with RSAES-OAEP under `hash`. */
export function unwrapRsaOaep(privateKey: KeyObject, hash: HashName, blob: Uint8Array): Buffer | undefined {
  return rsaOaepDecrypt(privateKey, hash, blob);
}

// A wrapping key is made from a seed carried in its import token, so ImportKeyMaterial makes it again
// from the token; memoizing the pure function spares the second RSA key generation (up to a second
// for RSA_4096). Bounded: only recent import parameters are likely to be used.
const recent = new Map<string, KeyObject>();
const RECENT_LIMIT = 32;

/** The RSA wrapping key pair that `seed` determines (the same seed gives the same key pair). */
export function wrappingKeyFromSeed(seed: Uint8Array, bits: 2048 | 3072 | 4096): KeyObject {
  const id = `${bits}:${createHash('sha256').update(seed).digest('hex')}`;
  let key = recent.get(id);
  if (!key) {
    key = rsaKeyFromSeed(seed, bits);
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
    recent.set(id, key);
  }
  return key;
}
