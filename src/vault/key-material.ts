import type { KeyMaterial } from './key-record';
import type { RandomSource } from './random';

/**
 * Fresh key material made at `at`; versions made by rotation say how they came about. The secret is
 * 256 bits unless `secretBytes` says otherwise (HMAC keys); for key pairs it is the seed the pair is
 * derived from on first use (src/vault/key-pair-of.ts).
 */
export function newKeyMaterial(
  source: { readonly random: RandomSource; readonly now: Date },
  rotationType?: KeyMaterial['rotationType'],
  at: Date = source.now,
  secretBytes = 32,
): KeyMaterial {
  const idBytes = source.random.bytes(32);
  const material = { id: idBytes.toString('hex'), idBytes, secret: source.random.bytes(secretBytes), createdAt: at };
  return rotationType ? { ...material, rotationType } : material;
}
