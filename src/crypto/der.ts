/** Minimal DER: just what the ciphertext format needs, written and read without a general ASN.1 library. */

/** Bytes that encode a DER length. */
export function derLengthBytes(length: number): number[] {
  if (length < 0x80) return [length];
  if (length < 0x100) return [0x81, length];
  if (length < 0x10000) return [0x82, length >> 8, length & 0xff];
  return [0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
}

/** A reader over DER bytes that fails (returns undefined) on anything unexpected. */
export class DerReader {
  constructor(private readonly buf: Uint8Array, public pos = 0, private readonly end = buf.length) {}

  get done(): boolean {
    return this.pos === this.end;
  }

  /** Reads a tag and its length; returns the content's [start, end) or undefined. */
  enter(tag: number): { start: number; end: number } | undefined {
    if (this.pos + 2 > this.end || this.buf[this.pos] !== tag) return undefined;
    let p = this.pos + 1;
    const first = this.buf[p++] as number;
    let len: number;
    if (first < 0x80) len = first;
    else {
      const n = first & 0x7f;
      if (n === 0 || n > 3 || p + n > this.end) return undefined;
      len = 0;
      for (let i = 0; i < n; i++) len = (len << 8) | (this.buf[p++] as number);
      // DER demands the shortest form.
      if (len < 0x80 || (n > 1 && len < 1 << (8 * (n - 1)))) return undefined;
    }
    if (p + len > this.end) return undefined;
    this.pos = p + len;
    return { start: p, end: p + len };
  }

  /** A reader over the content of the next element with `tag`. */
  child(tag: number): DerReader | undefined {
    const r = this.enter(tag);
    return r ? new DerReader(this.buf, r.start, r.end) : undefined;
  }

  /** Consumes `length` raw bytes; undefined when fewer remain. */
  take(length: number): Uint8Array | undefined {
    if (this.pos + length > this.end) return undefined;
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  /** Consumes exactly `bytes` or fails. */
  expect(bytes: Uint8Array): boolean {
    if (this.pos + bytes.length > this.end) return false;
    for (let i = 0; i < bytes.length; i++) if (this.buf[this.pos + i] !== bytes[i]) return false;
    this.pos += bytes.length;
    return true;
  }
}
