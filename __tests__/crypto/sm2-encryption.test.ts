import { randomBytes } from 'node:crypto';
import { derElement, derSequence } from '../../src/crypto/der-writer';
import { keyPairFromSeed, type NodeKeyPair } from '../../src/crypto/key-pair';
import { sm2Decrypt, sm2Encrypt } from '../../src/crypto/sm2-encryption';

function sm2Pair(seed: string): { scalar: Buffer; point: Buffer } {
  const pair = keyPairFromSeed({ kind: 'sm2' }, Buffer.alloc(32, seed)) as NodeKeyPair;
  if (!pair.ec) throw new Error('an SM2 key pair has a scalar and a point');
  return pair.ec;
}

/** The contents of the four DER fields of an SM2 ciphertext: x, y, C3, C2. */
function fields(blob: Buffer): Buffer[] {
  const headerBytes = (blob[1] ?? 0) & 0x80 ? 2 + ((blob[1] ?? 0) & 0x7f) : 2;
  const out: Buffer[] = [];
  for (let at = headerBytes; at < blob.length;) {
    const length = blob[at + 1] ?? 0;
    if (length & 0x80) throw new Error('test ciphertexts are short');
    out.push(blob.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return out;
}

function encode([x, y, c3, c2]: Buffer[]): Buffer {
  return derSequence(derElement(0x02, x as Buffer), derElement(0x02, y as Buffer), derElement(0x04, c3 as Buffer), derElement(0x04, c2 as Buffer));
}

const SM2_GX = '32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7';

describe('SM2 public-key encryption (GB/T 32918.4, KMS SM2PKE)', () => {
  const keys = sm2Pair('a');

  it('round-trips plaintexts across SM3 block boundaries of the KDF, and the empty plaintext', () => {
    for (const size of [0, 1, 31, 32, 33, 64, 1024, 5000]) {
      const plaintext = randomBytes(size);
      const blob = sm2Encrypt(keys.point, plaintext, randomBytes);
      expect(sm2Decrypt(keys.scalar, blob)).toEqual(plaintext);
    }
  });

  it('takes the ephemeral scalar from the random source: the same bytes give the same ciphertext, and all-zero bytes give k = 1, so C1 = G', () => {
    const fixed = (fill: number) => (length: number) => Buffer.alloc(length, fill);
    expect(sm2Encrypt(keys.point, Buffer.from('m'), fixed(9))).toEqual(sm2Encrypt(keys.point, Buffer.from('m'), fixed(9)));
    const withGenerator = sm2Encrypt(keys.point, Buffer.from('m'), fixed(0));
    expect(fields(withGenerator)[0]?.toString('hex')).toBe(SM2_GX);
    expect(sm2Decrypt(keys.scalar, withGenerator)).toEqual(Buffer.from('m'));
    expect(sm2Decrypt(keys.scalar, sm2Encrypt(keys.point, Buffer.from('m'), fixed(0xff)))).toEqual(Buffer.from('m'));
  });

  it('writes minimal, non-negative DER INTEGERs (a leading 00 exactly when the high bit is set)', () => {
    for (let i = 0; i < 40; i++) {
      const [x, y] = fields(sm2Encrypt(keys.point, Buffer.from('m'), randomBytes));
      for (const integer of [x, y] as Buffer[]) {
        expect((integer[0] ?? 0) & 0x80).toBe(0);
        if (integer[0] === 0) expect((integer[1] ?? 0) & 0x80).toBe(0x80);
      }
    }
  });

  it('answers undefined, never throws, for a ciphertext of another key, a wrong C3 or C2, C1 off the curve, or anything that is not exactly the DER form', () => {
    const blob = sm2Encrypt(keys.point, Buffer.from('plaintext'), randomBytes);
    const [x, y, c3, c2] = fields(blob) as [Buffer, Buffer, Buffer, Buffer];
    expect(encode([x, y, c3, c2])).toEqual(blob);
    const flip = (b: Buffer): Buffer => Buffer.concat([b.subarray(0, -1), Buffer.from([(b[b.length - 1] ?? 0) ^ 1])]);
    const negative = Buffer.concat([Buffer.from([0x80]), x]);
    const invalid = [
      encode([x, y, flip(c3), c2]),
      encode([x, y, c3, flip(c2)]),
      encode([x, flip(y), c3, c2]),
      encode([Buffer.concat([Buffer.from([0]), x]), y, c3, c2]),
      encode([negative, y, c3, c2]),
      encode([x, y, c3.subarray(1), c2]),
      encode([Buffer.from([0]), Buffer.from([0]), c3, c2]),
      Buffer.concat([blob, Buffer.from([0])]),
      blob.subarray(0, blob.length - 1),
      Buffer.concat([Buffer.from([0x30, 0x81]), blob.subarray(1)]),
      Buffer.alloc(0),
    ];
    for (const ciphertext of invalid) expect(sm2Decrypt(keys.scalar, ciphertext)).toBeUndefined();
    expect(sm2Decrypt(sm2Pair('b').scalar, blob)).toBeUndefined();
  });
});
