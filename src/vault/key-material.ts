import type { KeyMaterial } from './key-record';
import type { RandomSource } from './random';

/** Fresh 256-bit key material made at `at`; versions made by rotation say how they came about. */
export function newKeyMaterial(source: { readonly random: RandomSource; readonly now: Date }, rotationType?: KeyMaterial['rotationType'], at: Date = source.now): KeyMaterial {
  const idBytes = source.random.bytes(32);
  const material = { id: idBytes.toString('hex'), idBytes, secret: source.random.bytes(32), createdAt: at };
  return rotationType ? { ...material, rotationType } : material;
}
