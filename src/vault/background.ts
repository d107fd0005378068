import type { RandomSource } from './random';
import { expireImportedMaterial } from './imported-material';
import { newKeyMaterial } from './key-material';
import { runAutomaticRotations } from './rotation';
import type { VaultState } from './vault-state';

/**
 * What KMS does on its own as time passes, caught up to `now` before each request: keys whose
 * deletion waiting period has ended are deleted, keys due for automatic rotation rotate, and imported
 * key material whose ValidTo has passed is deleted, and custom key stores whose connection attempt has
 * run its time are connected (or failed).
 */
export function catchUp(state: VaultState, random: RandomSource, now: Date): void {
  state.settle();
  state.customKeyStores.settle(now, state);
  state.sweepDeletions(now);
  if (state.keysWithExpiringMaterial().size > 0) expireImportedMaterial(state, now);
  if (state.keysWithRotation().size > 0) {
    runAutomaticRotations(state, now, (at, rotationType) => newKeyMaterial({ random, now: at }, rotationType));
  }
}
