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

/**
 * A prime of `bits` bits with its two top bits set (so that two of them multiply to a modulus of
 * exactly twice the size), found by stepping from a start point drawn from `seed`. Candidates with a
 * small factor are skipped by a sieve; the rest go to OpenSSL's primality test (`checkPrimeSync`), so
 * this costs about what native key generation costs.
 */
function primeFrom(seed: Uint8Array, label: string, bits: number): bigint {
  for (let attempt = 0; ; attempt++) {
    const start = Buffer.from(hkdfSync('sha256', seed, Buffer.alloc(0), `kms-vault-mock rsa ${label} ${attempt}`, bits / 8));
    start[0] = (start[0] ?? 0) | 0xc0;
    start[start.length - 1] = (start[start.length - 1] ?? 0) | 1;
    const base = toBigInt(start);
    const residues = SMALL_PRIMES.map((p) => Number(base % BigInt(p)));
    for (let step = 0; step < 20 * bits; step += 2) {
      if (SMALL_PRIMES.some((p, i) => ((residues[i] ?? 0) + step) % p === 0)) continue;
      const candidate = base + BigInt(step);
      if (candidate.toString(2).length !== bits) break;
      if ((candidate - 1n) % E === 0n) continue;
      if (checkPrimeSync(candidate)) return candidate;
    }
  }
}

/**
 * An RSA private key of `bits` bits (public exponent 65537) that is a pure function of `seed`: the
 * same seed gives the same key on every machine, which a seeded vault needs and node:crypto's
 * generateKeyPair cannot give. See docs/decisions/005-deterministic-key-pairs.md.
 */
export function rsaKeyFromSeed(seed: Uint8Array, bits: 2048 | 3072 | 4096): KeyObject {
  const p = primeFrom(seed, 'p', bits / 2);
  let q = primeFrom(seed, 'q', bits / 2);
  for (let i = 0; q === p; i++) q = primeFrom(seed, `q${i}`, bits / 2);
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
