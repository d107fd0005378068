import { randomBytes } from 'node:crypto';
import {
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  ListKeyRotationsCommand,
  ReplicateKeyCommand,
  RotateKeyOnDemandCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { adapterClient } from '../helpers/adapters';
import { externalKey, importMaterial } from '../helpers/import-material';
import { vaultClient } from '../helpers/vault-client';

/**
 * ListKeyRotations' KeyMaterialState for new key material of a multi-Region key with imported key
 * material (API Reference, RotationsListEntry: "The key material state
 * PENDING_MULTI_REGION_IMPORT_AND_ROTATION is unique to multi-region, symmetric encryption keys with
 * imported key material. It indicates key material that has been imported into the primary Region key
 * but not all of the replica Region keys. When this key material is imported in to all of the replica
 * Region keys, the key material state will change to PENDING_ROTATION.").
 */
const START = new Date('2026-06-01T00:00:00Z');

async function pendingInPrimary() {
  const { vault, kms: east } = vaultClient({ clock: START });
  const west = adapterClient(vault, { region: 'eu-west-1' });
  const north = adapterClient(vault, { region: 'eu-north-1' });
  const { keyId } = await externalKey(east, { MultiRegion: true });
  const first = randomBytes(32);
  const firstId = (await importMaterial(east, keyId, first)).KeyMaterialId as string;
  for (const region of ['eu-west-1', 'eu-north-1']) await east.send(new ReplicateKeyCommand({ KeyId: keyId, ReplicaRegion: region }));
  await importMaterial(west, keyId, first);
  await importMaterial(north, keyId, first);
  const next = randomBytes(32);
  const pendingId = (await importMaterial(east, keyId, next, { ImportType: 'NEW_KEY_MATERIAL' })).KeyMaterialId as string;
  return { east, west, north, keyId, firstId, pendingId, next };
}

const statesOf = async (kms: KMSClient, keyId: string) =>
  ((await kms.send(new ListKeyRotationsCommand({ KeyId: keyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }))).Rotations ?? []).map((r) => [
    r.KeyMaterialId,
    r.KeyMaterialState,
  ]);

describe('ListKeyRotations of multi-Region keys with imported key material (RotationsListEntry KeyMaterialState)', () => {
  it('new material imported into the primary but not into every replica is PENDING_MULTI_REGION_IMPORT_AND_ROTATION ("key material that has been imported into the primary Region key but not all of the replica Region keys")', async () => {
    const { east, keyId, firstId, pendingId } = await pendingInPrimary();
    expect(await statesOf(east, keyId)).toEqual([
      [firstId, 'CURRENT'],
      [pendingId, 'PENDING_MULTI_REGION_IMPORT_AND_ROTATION'],
    ]);
  });

  it("still PENDING_MULTI_REGION_IMPORT_AND_ROTATION while one replica lacks it, also where a replica already holds it (the state is the material's, across the related keys)", async () => {
    const { east, west, keyId, firstId, pendingId, next } = await pendingInPrimary();
    await importMaterial(west, keyId, next, { ImportType: 'EXISTING_KEY_MATERIAL' });
    expect(await statesOf(east, keyId)).toEqual([
      [firstId, 'CURRENT'],
      [pendingId, 'PENDING_MULTI_REGION_IMPORT_AND_ROTATION'],
    ]);
    expect(await statesOf(west, keyId)).toEqual([
      [firstId, 'CURRENT'],
      [pendingId, 'PENDING_MULTI_REGION_IMPORT_AND_ROTATION'],
    ]);
  });

  it('becomes PENDING_ROTATION once imported into every replica ("When this key material is imported in to all of the replica Region keys, the key material state will change to PENDING_ROTATION"), then CURRENT after RotateKeyOnDemand', async () => {
    const { east, west, north, keyId, firstId, pendingId, next } = await pendingInPrimary();
    await importMaterial(west, keyId, next, { ImportType: 'EXISTING_KEY_MATERIAL' });
    await importMaterial(north, keyId, next, { ImportType: 'EXISTING_KEY_MATERIAL' });
    for (const kms of [east, west, north])
      expect(await statesOf(kms, keyId)).toEqual([
        [firstId, 'CURRENT'],
        [pendingId, 'PENDING_ROTATION'],
      ]);
    await east.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    for (const kms of [east, west, north])
      expect(await statesOf(kms, keyId)).toEqual([
        [firstId, 'NON_CURRENT'],
        [pendingId, 'CURRENT'],
      ]);
  });

  it("deleting a replica's copy of the new material brings the state back to PENDING_MULTI_REGION_IMPORT_AND_ROTATION", async () => {
    const { east, west, north, keyId, pendingId, next } = await pendingInPrimary();
    await importMaterial(west, keyId, next, { ImportType: 'EXISTING_KEY_MATERIAL' });
    await importMaterial(north, keyId, next, { ImportType: 'EXISTING_KEY_MATERIAL' });
    await north.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId, KeyMaterialId: pendingId }));
    expect((await statesOf(east, keyId))[1]).toEqual([pendingId, 'PENDING_MULTI_REGION_IMPORT_AND_ROTATION']);
  });

  it('a primary without replicas lists its new material as PENDING_ROTATION (the multi-Region state needs a replica that lacks it)', async () => {
    const { kms: east } = vaultClient({ clock: START });
    const { keyId } = await externalKey(east, { MultiRegion: true });
    await importMaterial(east, keyId, randomBytes(32));
    const pendingId = (await importMaterial(east, keyId, randomBytes(32), { ImportType: 'NEW_KEY_MATERIAL' })).KeyMaterialId as string;
    expect((await statesOf(east, keyId))[1]).toEqual([pendingId, 'PENDING_ROTATION']);
  });

  it('the pending material changes neither DescribeKey (still Enabled, CurrentKeyMaterialId the current material) nor GetKeyRotationStatus (no on-demand rotation in progress) (KeyMetadata CurrentKeyMaterialId: "Identifies the current key material"; material pending rotation "is not permanently associated with the KMS key")', async () => {
    const { east, west, keyId, firstId } = await pendingInPrimary();
    for (const kms of [east, west]) {
      const metadata = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
      expect(metadata).toMatchObject({ KeyState: 'Enabled', CurrentKeyMaterialId: firstId, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
      const status = await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
      expect(status.KeyRotationEnabled).toBe(false);
      expect(status.OnDemandRotationStartDate).toBeUndefined();
    }
  });
});
