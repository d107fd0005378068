import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC (RFC 2104) of `message` under `key` with `hash`. */
export function hmac(hash: string, key: Uint8Array, message: Uint8Array): Buffer {
  return createHmac(hash, key).update(message).digest();
}

/** Whether `mac` is the HMAC of `message`, compared in constant time. */
export function hmacMatches(hash: string, key: Uint8Array, message: Uint8Array, mac: Uint8Array): boolean {
  const expected = hmac(hash, key, message);
  return expected.length === mac.length && timingSafeEqual(expected, mac);
}
