import type { KeyMaterial, KeyRecord } from './key-record';
import type { VaultState } from './vault-state';

const DAY_MS = 86_400_000;

/** Makes fresh key material at a given time. */
export type MaterialFactory = (at: Date, rotationType?: KeyMaterial['rotationType']) => KeyMaterial;

/**
 * Adds a new key-material version and makes it current; older versions stay to decrypt old
 * ciphertexts. Related multi-Region keys share their material list, so all of them rotate together.
 */
export function rotateMaterial(state: VaultState, key: KeyRecord, material: KeyMaterial): void {
  key.materials.push(material);
  for (const member of key.multiRegionGroup?.members.values() ?? [key]) {
    member.currentMaterial = material;
    state.indexMaterial(member, material);
  }
}

/** The date `days` after `from`. */
export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/**
 * Automatic rotation as KMS performs it in the background: every enabled key whose next rotation date
 * has come gets new material (once per period that has passed) dated when it was due.
 */
export function runAutomaticRotations(state: VaultState, now: Date, makeMaterial: MaterialFactory): void {
  for (const key of state.keysWithRotation()) {
    const schedule = key.rotation;
    if (!schedule) continue;
    while (schedule.nextRotationDate.getTime() <= now.getTime()) {
      const due = schedule.nextRotationDate;
      if (key.state === 'Enabled') rotateMaterial(state, key, makeMaterial(due, 'AUTOMATIC'));
      schedule.nextRotationDate = addDays(due, schedule.periodDays);
    }
  }
}
