import { createHash } from 'node:crypto';
import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { KeyMaterial, KeyRecord } from './key-record';
import type { VaultState } from './vault-state';

/**
 * The current material of a key with Origin EXTERNAL before its first import. It is in no key's
 * `materials` and no operation reaches it: such a key is PendingImport, which fails every
 * cryptographic operation.
 */
export const NO_KEY_MATERIAL: KeyMaterial = Object.freeze({ id: '', idBytes: Buffer.alloc(0), secret: Buffer.alloc(0), createdAt: new Date(0) });

/** Whether the key has had key material: false only for a key with Origin EXTERNAL never imported into. */
export function hasKeyMaterial(key: KeyRecord): boolean {
  return key.currentMaterial !== NO_KEY_MATERIAL;
}

/**
 * The 32-byte id of imported key material. KMS "assigns a unique identifier to the key material based
 * on the KMS key ID and the imported key material" (API Reference, ImportKeyMaterial KeyMaterialId), so
 * reimporting the same material into the same key (or a related multi-Region key, which has the same
 * key id) gives the same id, and ciphertexts made before a deletion decrypt again after the reimport.
 */
export function importedMaterialId(keyId: string, secret: Uint8Array): Buffer {
  return createHash('sha256').update(`kms-vault-mock imported key material\0${keyId}\0`).update(secret).digest();
}

/** The materials permanently associated with a key: all but new material waiting for RotateKeyOnDemand. */
export function associatedMaterials(key: KeyRecord): KeyMaterial[] {
  return key.materials.filter((m) => m.imported?.pendingRotation !== true);
}

/**
 * Whether every material permanently associated with the key is imported: "For symmetric encryption
 * keys, you will need to import all of the key materials associated with the KMS key to change its
 * state to Enabled" (API Reference, ImportKeyMaterial).
 */
export function allMaterialImported(key: KeyRecord): boolean {
  const associated = associatedMaterials(key);
  return associated.length > 0 && associated.every((m) => m.imported?.imported !== false);
}

/**
 * Deletes imported key material, as DeleteImportedKeyMaterial and expiry do. Material pending rotation
 * "is not permanently associated with the KMS key" and goes entirely. Associated material becomes
 * unusable and the key PendingImport, except a key pending deletion, whose state does not change (API
 * Reference, DeleteImportedKeyMaterial); the vault still knows the material, to accept only the same
 * material when it is reimported.
 */
export function deleteImportedMaterial(state: VaultState, key: KeyRecord, material: KeyMaterial): void {
  const imported = material.imported;
  if (!imported) return;
  if (imported.pendingRotation) {
    key.materials.splice(key.materials.indexOf(material), 1);
    state.unindexMaterial(key, material);
  } else {
    imported.imported = false;
    imported.expirationModel = undefined;
    imported.validTo = undefined;
    if (key.state !== 'PendingDeletion' && key.state !== 'PendingReplicaDeletion') key.state = 'PendingImport';
  }
  state.trackImportExpiry(key);
}

/**
 * Expiry as KMS performs it in the background: "When the key material expires, KMS deletes the key
 * material from the KMS key" (API Reference, ImportKeyMaterial ValidTo), at its ValidTo by the vault
 * clock.
 */
export function expireImportedMaterial(state: VaultState, now: Date): void {
  for (const key of [...state.keysWithExpiringMaterial()]) {
    for (const material of [...key.materials]) {
      const validTo = material.imported?.imported === true ? material.imported.validTo : undefined;
      if (validTo && validTo.getTime() <= now.getTime()) deleteImportedMaterial(state, key, material);
    }
  }
}

/**
 * KeyMetadata's ExpirationModel and ValidTo: present only for keys with Origin EXTERNAL that hold
 * imported material; ValidTo is "the earliest time at which any imported key material permanently
 * associated with this KMS key expires" (API Reference, KeyMetadata).
 */
export function importExpiration(key: KeyRecord): Pick<KeyMetadata, 'ExpirationModel' | 'ValidTo'> {
  if (key.origin !== 'EXTERNAL') return {};
  const imported = associatedMaterials(key).filter((m) => m.imported?.imported === true);
  if (imported.length === 0) return {};
  let earliest: number | undefined;
  for (const m of imported) {
    const t = m.imported?.validTo?.getTime();
    if (t !== undefined && (earliest === undefined || t < earliest)) earliest = t;
  }
  return earliest === undefined ? { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' } : { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date(earliest) };
}

/**
 * On-demand rotation of a symmetric key with imported key material: the new material imported for it
 * (PENDING_ROTATION) becomes current and permanently associated, dated `now` as its rotation. Returns
 * undefined when no material is pending rotation.
 */
export function rotateIntoPendingMaterial(key: KeyRecord, now: Date): KeyMaterial | undefined {
  const index = key.materials.findIndex((m) => m.imported?.pendingRotation === true);
  const pending = key.materials[index];
  if (!pending?.imported) return undefined;
  pending.imported.pendingRotation = false;
  const rotated: KeyMaterial = { ...pending, createdAt: now, rotationType: 'ON_DEMAND' };
  key.materials[index] = rotated;
  for (const member of key.multiRegionGroup?.members.values() ?? [key]) member.currentMaterial = rotated;
  return rotated;
}
