import { createHash, createHmac, randomFillSync, randomUUID } from 'node:crypto';

/** Where the vault's randomness comes from: key ids, key material, IVs, data keys. */
export interface RandomSource {
  bytes(length: number): Buffer;
}

const POOL_BYTES = 16 * 1024;
let pool = Buffer.allocUnsafe(0);
let poolOffset = 0;

/**
 * Operating-system randomness, drawn from a pool refilled in 16 KiB blocks: one OpenSSL call per block
 * instead of one per IV keeps Encrypt close to the cost of the AES-GCM itself. Each call returns a
 * view of bytes no other call gets; a refill allocates a new block, so views never change.
 */
export const systemRandom: RandomSource = {
  bytes(length: number): Buffer {
    if (length > POOL_BYTES) return randomFillSync(Buffer.allocUnsafe(length));
    if (poolOffset + length > pool.length) {
      pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
      poolOffset = 0;
    }
    const out = pool.subarray(poolOffset, poolOffset + length);
    poolOffset += length;
    return out;
  },
};

/**
 * A deterministic generator (HMAC-SHA256 in counter mode) so that `new KmsVault({ seed })` yields the
 * same key ids, key material and ciphertexts from run to run. For tests only: never for real secrets.
 */
export class SeededRandom implements RandomSource {
  private readonly key: Buffer;
  private counter = 0n;
  private pool = Buffer.alloc(0);

  constructor(seed: string | number) {
    this.key = createHash('sha256')
      .update(`kms-vault-mock:${String(seed)}`)
      .digest();
  }

  bytes(length: number): Buffer {
    while (this.pool.length < length) {
      const block = Buffer.alloc(8);
      block.writeBigUInt64BE(this.counter++);
      this.pool = Buffer.concat([this.pool, createHmac('sha256', this.key).update(block).digest()]);
    }
    const out = Buffer.from(this.pool.subarray(0, length));
    this.pool = this.pool.subarray(length);
    return out;
  }
}

/** A version-4 UUID made from `random`. */
export function uuidFrom(random: RandomSource): string {
  if (random === systemRandom) return randomUUID();
  const b = random.bytes(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
