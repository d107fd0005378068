import { checkPrimeSync, createPrivateKey, hkdfSync, type KeyObject } from 'node:crypto';

const E = 65537n;

function toBigInt(bytes: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

function base64url(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return Buffer.from(hex, 'hex').toString('base64url');
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

/** The odd primes below 20000, to sieve candidates before the costly primality test. */
const SMALL_PRIMES: readonly number[] = (() => {
  const limit = 20_000;
  const composite = new Uint8Array(limit);
  const primes: number[] = [];
  for (let i = 3; i < limit; i += 2) {
    if (composite[i]) continue;
    primes.push(i);
    for (let j = i * i; j < limit; j += 2 * i) composite[j] = 1;
  }
  return primes;
})();

/** Where a prime was found: the start point's label and attempt, and the step from it. */
export interface PrimePosition {
  readonly label: string;
  readonly attempt: number;
  readonly step: number;
}

/** The two primes of a seeded RSA key, and where each was found from the seed. */
export interface RsaPrimes {
  readonly bits: 2048 | 3072 | 4096;
  readonly p: bigint;
  readonly q: bigint;
  readonly pAt: PrimePosition;
  readonly qAt: PrimePosition;
}

/** The start point of a prime search: `bits` bits from `seed`, the two top bits and the low bit set. */
function startPoint(seed: Uint8Array, label: string, attempt: number, bits: number): bigint {
  const start = Buffer.from(hkdfSync('sha256', seed, Buffer.alloc(0), `kms-vault-mock rsa ${label} ${attempt}`, bits / 8));
  start[0] = (start[0] ?? 0) | 0xc0;
  start[start.length - 1] = (start[start.length - 1] ?? 0) | 1;
  return toBigInt(start);
}

/** True when `n` has a prime factor below 20000. */
function hasSmallFactor(n: bigint): boolean {
  return SMALL_PRIMES.some((p) => n % BigInt(p) === 0n);
}

/**
 * A prime of `bits` bits with its two top bits set (so that two of them multiply to a modulus of
 * exactly twice the size), found by stepping from a start point drawn from `seed`. Candidates with a
 * small factor are skipped by a sieve; the rest go to OpenSSL's primality test (`checkPrimeSync`), so
 * this costs about what native key generation costs.
 */
function primeFrom(seed: Uint8Array, label: string, bits: number): { prime: bigint; at: PrimePosition } {
  for (let attempt = 0; ; attempt++) {
    const base = startPoint(seed, label, attempt, bits);
    const residues = SMALL_PRIMES.map((p) => Number(base % BigInt(p)));
    for (let step = 0; step < 20 * bits; step += 2) {
      if (SMALL_PRIMES.some((p, i) => ((residues[i] ?? 0) + step) % p === 0)) continue;
      const candidate = base + BigInt(step);
      if (candidate.toString(2).length !== bits) break;
      if ((candidate - 1n) % E === 0n) continue;
      if (checkPrimeSync(candidate)) return { prime: candidate, at: { label, attempt, step } };
    }
  }
}

/** The primes of the RSA key `seed` determines (the costly part of {@link rsaKeyFromSeed}). */
export function rsaPrimesFromSeed(seed: Uint8Array, bits: 2048 | 3072 | 4096): RsaPrimes {
  const p = primeFrom(seed, 'p', bits / 2);
  let q = primeFrom(seed, 'q', bits / 2);
  for (let i = 0; q.prime === p.prime; i++) q = primeFrom(seed, `q${i}`, bits / 2);
  return { bits, p: p.prime, q: q.prime, pAt: p.at, qAt: q.at };
}

/**
 * Whether primes read back from a cache are the ones `seed` leads to, checked without the costly
 * primality tests: each is its claimed start point (drawn from this seed) plus its step, of the right
 * size, without small factors and with p - 1 prime to e. A damaged or foreign entry fails; only a
 * deliberately forged one could pass, and it would still be a well-formed key.
 */
export function rsaPrimesMatchSeed(seed: Uint8Array, primes: RsaPrimes): boolean {
  const half = primes.bits / 2;
  const check = (prime: bigint, at: PrimePosition, labels: RegExp): boolean =>
    labels.test(at.label) &&
    Number.isSafeInteger(at.attempt) &&
    at.attempt >= 0 &&
    Number.isSafeInteger(at.step) &&
    at.step >= 0 &&
    at.step < 20 * half &&
    startPoint(seed, at.label, at.attempt, half) + BigInt(at.step) === prime &&
    prime.toString(2).length === half &&
    (prime - 1n) % E !== 0n &&
    !hasSmallFactor(prime);
  return primes.p !== primes.q && check(primes.p, primes.pAt, /^p$/) && check(primes.q, primes.qAt, /^q\d*$/);
}

/** The RSA private key (public exponent 65537) of two primes. */
export function rsaKeyFromPrimes({ p, q }: Pick<RsaPrimes, 'p' | 'q'>): KeyObject {
  const n = p * q;
  const d = modInverse(E, (p - 1n) * (q - 1n));
  return createPrivateKey({
    format: 'jwk',
    key: {
      kty: 'RSA',
      n: base64url(n),
      e: base64url(E),
      d: base64url(d),
      p: base64url(p),
      q: base64url(q),
      dp: base64url(d % (p - 1n)),
      dq: base64url(d % (q - 1n)),
      qi: base64url(modInverse(q, p)),
    },
  });
}

/**
 * An RSA private key of `bits` bits (public exponent 65537) that is a pure function of `seed`: the
 * same seed gives the same key on every machine, which a seeded vault needs and node:crypto's
 * generateKeyPair cannot give. See docs/decisions/005-deterministic-key-pairs.md.
 */
export function rsaKeyFromSeed(seed: Uint8Array, bits: 2048 | 3072 | 4096): KeyObject {
  return rsaKeyFromPrimes(rsaPrimesFromSeed(seed, bits));
}
