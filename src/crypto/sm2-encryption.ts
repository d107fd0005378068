import { createHash, timingSafeEqual } from 'node:crypto';
import { fixedBytes, SCALAR_SEED_BYTES, scalarFrom, sm2, SM2_CURVE, type RandomBytes, type Sm2Point } from './sm2-curve';
import { bigintOf } from './bigint';
import { derUnsignedInteger, readDerElement } from './der';
import { derInteger, derOctetString, derSequence } from './der-writer';

export type { RandomBytes } from './sm2-curve';

const SM3_BYTES = 32;

/**
 * SM2 public-key encryption (GB/T 32918.4-2016, KMS's SM2PKE) of `plaintext` to the uncompressed
 * public point `publicPoint` (04 ‖ x ‖ y). The ciphertext is the DER SEQUENCE of GM/T 0009 / GB/T 35276
 * { XCoordinate INTEGER, YCoordinate INTEGER, HASH OCTET STRING, CipherText OCTET STRING } (C1, C3, C2),
 * exactly what `openssl pkeyutl -encrypt` makes with an SM2 key. The ephemeral scalar k comes from
 * `randomBytes`.
 */
export function sm2Encrypt(publicPoint: Uint8Array, plaintext: Uint8Array, randomBytes: RandomBytes): Buffer {
  const recipient = recipientPoint(publicPoint);
  for (;;) {
    const k = scalarFrom(randomBytes(SCALAR_SEED_BYTES));
    const c1 = sm2().BASE.multiply(k);
    const { x2, y2 } = coordinates(recipient.multiply(k));
    const mask = kdf(Buffer.concat([x2, y2]), plaintext.length);
    // GB/T 32918.4 6.1 A5: an all-zero key stream would leave the message in the clear; draw another k.
    if (plaintext.length > 0 && mask.every((b) => b === 0)) continue;
    const c2 = xor(plaintext, mask);
    const c3 = sm3(x2, plaintext, y2);
    return derSequence(derInteger(c1.x), derInteger(c1.y), derOctetString(c3), derOctetString(c2));
  }
}

/**
 * The plaintext of an SM2PKE ciphertext (the DER form {@link sm2Encrypt} makes) under the private
 * scalar `privateScalar` (big-endian), or undefined when the ciphertext is malformed, C1 is not a point
 * of the curve, or the SM3 check value C3 does not match.
 */
export function sm2Decrypt(privateScalar: Uint8Array, ciphertext: Uint8Array): Buffer | undefined {
  const parts = parseCiphertext(ciphertext);
  if (!parts) return undefined;
  const c1 = pointAt(parts.x1, parts.y1);
  if (!c1) return undefined;
  const { x2, y2 } = coordinates(c1.multiply(bigintOf(privateScalar)));
  const mask = kdf(Buffer.concat([x2, y2]), parts.c2.length);
  if (parts.c2.length > 0 && mask.every((b) => b === 0)) return undefined;
  const plaintext = xor(parts.c2, mask);
  return timingSafeEqual(sm3(x2, plaintext, y2), parts.c3) ? plaintext : undefined;
}

// A key encrypts to the same public point again and again. From its second use, a point gets a
// table of multiples (window 4: about 13 ms once, then about 1 ms per multiplication instead of 4);
// a key used once pays nothing. A pure cache, bounded.
const recipients = new Map<string, { readonly point: Sm2Point; uses: number }>();
const MAX_RECIPIENTS = 64;
const WINDOW = 4;

/** The recipient's public point (validated), with a table of multiples once it is used again. */
function recipientPoint(publicPoint: Uint8Array): Sm2Point {
  const id = Buffer.from(publicPoint).toString('hex');
  let entry = recipients.get(id);
  if (!entry) {
    const point = sm2().fromBytes(publicPoint);
    point.assertValidity();
    if (recipients.size >= MAX_RECIPIENTS) recipients.clear();
    entry = { point, uses: 0 };
    recipients.set(id, entry);
  }
  entry.uses += 1;
  if (entry.uses === 2) entry.point.precompute(WINDOW);
  return entry.point;
}

/** C1 as a point of the curve: both coordinates field elements, on the curve, not the point at infinity. */
function pointAt(x: bigint, y: bigint): Sm2Point | undefined {
  if (x >= SM2_CURVE.p || y >= SM2_CURVE.p) return undefined;
  try {
    const point = sm2().fromAffine({ x, y });
    if (point.is0()) return undefined;
    point.assertValidity();
    return point;
  } catch {
    return undefined;
  }
}

function coordinates(point: Sm2Point): { x2: Buffer; y2: Buffer } {
  return { x2: fixedBytes(point.x), y2: fixedBytes(point.y) };
}

/** KDF of GB/T 32918.4 5.4.3: SM3(Z ‖ ct) for ct = 1, 2, … (32-bit big-endian), truncated to `length` bytes. */
function kdf(z: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  const counter = Buffer.alloc(4);
  for (let ct = 1, offset = 0; offset < length; ct++, offset += SM3_BYTES) {
    counter.writeUInt32BE(ct);
    createHash('sm3').update(z).update(counter).digest().copy(out, offset);
  }
  return out;
}

function sm3(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sm3');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function xor(data: Uint8Array, mask: Buffer): Buffer {
  const out = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i++) out[i] = (data[i] ?? 0) ^ (mask[i] ?? 0);
  return out;
}

interface Sm2Ciphertext {
  readonly x1: bigint;
  readonly y1: bigint;
  readonly c3: Buffer;
  readonly c2: Buffer;
}

/** The four fields of a DER SM2 ciphertext; undefined unless it is exactly that, in DER, and nothing more. */
function parseCiphertext(bytes: Uint8Array): Sm2Ciphertext | undefined {
  const outer = readDerElement(bytes, 0);
  if (!outer || outer.tag !== 0x30 || outer.end !== bytes.length) return undefined;
  const body = outer.content;
  const x = readDerElement(body, 0);
  const y = x && readDerElement(body, x.end);
  const hash = y && readDerElement(body, y.end);
  const text = hash && readDerElement(body, hash.end);
  if (!x || !y || !hash || !text || text.end !== body.length) return undefined;
  if (x.tag !== 0x02 || y.tag !== 0x02 || hash.tag !== 0x04 || text.tag !== 0x04) return undefined;
  const x1 = derUnsignedInteger(x.content);
  const y1 = derUnsignedInteger(y.content);
  if (x1 === undefined || y1 === undefined || hash.content.length !== SM3_BYTES) return undefined;
  return { x1, y1, c3: Buffer.from(hash.content), c2: Buffer.from(text.content) };
}
