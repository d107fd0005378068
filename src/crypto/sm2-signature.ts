import { createHash } from 'node:crypto';
import { fixedBytes, SCALAR_SEED_BYTES, scalarFrom, sm2, SM2_CURVE, type RandomBytes } from './sm2-curve';
import { bigintOf, inverse, mod } from './bigint';
import { derUnsignedInteger, readDerElement } from './der';
import { derInteger, derSequence } from './der-writer';

/**
 * The default distinguishing identifier of GM/T 0009-2012, which KMS uses for SM2DSA (Developer Guide,
 * "Offline verification with SM2 key pairs"). OpenSSL 3 and node:crypto default to an empty one, so
 * OpenSSL verifies KMS's signatures with `-sigopt distid:1234567812345678`.
 */
const DEFAULT_ID = Buffer.from('1234567812345678', 'ascii');

/** Z_A of GB/T 32918.2 5.5: SM3(ENTL ‖ ID ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A). */
function userHash(publicPoint: Uint8Array): Buffer {
  const entl = Buffer.alloc(2);
  entl.writeUInt16BE(DEFAULT_ID.length * 8);
  const point = Buffer.from(publicPoint);
  return createHash('sm3')
    .update(entl)
    .update(DEFAULT_ID)
    .update(fixedBytes(SM2_CURVE.a))
    .update(fixedBytes(SM2_CURVE.b))
    .update(fixedBytes(SM2_CURVE.Gx))
    .update(fixedBytes(SM2_CURVE.Gy))
    .update(point.subarray(1, 33))
    .update(point.subarray(33, 65))
    .digest();
}

/** e = SM3(Z_A ‖ M) as an integer. */
function messageHash(publicPoint: Uint8Array, message: Uint8Array): bigint {
  return bigintOf(createHash('sm3').update(userHash(publicPoint)).update(message).digest());
}

/**
 * An SM2DSA signature (GB/T 32918.2-2016 6.1, default distinguishing id) of `message` by the private
 * scalar `privateScalar` whose public point is `publicPoint`, DER-encoded as OpenSSL writes and reads
 * it. The ephemeral k comes from `randomBytes` (the vault's random source), so a seeded vault repeats
 * its signatures; node:crypto draws k itself and cannot be given one.
 */
export function sm2Sign(privateScalar: Uint8Array, publicPoint: Uint8Array, message: Uint8Array, randomBytes: RandomBytes): Buffer {
  const { n } = SM2_CURVE;
  const d = bigintOf(privateScalar);
  const e = messageHash(publicPoint, message);
  const dInverse = inverse(1n + d, n);
  for (;;) {
    const k = scalarFrom(randomBytes(SCALAR_SEED_BYTES));
    const r = mod(e + sm2().BASE.multiply(k).x, n);
    if (r === 0n || r + k === n) continue;
    const s = mod(dInverse * (k - r * d), n);
    if (s === 0n) continue;
    return derSequence(derInteger(r), derInteger(s));
  }
}

/** r and s of a DER SM2 signature, each in [1, n − 1]; undefined for anything else. */
function parseSignature(signature: Uint8Array): { readonly r: bigint; readonly s: bigint } | undefined {
  const outer = readDerElement(signature, 0);
  if (!outer || outer.tag !== 0x30 || outer.end !== signature.length) return undefined;
  const first = readDerElement(outer.content, 0);
  const second = first && readDerElement(outer.content, first.end);
  if (!first || !second || second.end !== outer.content.length || first.tag !== 0x02 || second.tag !== 0x02) return undefined;
  const r = derUnsignedInteger(first.content);
  const s = derUnsignedInteger(second.content);
  const { n } = SM2_CURVE;
  if (r === undefined || s === undefined || r < 1n || r >= n || s < 1n || s >= n) return undefined;
  return { r, s };
}

/** Whether `signature` is an SM2DSA signature of `message` (GB/T 32918.2 7.1, default distinguishing id) under `publicPoint`. */
export function sm2Verify(publicPoint: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const parsed = parseSignature(signature);
  if (!parsed) return false;
  const { n } = SM2_CURVE;
  const t = mod(parsed.r + parsed.s, n);
  if (t === 0n) return false;
  const point = sm2().BASE.multiply(parsed.s).add(sm2().fromBytes(publicPoint).multiply(t));
  if (point.is0()) return false;
  return mod(messageHash(publicPoint, message) + point.toAffine().x, n) === parsed.r;
}
