import { createHash } from 'node:crypto';
import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { ImportedMaterialState, KeyMaterial, KeyRecord } from './key-record';
import type { VaultState } from './vault-state';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';

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
 *
 * Multi-Region keys (API Reference, DeleteImportedKeyMaterial, "Considerations for multi-Region
 * symmetric encryption keys"): deleting the primary key's material pending rotation also deletes it
 * from the replica keys; deleting a replica key's material leaves the primary and other replicas
 * unchanged (each Region's imported material is its own).
 */
export function deleteImportedMaterial(state: VaultState, key: KeyRecord, material: KeyMaterial): void {
  const imported = material.imported;
  if (!imported) return;
  if (imported.pendingRotation) {
    key.materials.splice(key.materials.indexOf(material), 1);
    state.unindexMaterial(key, material);
    for (const replica of importedReplicasOf(key)) {
      const copy = replica.materials.find((m) => m.id === material.id && m.imported?.pendingRotation === true);
      if (copy) deleteImportedMaterial(state, replica, copy);
    }
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
  return earliest === undefined
    ? { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }
    : { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date(earliest) };
}

/**
 * On-demand rotation of a symmetric key with imported key material: the new material imported for it
 * (PENDING_ROTATION) becomes current and permanently associated, dated `now` as its rotation. Returns
 * undefined when no material is pending rotation.
 *
 * A multi-Region primary key rotates its replicas with it, and only once every replica holds the new
 * material (API Reference, ImportKeyMaterial: import NEW_KEY_MATERIAL into the primary Region key,
 * the same material into every replica Region key with EXISTING_KEY_MATERIAL, then RotateKeyOnDemand on
 * the primary Region key): KMSInvalidStateException naming the first replica that does not, and
 * nothing changes.
 */
export function rotateIntoPendingMaterial(key: KeyRecord, now: Date): KeyMaterial | undefined {
  const pending = key.materials.find((m) => m.imported?.pendingRotation === true);
  if (!pending?.imported) return undefined;
  const copies: Array<[KeyRecord, KeyMaterial]> = [];
  for (const replica of importedReplicasOf(key)) {
    const copy = replica.materials.find((m) => m.id === pending.id && m.imported?.pendingRotation === true && m.imported.imported);
    if (!copy) throw kmsError('KMSInvalidStateException', messages.noPendingRotation(replica.arn));
    copies.push([replica, copy]);
  }
  const rotated = rotateOne(key, pending, now);
  for (const [replica, copy] of copies) rotateOne(replica, copy, now);
  return rotated;
}

function rotateOne(key: KeyRecord, pending: KeyMaterial, now: Date): KeyMaterial {
  (pending.imported as ImportedMaterialState).pendingRotation = false;
  const rotated: KeyMaterial = { ...pending, createdAt: now, rotationType: 'ON_DEMAND' };
  key.materials[key.materials.indexOf(pending)] = rotated;
  key.currentMaterial = rotated;
  return rotated;
}

/**
 * The replica keys of a multi-Region primary key with imported key material (none for any other key).
 * Their key material is their own: "KMS does not copy or synchronize the key material from a primary
 * key with imported key material to its replica keys" (Developer Guide, "Importing key material into
 * multi-Region keys").
 */
export function importedReplicasOf(key: KeyRecord): KeyRecord[] {
  const group = key.multiRegionGroup;
  if (!group || key.origin !== 'EXTERNAL' || group.primaryRegion !== key.region) return [];
  return [...group.members.values()].filter((m) => m !== key);
}

/** The primary key of a replica key with imported key material; undefined for any other key. */
export function importedPrimaryOf(key: KeyRecord): KeyRecord | undefined {
  const group = key.multiRegionGroup;
  if (!group || key.origin !== 'EXTERNAL' || group.primaryRegion === key.region) return undefined;
  return group.members.get(group.primaryRegion);
}

/**
 * Adds to a replica key its own copy of key material imported into its primary key (the same id,
 * secret and dates; its own import state), in the primary's order; the latest permanently associated
 * material the replica holds is its current material.
 */
export function addReplicaMaterial(
  state: VaultState,
  replica: KeyRecord,
  primary: KeyMaterial,
  imported: ImportedMaterialState,
  order: readonly KeyMaterial[],
): KeyMaterial {
  const copy: KeyMaterial = {
    id: primary.id,
    idBytes: primary.idBytes,
    secret: primary.secret,
    createdAt: primary.createdAt,
    imported,
    ...(primary.rotationType ? { rotationType: primary.rotationType } : {}),
  };
  replica.materials.push(copy);
  const rank = (m: KeyMaterial) => order.findIndex((o) => o.id === m.id);
  replica.materials.sort((a, b) => rank(a) - rank(b));
  state.indexMaterial(replica, copy);
  const associated = associatedMaterials(replica);
  replica.currentMaterial = associated[associated.length - 1] ?? NO_KEY_MATERIAL;
  return copy;
}

/**
 * Whether a replica key holds, imported, every key material permanently associated with its primary
 * key: what makes it Enabled ("you will need to import all of the key materials associated with the
 * KMS key to change its state to Enabled", API Reference, ImportKeyMaterial).
 */
export function replicaHoldsAll(replica: KeyRecord, primary: KeyRecord): boolean {
  const needed = associatedMaterials(primary);
  return needed.length > 0 && needed.every((p) => replica.materials.some((m) => m.id === p.id && m.imported?.imported === true));
}
