/** Minimal DER: the length encoding the ciphertext format needs, and a strict reader of elements and integers. */

/** Bytes that encode a DER length. */
export function derLengthBytes(length: number): number[] {
  if (length < 0x80) return [length];
  if (length < 0x100) return [0x81, length];
  if (length < 0x10000) return [0x82, length >> 8, length & 0xff];
  return [0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
}

/** The value of a DER INTEGER's content when it is minimal and not negative (OpenSSL's decoder is as strict). */
export function derUnsignedInteger(content: Uint8Array): bigint | undefined {
  const [first, second] = content;
  if (first === undefined || first & 0x80) return undefined;
  if (first === 0 && second !== undefined && !(second & 0x80)) return undefined;
  return content.length === 0 ? 0n : BigInt(`0x${Buffer.from(content).toString('hex')}`);
}

/** One DER element at `offset`: definite, minimal length of up to three bytes, within `bytes`. */
export function readDerElement(bytes: Uint8Array, offset: number): { tag: number; content: Uint8Array; end: number } | undefined {
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
