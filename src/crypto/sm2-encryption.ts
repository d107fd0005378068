import { createHash, timingSafeEqual } from 'node:crypto';
import { weierstrass, type WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import { derElement, derOctetString, derSequence } from './der-writer';

// node:crypto (OpenSSL 3.0 under Node 20) signs with SM2 but exposes no SM2 public-key encryption,
// so the point arithmetic comes from @noble/curves (docs/decisions/004) and SM3 from node:crypto.

/** The SM2 recommended curve, GB/T 32918.5-2017 (OID 1.2.156.10197.1.301): y² = x³ + ax + b over F_p. */
const SM2_CURVE = {
  p: BigInt('0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffff'),
  n: BigInt('0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123'),
  h: BigInt(1),
  a: BigInt('0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffc'),
  b: BigInt('0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93'),
  Gx: BigInt('0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7'),
  Gy: BigInt('0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0'),
} as const;

const Sm2 = weierstrass(SM2_CURVE);
type Sm2Point = WeierstrassPoint<bigint>;

const COORDINATE_BYTES = 32;
const SM3_BYTES = 32;
/** Random bytes drawn per ephemeral scalar: 64 bits more than the order, so reducing them is unbiased for tests' purposes (FIPS 186-5 A.2.1). */
const SCALAR_SEED_BYTES = COORDINATE_BYTES + 8;

/** A source of random bytes (the vault's, so that a seeded vault repeats its ciphertexts). */
export type RandomBytes = (length: number) => Uint8Array;

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
    const c1 = Sm2.BASE.multiply(k);
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
    const point = Sm2.fromBytes(publicPoint);
    point.assertValidity();
    if (recipients.size >= MAX_RECIPIENTS) recipients.clear();
    entry = { point, uses: 0 };
    recipients.set(id, entry);
  }
  entry.uses += 1;
  if (entry.uses === 2) entry.point.precompute(WINDOW);
  return entry.point;
}

/** k in [1, n − 1] from uniformly random bytes: wide reduction modulo n − 1, plus one. */
function scalarFrom(bytes: Uint8Array): bigint {
  return (bigintOf(bytes) % (SM2_CURVE.n - 1n)) + 1n;
}

/** C1 as a point of the curve: both coordinates field elements, on the curve, not the point at infinity. */
function pointAt(x: bigint, y: bigint): Sm2Point | undefined {
  if (x >= SM2_CURVE.p || y >= SM2_CURVE.p) return undefined;
  try {
    const point = Sm2.fromAffine({ x, y });
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

function bigintOf(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

/** A field element as the 32 big-endian bytes the KDF and the hash take. */
function fixedBytes(value: bigint): Buffer {
  return Buffer.from(value.toString(16).padStart(COORDINATE_BYTES * 2, '0'), 'hex');
}

/** A non-negative DER INTEGER in its minimal form (a leading 00 only when the high bit is set). */
function derInteger(value: bigint): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (/^[89a-f]/.test(hex)) hex = `00${hex}`;
  return derElement(0x02, Buffer.from(hex, 'hex'));
}

interface Sm2Ciphertext {
  readonly x1: bigint;
  readonly y1: bigint;
  readonly c3: Buffer;
  readonly c2: Buffer;
}

/** The four fields of a DER SM2 ciphertext; undefined unless it is exactly that, in DER, and nothing more. */
function parseCiphertext(bytes: Uint8Array): Sm2Ciphertext | undefined {
  const outer = readElement(bytes, 0);
  if (!outer || outer.tag !== 0x30 || outer.end !== bytes.length) return undefined;
  const body = outer.content;
  const x = readElement(body, 0);
  const y = x && readElement(body, x.end);
  const hash = y && readElement(body, y.end);
  const text = hash && readElement(body, hash.end);
  if (!x || !y || !hash || !text || text.end !== body.length) return undefined;
  if (x.tag !== 0x02 || y.tag !== 0x02 || hash.tag !== 0x04 || text.tag !== 0x04) return undefined;
  const x1 = unsignedInteger(x.content);
  const y1 = unsignedInteger(y.content);
  if (x1 === undefined || y1 === undefined || hash.content.length !== SM3_BYTES) return undefined;
  return { x1, y1, c3: Buffer.from(hash.content), c2: Buffer.from(text.content) };
}

/** The value of a DER INTEGER's content when it is minimal and not negative (OpenSSL's decoder is as strict). */
function unsignedInteger(content: Uint8Array): bigint | undefined {
  const [first, second] = content;
  if (first === undefined || first & 0x80) return undefined;
  if (first === 0 && second !== undefined && !(second & 0x80)) return undefined;
  return bigintOf(content);
}

/** One DER element at `offset`: definite, minimal length of up to three bytes, within `bytes`. */
function readElement(bytes: Uint8Array, offset: number): { tag: number; content: Uint8Array; end: number } | undefined {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if (tag === undefined || first === undefined) return undefined;
  let length = first;
  let start = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 3 || start + count > bytes.length) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[start + i] ?? 0);
    // The long form only for lengths the short form cannot hold, and without leading zero bytes.
    if (length < 0x80 || bytes[start] === 0) return undefined;
    start += count;
  }
  const end = start + length;
  if (end > bytes.length) return undefined;
  return { tag, content: bytes.subarray(start, end), end };
}
