/** Unsigned big-endian integers, as the elliptic-curve code written here (ECDSA, SM2) uses them. */

/** An unsigned big-endian integer. */
export function bigintOf(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

/** `value` as exactly `length` big-endian bytes. */
export function bytesOf(value: bigint, length: number): Buffer {
  return Buffer.from(value.toString(16).padStart(length * 2, '0'), 'hex');
}

/** a mod n, never negative. */
export function mod(a: bigint, n: bigint): bigint {
  const r = a % n;
  return r < 0n ? r + n : r;
}

/** a⁻¹ mod n (extended Euclid; a and n coprime). */
export function inverse(a: bigint, n: bigint): bigint {
  let [r0, r1] = [n, mod(a, n)];
  let [t0, t1] = [0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return t0 < 0n ? t0 + n : t0;
}
