/**
 * The part of CBOR (RFC 8949) that Nitro attestation documents and COSE_Sign1 use: unsigned and
 * negative integers, byte and text strings, arrays, maps, tags, false, true, null and undefined, all
 * with definite lengths. Small enough to write here rather than add a dependency (docs/decisions/014);
 * decoding is strict, so a malformed document is refused rather than half read.
 */

/** A CBOR data item as this codec reads and writes it: maps are `Map`s, byte strings `Uint8Array`s. */
export type CborValue =
  number | bigint | string | Uint8Array | boolean | null | undefined | readonly CborValue[] | ReadonlyMap<CborValue, CborValue> | CborTagged;

/** A tagged data item (COSE_Sign1 may come as tag 18). */
export interface CborTagged {
  readonly tag: number;
  readonly value: CborValue;
}

/** Why bytes are not the CBOR this codec reads. */
export class CborError extends Error {
  override readonly name = 'CborError';
}

/** The CBOR encoding of `value` (preferred serialization: shortest lengths, integers as integers). */
export function encodeCbor(value: CborValue): Buffer {
  const parts: Buffer[] = [];
  write(value, parts);
  return Buffer.concat(parts);
}

function head(major: number, n: number | bigint): Buffer {
  const v = BigInt(n);
  if (v < 24n) return Buffer.from([(major << 5) | Number(v)]);
  if (v < 0x100n) return Buffer.from([(major << 5) | 24, Number(v)]);
  if (v < 0x10000n) {
    const b = Buffer.alloc(3);
    b[0] = (major << 5) | 25;
    b.writeUInt16BE(Number(v), 1);
    return b;
  }
  if (v < 0x1_0000_0000n) {
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(Number(v), 1);
    return b;
  }
  const b = Buffer.alloc(9);
  b[0] = (major << 5) | 27;
  b.writeBigUInt64BE(v, 1);
  return b;
}

function write(value: CborValue, out: Buffer[]): void {
  if (value === false) out.push(Buffer.from([0xf4]));
  else if (value === true) out.push(Buffer.from([0xf5]));
  else if (value === null) out.push(Buffer.from([0xf6]));
  else if (value === undefined) out.push(Buffer.from([0xf7]));
  else if (typeof value === 'number' || typeof value === 'bigint') {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new CborError(`Only integers are encoded; got ${value}.`);
    const v = BigInt(value);
    out.push(v >= 0n ? head(0, v) : head(1, -1n - v));
  } else if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    out.push(head(3, bytes.length), bytes);
  } else if (value instanceof Uint8Array) {
    out.push(head(2, value.length), Buffer.from(value));
  } else if (Array.isArray(value)) {
    out.push(head(4, value.length));
    for (const item of value as readonly CborValue[]) write(item, out);
  } else if (value instanceof Map) {
    out.push(head(5, value.size));
    for (const [k, v] of value as ReadonlyMap<CborValue, CborValue>) {
      write(k, out);
      write(v, out);
    }
  } else {
    const tagged = value as CborTagged;
    out.push(head(6, tagged.tag));
    write(tagged.value, out);
  }
}

const MAX_DEPTH = 16;

/** Decodes one CBOR data item that fills `bytes` exactly; CborError otherwise. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const reader = { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), at: 0 };
  const value = read(reader, 0);
  if (reader.at !== reader.bytes.length) throw new CborError('Bytes follow the CBOR data item.');
  return value;
}

interface Reader {
  readonly bytes: Buffer;
  at: number;
}

function take(r: Reader, n: number): Buffer {
  if (n > r.bytes.length - r.at) throw new CborError('The CBOR data ends early.');
  const out = r.bytes.subarray(r.at, r.at + n);
  r.at += n;
  return out;
}

function argument(r: Reader, info: number): bigint {
  if (info < 24) return BigInt(info);
  if (info === 24) return BigInt(take(r, 1).readUInt8(0));
  if (info === 25) return BigInt(take(r, 2).readUInt16BE(0));
  if (info === 26) return BigInt(take(r, 4).readUInt32BE(0));
  if (info === 27) return take(r, 8).readBigUInt64BE(0);
  throw new CborError('Indefinite lengths and reserved values are not read.');
}

function length(r: Reader, info: number): number {
  const n = argument(r, info);
  if (n > BigInt(r.bytes.length - r.at) * 2n + 2n) throw new CborError('A CBOR length exceeds the data.');
  return Number(n);
}

function read(r: Reader, depth: number): CborValue {
  if (depth > MAX_DEPTH) throw new CborError('CBOR nesting is too deep.');
  const initial = take(r, 1).readUInt8(0);
  const major = initial >> 5;
  const info = initial & 0x1f;
  switch (major) {
    case 0: {
      const v = argument(r, info);
      return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
    }
    case 1: {
      const v = -1n - argument(r, info);
      return v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v;
    }
    case 2:
      return new Uint8Array(take(r, length(r, info)));
    case 3:
      return new TextDecoder('utf-8', { fatal: true }).decode(take(r, length(r, info)));
    case 4: {
      const n = length(r, info);
      const items: CborValue[] = [];
      for (let i = 0; i < n; i++) items.push(read(r, depth + 1));
      return items;
    }
    case 5: {
      const n = length(r, info);
      const map = new Map<CborValue, CborValue>();
      for (let i = 0; i < n; i++) {
        const key = read(r, depth + 1);
        if (typeof key !== 'number' && typeof key !== 'string') throw new CborError('Map keys must be integers or text.');
        if (map.has(key)) throw new CborError('A map repeats a key.');
        map.set(key, read(r, depth + 1));
      }
      return map;
    }
    case 6:
      return { tag: Number(argument(r, info)), value: read(r, depth + 1) };
    default:
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22) return null;
      if (info === 23) return undefined;
      throw new CborError('Floating-point and other simple values are not read.');
  }
}
