import type { AsymmetricParams, KeyPair } from '../crypto/key-pair';
import { cachedKeyPairFromSeed } from '../crypto/key-pair-cache';
import { keyPairFromPkcs8 } from '../crypto/imported-key-pair';
import { KmsVaultMockError } from '../errors/library-error';
import type { KeyMaterial, KeyRecord } from './key-record';
import { KEY_SPECS } from './key-specs';

// Key pairs are derived from their material's seed when first used, not at CreateKey: an RSA_4096
// key pair takes about a second to make, and most keys a test creates are never used that way.
// The cache only memoizes a pure function of the material, so reads still change no vault state;
// behind it, cachedKeyPairFromSeed shares pairs between vaults with the same seeds (and RSA primes
// between runs).
const pairs = new WeakMap<KeyMaterial, KeyPair>();

/** The asymmetric parameters of a key spec; a library error for symmetric and HMAC specs. */
export function asymmetricParams(key: Pick<KeyRecord, 'keySpec' | 'arn'>): AsymmetricParams {
  const material = KEY_SPECS[key.keySpec].material;
  if (material.kind === 'aes' || material.kind === 'hmac')
    throw new KmsVaultMockError(`${key.arn} has no key pair (key spec ${key.keySpec}); this is a bug in kms-vault-mock.`);
  return material;
}

/**
 * The key pair of an asymmetric key's current material, made on first use and kept: derived from the
 * material's seed, or, for imported key material, read from the PKCS #8 private key that was imported.
 */
export function keyPairOf(key: KeyRecord): KeyPair {
  const material = key.currentMaterial;
  let pair = pairs.get(material);
  if (!pair) {
    const params = asymmetricParams(key);
    pair = material.imported ? importedKeyPair(key, params, material) : cachedKeyPairFromSeed(params, material.secret);
    pairs.set(material, pair);
  }
  return pair;
}

function importedKeyPair(key: KeyRecord, params: AsymmetricParams, material: KeyMaterial): KeyPair {
  // ImportKeyMaterial accepted only a private key of this kind, so anything else is a bug.
  const pair = params.kind === 'rsa' || params.kind === 'ec' ? keyPairFromPkcs8(params, material.secret) : undefined;
  if (!pair) throw new KmsVaultMockError(`${key.arn} holds imported key material that is no ${key.keySpec} private key; this is a bug in kms-vault-mock.`);
  return pair;
}
