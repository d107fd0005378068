import type { LatticeKeyPair } from './key-pair';
import { mlKem } from './key-pair';

type KemKeyPair = LatticeKeyPair & { readonly params: { readonly kind: 'ml-kem' } };

/** Whether a key pair is an ML-KEM key pair. */
export function isKemKeyPair(pair: { readonly kind: string; readonly params: { readonly kind: string } }): pair is KemKeyPair {
  return pair.kind === 'lattice' && pair.params.kind === 'ml-kem';
}

/**
 * ML-KEM.Encaps (FIPS 203): a fresh 32-byte shared secret and its ciphertext under the public key. The
 * 32-byte message m comes from `randomBytes` (the vault's random source), so a seeded vault repeats it.
 */
export function mlKemEncapsulate(
  pair: KemKeyPair,
  randomBytes: (length: number) => Uint8Array,
): { readonly sharedSecret: Buffer; readonly ciphertext: Buffer } {
  const { cipherText, sharedSecret } = mlKem(pair.params.level).encapsulate(pair.publicKey, Uint8Array.from(randomBytes(32)));
  return { sharedSecret: Buffer.from(sharedSecret), ciphertext: Buffer.from(cipherText) };
}

/**
 * ML-KEM.Decaps: the shared secret of a ciphertext; undefined when its length does not fit the
 * parameter set. A ciphertext of the right length that was altered yields ML-KEM's implicit
 * rejection value, a pseudo-random secret, never an error.
 */
export function mlKemDecapsulate(pair: KemKeyPair, ciphertext: Uint8Array): Buffer | undefined {
  const kem = mlKem(pair.params.level);
  if (ciphertext.length !== kem.lengths.cipherText) return undefined;
  return Buffer.from(kem.decapsulate(ciphertext, pair.secretKey));
}
