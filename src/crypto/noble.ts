/**
 * The @noble libraries, each loaded on first use: only keys of the specs that need them (ECC
 * signatures with a given k, Ed25519ph, SM2, ML-DSA, ML-KEM) pay for loading and setting them up,
 * not every test file that loads the package. The `require`s name their module literally: the
 * bundler (tsup, noExternal) includes each library and runs it when this function first asks for it.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- synchronous loading on first use; operations are synchronous */

function once<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

/** `p256`, `p384`, `p521`. */
export const nobleNist = once((): typeof import('@noble/curves/nist.js') => require('@noble/curves/nist.js'));
/** `secp256k1`. */
export const nobleSecp256k1 = once((): typeof import('@noble/curves/secp256k1.js') => require('@noble/curves/secp256k1.js'));
/** `ed25519ph`. */
export const nobleEd25519 = once((): typeof import('@noble/curves/ed25519.js') => require('@noble/curves/ed25519.js'));
/** `weierstrass`, for curves noble does not ship (SM2). */
export const nobleWeierstrass = once((): typeof import('@noble/curves/abstract/weierstrass.js') => require('@noble/curves/abstract/weierstrass.js'));
/** `ml_dsa44`, `ml_dsa65`, `ml_dsa87`. */
export const nobleMlDsa = once((): typeof import('@noble/post-quantum/ml-dsa.js') => require('@noble/post-quantum/ml-dsa.js'));
/** `ml_kem512`, `ml_kem768`, `ml_kem1024`. */
export const nobleMlKem = once((): typeof import('@noble/post-quantum/ml-kem.js') => require('@noble/post-quantum/ml-kem.js'));
