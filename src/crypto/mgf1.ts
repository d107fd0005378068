import { createHash } from 'node:crypto';

/** MGF1 (RFC 8017 B.2.1): `length` bytes of mask from `seed` with `hash`. */
export function mgf1(hash: string, seed: Uint8Array, length: number): Buffer {
  const out: Buffer[] = [];
  const counter = Buffer.alloc(4);
  for (let c = 0, produced = 0; produced < length; c++) {
    counter.writeUInt32BE(c);
    const block = createHash(hash).update(seed).update(counter).digest();
    out.push(block);
    produced += block.length;
  }
  return Buffer.concat(out).subarray(0, length);
}
