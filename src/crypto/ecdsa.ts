import { createECDH } from 'node:crypto';
import { bigintOf, bytesOf, inverse } from './bigint';
import { derInteger, derSequence } from './der-writer';

/**
 * The group order n of each curve KMS signs with, by OpenSSL's curve name (SEC 2; FIPS 186-5 / SP
 * 800-186). Written out so that signing needs no curve library.
 */
const ORDERS: Readonly<Record<string, bigint>> = {
  prime256v1: BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551'),
  secp384r1: BigInt('0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973'),
  secp521r1: BigInt('0x1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409'),
  secp256k1: BigInt('0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141'),
};





/** Whether node:crypto knows the curve's order here (the curves of KMS's ECC_* key specs). */
export function ecdsaCurveSupported(curve: string): boolean {
  return curve in ORDERS;
}

/**
 * ECDSA (FIPS 186-5 6.4.1) over a message digest, DER-encoded (RFC 3279) as OpenSSL writes it. The
 * per-signature k comes from `randomBytes` (the vault's random source, so a seeded vault repeats its
 * signatures); k·G is computed by OpenSSL through node:crypto's ECDH. s is not normalized: as from
 * KMS, about half the signatures have s above n/2.
 */
export function ecdsaSign(curve: string, privateScalar: Uint8Array, digest: Uint8Array, randomBytes: (length: number) => Uint8Array): Buffer {
  const n = ORDERS[curve];
  if (n === undefined) throw new Error(`no ECDSA order for curve ${curve}`);
  const size = Math.ceil(n.toString(2).length / 8);
  const nBits = n.toString(2).length;
  // bits2int: the leftmost nBits bits of the digest.
  let e = bigintOf(digest);
  const excess = digest.length * 8 - nBits;
  if (excess > 0) e >>= BigInt(excess);
  const d = bigintOf(privateScalar);
  const ecdh = createECDH(curve);
  for (;;) {
    // 64 bits more than the order, reduced: uniform enough for tests (FIPS 186-5 A.3.1's extra bits).
    const k = (bigintOf(randomBytes(size + 8)) % (n - 1n)) + 1n;
    ecdh.setPrivateKey(bytesOf(k, size));
    const point = ecdh.getPublicKey();
    const r = bigintOf(point.subarray(1, 1 + (point.length - 1) / 2)) % n;
    if (r === 0n) continue;
    const s = (inverse(k, n) * ((e + r * d) % n)) % n;
    if (s === 0n) continue;
    return derSequence(derInteger(r), derInteger(s));
  }
}
