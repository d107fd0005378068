import { keyPairFromSeed, type AsymmetricParams, type KeyPair } from '../crypto/key-pair';
import { KmsVaultMockError } from '../errors/library-error';
import type { KeyMaterial, KeyRecord } from './key-record';
import { KEY_SPECS } from './key-specs';

// Key pairs are derived from their material's seed when first used, not at CreateKey: an RSA_4096
// key pair takes about a second to make, and most keys a test creates are never used that way.
// The cache only memoizes a pure function of the material, so reads still change no vault state.
const pairs = new WeakMap<KeyMaterial, KeyPair>();

/** The asymmetric parameters of a key spec; a library error for symmetric and HMAC specs. */
export function asymmetricParams(key: Pick<KeyRecord, 'keySpec' | 'arn'>): AsymmetricParams {
  const material = KEY_SPECS[key.keySpec].material;
  if (material.kind === 'aes' || material.kind === 'hmac') throw new KmsVaultMockError(`${key.arn} has no key pair (key spec ${key.keySpec}); this is a bug in kms-vault-mock.`);
  return material;
}

/** The key pair of an asymmetric key's current material, made on first use and kept. */
export function keyPairOf(key: KeyRecord): KeyPair {
  const material = key.currentMaterial;
  let pair = pairs.get(material);
  if (!pair) {
    pair = keyPairFromSeed(asymmetricParams(key), material.secret);
    pairs.set(material, pair);
  }
  return pair;
}
