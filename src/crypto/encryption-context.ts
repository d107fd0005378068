/**
 * The canonical, unambiguous encoding of an encryption context that symmetric ciphertexts bind as
 * additional authenticated data: the pair count, then each key and value as a 4-byte big-endian
 * byte length followed by its UTF-8 bytes, pairs sorted by key. Length prefixes keep
 * `{"ab":"c"}` and `{"a":"bc"}` apart; sorting makes the order the caller wrote irrelevant, as in KMS.
 */
export function encodeEncryptionContext(context: Readonly<Record<string, string>> | undefined): Buffer {
  if (!context) return EMPTY;
  const keys = Object.keys(context);
  if (keys.length === 0) return EMPTY;
  keys.sort(compareUtf8);
  const parts: Buffer[] = [];
  let size = 4;
  for (const k of keys) {
    const kb = Buffer.from(k, 'utf8');
    const vb = Buffer.from(context[k] as string, 'utf8');
    parts.push(kb, vb);
    size += 8 + kb.length + vb.length;
  }
  const out = Buffer.allocUnsafe(size);
  out.writeUInt32BE(keys.length, 0);
  let p = 4;
  for (const part of parts) {
    out.writeUInt32BE(part.length, p);
    part.copy(out, p + 4);
    p += 4 + part.length;
  }
  return out;
}

const EMPTY = Buffer.from([0, 0, 0, 0]);

function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
