import { bigintOf, bytesOf } from './bigint';
import { nobleNist, nobleSecp256k1 } from './noble';

/** The @noble/curves curve of each curve KMS signs with, by OpenSSL's curve name (loaded on first use). */
const CURVES = {
  prime256v1: () => nobleNist().p256,
  secp384r1: () => nobleNist().p384,
  secp521r1: () => nobleNist().p521,
  secp256k1: () => nobleSecp256k1().secp256k1,
} as const;

/** Byte length of the group order n of each curve (SEC 2; FIPS 186-5 / SP 800-186), without loading a curve. */
const ORDER_BYTES: Readonly<Record<keyof typeof CURVES, number>> = { prime256v1: 32, secp384r1: 48, secp521r1: 66, secp256k1: 32 };

/** Whether the vault signs ECDSA on the curve (the curves of KMS's ECC_* key specs). */
export function ecdsaCurveSupported(curve: string): curve is keyof typeof CURVES {
  return curve in CURVES;
}

/**
 * ECDSA (FIPS 186-5 6.4.1) over a message digest, DER-encoded (RFC 3279) as OpenSSL writes it, by
 * @noble/curves (docs/decisions/004), the library that already verifies DIGEST signatures.
 *
 * The nonce stays the vault's: `randomBytes` (the vault's random source) gives the additional input k'
 * of RFC 6979 3.6, so k is derived from the key, the digest and those bytes; a seeded vault repeats its
 * signatures, an unseeded one never does. As many bytes are drawn as the hand-written signer drew for
 * its k (the order's length plus 8), so the values a seeded vault draws after a signature do not move.
 * s is not normalized: as from KMS, about half the signatures have s above n/2.
 */
export function ecdsaSign(curve: string, privateScalar: Uint8Array, digest: Uint8Array, randomBytes: (length: number) => Uint8Array): Buffer {
  if (!ecdsaCurveSupported(curve)) throw new Error(`no ECDSA curve ${curve}`);
  const size = ORDER_BYTES[curve];
  const extraEntropy = Uint8Array.from(randomBytes(size + 8));
  const secretKey = bytesOf(bigintOf(privateScalar), size);
  return Buffer.from(CURVES[curve]().sign(digest, secretKey, { prehash: false, lowS: false, extraEntropy, format: 'der' }));
}
