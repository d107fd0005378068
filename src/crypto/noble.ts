/**
 * The @noble libraries, each loaded on first use: only keys of the specs that need them (ECC
 * signatures with a given k, Ed25519ph, SM2, ML-DSA, ML-KEM) pay for loading and setting them up,
 * not every test file that loads the package. They live in `noble-modules.ts`, which the build makes
 * a file of its own (dist/noble-modules.js, with the libraries bundled in): the build requires it by
 * path at the first call, so the package's main chunk carries none of their code. From the sources
 * (jest, tsx) it is an ordinary module.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- synchronous loading on first use; operations are synchronous */
import { lazyRequire } from '../lazy-require';

type NobleModules = typeof import('./noble-modules');

// tsup defines the build's format. In the build, the file by a path the bundler does not read (so it
// stays out of the package's main chunk). From the sources (jest, vitest, tsx; the format undefined)
// each library by its name, as noble-modules.ts names them (vitest's require loads no TypeScript);
// the bundler drops this branch, requires and all, from the build.
const BUILT = './noble-modules.js';
const modules: () => NobleModules =
  process.env.KMS_VAULT_MOCK_BUILD_FORMAT === undefined
    ? () => ({
        nist: () => require('@noble/curves/nist.js'),
        secp256k1: () => require('@noble/curves/secp256k1.js'),
        ed25519: () => require('@noble/curves/ed25519.js'),
        weierstrass: () => require('@noble/curves/abstract/weierstrass.js'),
        mlDsa: () => require('@noble/post-quantum/ml-dsa.js'),
        mlKem: () => require('@noble/post-quantum/ml-kem.js'),
      })
    : lazyRequire<NobleModules>(BUILT);

function once<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

/** `p256`, `p384`, `p521`. */
export const nobleNist = once(() => modules().nist());
/** `secp256k1`. */
export const nobleSecp256k1 = once(() => modules().secp256k1());
/** `ed25519ph`. */
export const nobleEd25519 = once(() => modules().ed25519());
/** `weierstrass`, for curves noble does not ship (SM2). */
export const nobleWeierstrass = once(() => modules().weierstrass());
/** `ml_dsa44`, `ml_dsa65`, `ml_dsa87`. */
export const nobleMlDsa = once(() => modules().mlDsa());
/** `ml_kem512`, `ml_kem768`, `ml_kem1024`. */
export const nobleMlKem = once(() => modules().mlKem());
