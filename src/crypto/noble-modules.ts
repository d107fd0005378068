/**
 * The bundled @noble libraries, each behind a function that requires it on first call. In the build
 * this file is an entry point of its own (dist/noble-modules.js): the package's main chunk does not
 * hold their code, so `require('kms-vault-mock')` and `kms-vault-mock serve` neither parse nor run it
 * until a key spec needs it (docs/decisions/016). Read through `crypto/noble.ts`.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- synchronous loading on first use; operations are synchronous */

export const nist = (): typeof import('@noble/curves/nist.js') => require('@noble/curves/nist.js');
export const secp256k1 = (): typeof import('@noble/curves/secp256k1.js') => require('@noble/curves/secp256k1.js');
export const ed25519 = (): typeof import('@noble/curves/ed25519.js') => require('@noble/curves/ed25519.js');
export const weierstrass = (): typeof import('@noble/curves/abstract/weierstrass.js') => require('@noble/curves/abstract/weierstrass.js');
export const mlDsa = (): typeof import('@noble/post-quantum/ml-dsa.js') => require('@noble/post-quantum/ml-dsa.js');
export const mlKem = (): typeof import('@noble/post-quantum/ml-kem.js') => require('@noble/post-quantum/ml-kem.js');
