import type { WeierstrassPoint, WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';
import { nobleWeierstrass } from './noble';
import { bigintOf } from './bigint';

// node:crypto (OpenSSL 3.0 under Node 20) exposes neither SM2 public-key encryption nor a way to give
// SM2DSA its k, so the point arithmetic comes from @noble/curves (docs/decisions/004).

/** The SM2 recommended curve, GB/T 32918.5-2017 (OID 1.2.156.10197.1.301): y² = x³ + ax + b over F_p. */
export const SM2_CURVE = {
  p: BigInt('0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffff'),
  n: BigInt('0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123'),
  h: BigInt(1),
  a: BigInt('0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffc'),
  b: BigInt('0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93'),
  Gx: BigInt('0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7'),
  Gy: BigInt('0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0'),
} as const;

let curve: WeierstrassPointCons<bigint> | undefined;

/** The curve's points, set up on first use (loading the curve library then: ./noble.ts). */
export function sm2(): WeierstrassPointCons<bigint> {
  return (curve ??= nobleWeierstrass().weierstrass(SM2_CURVE));
}
/** A point of the SM2 curve. */
export type Sm2Point = WeierstrassPoint<bigint>;

/** Bytes of a coordinate or a scalar. */
export const COORDINATE_BYTES = 32;
/** Random bytes drawn per ephemeral scalar: 64 bits more than the order, so reducing them is unbiased for tests' purposes (FIPS 186-5 A.2.1). */
export const SCALAR_SEED_BYTES = COORDINATE_BYTES + 8;

/** A source of random bytes (the vault's, so that a seeded vault repeats its outputs). */
export type RandomBytes = (length: number) => Uint8Array;

/** k in [1, n − 1] from uniformly random bytes: wide reduction modulo n − 1, plus one. */
export function scalarFrom(bytes: Uint8Array): bigint {
  return (bigintOf(bytes) % (SM2_CURVE.n - 1n)) + 1n;
}

/** A field element as 32 big-endian bytes. */
export function fixedBytes(value: bigint): Buffer {
  return Buffer.from(value.toString(16).padStart(COORDINATE_BYTES * 2, '0'), 'hex');
}
