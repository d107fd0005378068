import { createECDH } from 'node:crypto';
import { derOid, derSequence } from './der-writer';

const EC_PUBLIC_KEY_OID = '1.2.840.10045.2.1';

/** One DER element at `offset`: its tag and where its content starts and ends; undefined if malformed. */
function element(der: Buffer, offset: number): { tag: number; start: number; end: number } | undefined {
  const tag = der[offset];
  let length = der[offset + 1];
  if (tag === undefined || length === undefined) return undefined;
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes < 1 || bytes > 3) return undefined;
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + (der[start + i] ?? 0);
    start += bytes;
  }
  return start + length <= der.length ? { tag, start, end: start + length } : undefined;
}

/**
 * The EC point of a DER SubjectPublicKeyInfo if it is an id-ecPublicKey on the curve `curveOid`;
 * undefined for anything else (another curve, another algorithm, bytes that are no SPKI).
 */
export function ecPointOf(spki: Uint8Array, curveOid: string): Buffer | undefined {
  const der = Buffer.from(spki);
  const outer = element(der, 0);
  if (outer?.tag !== 0x30 || outer.end !== der.length) return undefined;
  const algorithm = element(der, outer.start);
  if (algorithm?.tag !== 0x30) return undefined;
  if (!der.subarray(outer.start, algorithm.end).equals(derSequence(derOid(EC_PUBLIC_KEY_OID), derOid(curveOid)))) return undefined;
  const bits = element(der, algorithm.end);
  if (bits?.tag !== 0x03 || bits.end !== outer.end || der[bits.start] !== 0) return undefined;
  return der.subarray(bits.start + 1, bits.end);
}

/**
 * The raw ECDH shared secret (the x-coordinate of the shared point, SP 800-56A's Z) between a private
 * scalar on a curve (OpenSSL's name) and a peer's DER SubjectPublicKeyInfo on the same curve;
 * undefined when the peer key is not a valid point of that curve.
 */
export function ecdhSharedSecret(curve: { readonly nodeName: string; readonly oid: string }, scalar: Buffer, peerSpki: Uint8Array): Buffer | undefined {
  const point = ecPointOf(peerSpki, curve.oid);
  if (!point) return undefined;
  try {
    const ecdh = createECDH(curve.nodeName);
    ecdh.setPrivateKey(scalar);
    return ecdh.computeSecret(point);
  } catch {
    return undefined;
  }
}
