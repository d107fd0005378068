import { randomBytes } from 'node:crypto';
import {
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  IncorrectKeyMaterialException,
  InvalidImportTokenException,
  KMSInvalidStateException,
  ListKeyRotationsCommand,
  ReplicateKeyCommand,
  RotateKeyOnDemandCommand,
  UnsupportedOperationException,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { adapterClient } from '../helpers/adapters';
import { expectKmsError } from '../helpers/expect-kms-error';
import { externalKey, importMaterial, wrapFor } from '../helpers/import-material';
import { vaultClient, kmsErrorOf } from '../helpers/vault-client';

const ACCOUNT = '111122223333';
const START = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;

/**
 * Multi-Region keys with imported key material. Developer Guide, "Importing key material into
 * multi-Region keys"; API Reference, ReplicateKey, ImportKeyMaterial, DeleteImportedKeyMaterial and
 * RotateKeyOnDemand.
 */
async function externalPrimary(options: { replicas?: string[]; import?: boolean } = {}) {
  const { vault, kms: east } = vaultClient({ clock: START });
  const west = adapterClient(vault, { region: 'eu-west-1' });
  const north = adapterClient(vault, { region: 'eu-north-1' });
  const { keyId, arn } = await externalKey(east, { MultiRegion: true });
  const material = randomBytes(32);
  if (options.import !== false) await importMaterial(east, keyId, material);
  for (const region of options.replicas ?? ['eu-west-1']) await east.send(new ReplicateKeyCommand({ KeyId: keyId, ReplicaRegion: region }));
  const replicaArn = (region: string) => `arn:aws:kms:${region}:${ACCOUNT}:key/${keyId}`;
  return { vault, east, west, north, keyId, arn, material, replicaArn };
}

const stateOf = async (kms: KMSClient, keyId: string) => (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;

describe('multi-Region keys with imported key material', () => {
  it('ReplicateKey of a primary with imported key material creates a replica with no key material: Creating, then PendingImport (Developer Guide: "returns a replica key with no key material and a key state of PendingImport")', async () => {
    const { east, west, keyId } = await externalPrimary({ replicas: [] });
    const out = await east.send(new ReplicateKeyCommand({ KeyId: keyId, ReplicaRegion: 'eu-west-1' }));
    expect(out.ReplicaKeyMetadata).toMatchObject({
      KeyId: keyId,
      Origin: 'EXTERNAL',
      KeyState: 'Creating',
      MultiRegion: true,
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyUsage: 'ENCRYPT_DECRYPT',
    });
    expect(out.ReplicaKeyMetadata?.ExpirationModel).toBeUndefined();
    const replica = await stateOf(west, keyId);
    expect(replica).toMatchObject({ KeyState: 'PendingImport', Origin: 'EXTERNAL', MultiRegionConfiguration: { MultiRegionKeyType: 'REPLICA' } });
    expect(replica?.ExpirationModel).toBeUndefined();
    expect(replica?.CurrentKeyMaterialId).toBeUndefined();
    expect((await stateOf(east, keyId))?.KeyState).toBe('Enabled');
  });

  it('a primary still PendingImport can be replicated; both wait for their own import (the key states of related multi-Region keys are independent)', async () => {
    const { east, west, keyId } = await externalPrimary({ import: false });
    expect((await stateOf(east, keyId))?.KeyState).toBe('PendingImport');
    expect((await stateOf(west, keyId))?.KeyState).toBe('PendingImport');
  });

  it('the replica is unusable until its own import: KMSInvalidStateException for Encrypt (Developer Guide, key states: PendingImport)', async () => {
    const { west, keyId } = await externalPrimary();
    await expectKmsError(west.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') })), { type: KMSInvalidStateException, status: 400 });
  });

  it('the replica takes its own import token: a token issued for the primary is InvalidImportTokenException in the replica ("You need a different public key and import token for each replica key")', async () => {
    const { east, west, keyId, material } = await externalPrimary();
    const forPrimary = await wrapFor(east, keyId, material);
    await expectKmsError(west.send(new ImportKeyMaterialCommand({ KeyId: keyId, ...forPrimary, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })), {
      type: InvalidImportTokenException,
      status: 400,
    });
    const params = await west.send(new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
    expect(params.KeyId).toBe(`arn:aws:kms:eu-west-1:${ACCOUNT}:key/${keyId}`);
    expect(params.ParametersValidTo).toEqual(new Date(START.getTime() + DAY));
  });

  it('importing the primary\'s key material into the replica enables it, and the keys are interoperable: each decrypts what the other encrypted (Developer Guide: "You must import the same key material into related primary and replica keys")', async () => {
    const { east, west, keyId, material } = await externalPrimary();
    const imported = await importMaterial(west, keyId, material);
    expect(imported.KeyId).toBe(`arn:aws:kms:eu-west-1:${ACCOUNT}:key/${keyId}`);
    expect((await stateOf(west, keyId))?.KeyState).toBe('Enabled');
    const fromEast = await east.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('east') }));
    expect(Buffer.from((await west.send(new DecryptCommand({ CiphertextBlob: fromEast.CiphertextBlob }))).Plaintext as Uint8Array).toString()).toBe('east');
    const fromWest = await west.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('west') }));
    expect(Buffer.from((await east.send(new DecryptCommand({ CiphertextBlob: fromWest.CiphertextBlob }))).Plaintext as Uint8Array).toString()).toBe('west');
    expect((await stateOf(west, keyId))?.CurrentKeyMaterialId).toBe((await stateOf(east, keyId))?.CurrentKeyMaterialId);
  });

  it('key material that is not the primary\'s is IncorrectKeyMaterialException, naming the primary, and the replica stays PendingImport ("If the key material that you try to import into the replica key isn\'t the same ... the operation fails")', async () => {
    const { west, keyId, arn } = await externalPrimary();
    for (const ImportType of [undefined, 'NEW_KEY_MATERIAL', 'EXISTING_KEY_MATERIAL'] as const) {
      await expectKmsError(importMaterial(west, keyId, randomBytes(32), ImportType ? { ImportType } : {}), {
        type: IncorrectKeyMaterialException,
        status: 400,
        message: `The key material is not the same key material that was previously imported into ${arn}.`,
      });
    }
    expect((await stateOf(west, keyId))?.KeyState).toBe('PendingImport');
  });

  it('nothing can be imported into a replica before its primary has key material: IncorrectKeyMaterialException ("You cannot directly import new key material into the replica Region keys")', async () => {
    const { west, keyId } = await externalPrimary({ import: false });
    expect((await kmsErrorOf(importMaterial(west, keyId, randomBytes(32)))).name).toBe('IncorrectKeyMaterialException');
    expect((await stateOf(west, keyId))?.KeyState).toBe('PendingImport');
  });

  it('a second replica takes the same material: every replica must match the primary (and so each other)', async () => {
    const { west, north, keyId, material } = await externalPrimary({ replicas: ['eu-west-1', 'eu-north-1'] });
    await importMaterial(west, keyId, material);
    expect((await kmsErrorOf(importMaterial(north, keyId, randomBytes(32)))).name).toBe('IncorrectKeyMaterialException');
    await importMaterial(north, keyId, material);
    const c = await north.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('n') }));
    expect((await west.send(new DecryptCommand({ CiphertextBlob: c.CiphertextBlob }))).KeyId).toBe(`arn:aws:kms:eu-west-1:${ACCOUNT}:key/${keyId}`);
  });

  it('expiration model and date are set for each key independently ("You set the expiration model and expiration dates for each key independently")', async () => {
    const { east, west, keyId, material } = await externalPrimary();
    const validTo = new Date(START.getTime() + 10 * DAY);
    await importMaterial(west, keyId, material, { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo });
    expect(await stateOf(west, keyId)).toMatchObject({ ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo });
    expect(await stateOf(east, keyId)).toMatchObject({ ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
    expect((await stateOf(east, keyId))?.ValidTo).toBeUndefined();
  });

  it('expiry is per Region: the replica\'s material expires and it becomes PendingImport while the primary stays Enabled ("if the key material in the primary key expires, its replica keys are unaffected", and the other way round)', async () => {
    const { vault, east, west, keyId, material } = await externalPrimary();
    await importMaterial(west, keyId, material, { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date(START.getTime() + DAY) });
    vault.clock.advance({ days: 2 });
    expect((await stateOf(west, keyId))?.KeyState).toBe('PendingImport');
    expect((await stateOf(east, keyId))?.KeyState).toBe('Enabled');
    // Reimporting the same material restores it.
    await importMaterial(west, keyId, material);
    expect((await stateOf(west, keyId))?.KeyState).toBe('Enabled');
  });

  it("the primary's expiry leaves its replicas unaffected", async () => {
    const { vault, west, keyId, material } = await externalPrimary({ import: false });
    const east = adapterClient(vault, { region: 'us-east-1' });
    await importMaterial(east, keyId, material, { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date(START.getTime() + DAY) });
    await importMaterial(west, keyId, material);
    vault.clock.advance({ days: 2 });
    expect((await stateOf(east, keyId))?.KeyState).toBe('PendingImport');
    expect((await stateOf(west, keyId))?.KeyState).toBe('Enabled');
    // The primary still knows its material: the replica can be reimported and the primary reimported too.
    await importMaterial(east, keyId, material);
    expect((await stateOf(east, keyId))?.KeyState).toBe('Enabled');
  });

  it('DeleteImportedKeyMaterial on a replica leaves the primary and other replicas unchanged (API Reference, DeleteImportedKeyMaterial: "If you delete any key material of a replica Region key, the primary Region key and other replica Region keys remain unchanged")', async () => {
    const { east, west, north, keyId, material } = await externalPrimary({ replicas: ['eu-west-1', 'eu-north-1'] });
    await importMaterial(west, keyId, material);
    await importMaterial(north, keyId, material);
    await west.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId }));
    expect((await stateOf(west, keyId))?.KeyState).toBe('PendingImport');
    expect((await stateOf(east, keyId))?.KeyState).toBe('Enabled');
    expect((await stateOf(north, keyId))?.KeyState).toBe('Enabled');
  });

  it('DeleteImportedKeyMaterial on the primary leaves the replicas usable (the key states of related multi-Region keys are independent)', async () => {
    const { east, west, keyId, material } = await externalPrimary();
    await importMaterial(west, keyId, material);
    await east.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId }));
    expect((await stateOf(east, keyId))?.KeyState).toBe('PendingImport');
    const c = await west.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('still') }));
    expect(c.KeyId).toBe(`arn:aws:kms:eu-west-1:${ACCOUNT}:key/${keyId}`);
  });

  it('automatic rotation cannot be enabled on such keys: UnsupportedOperationException ("you cannot enable automatic key rotation of any KMS key with imported key material")', async () => {
    const { east, keyId } = await externalPrimary();
    await expectKmsError(east.send(new EnableKeyRotationCommand({ KeyId: keyId })), { type: UnsupportedOperationException, status: 400 });
  });

  it('on-demand rotation: new material is imported into the primary (NEW_KEY_MATERIAL), then into every replica (EXISTING_KEY_MATERIAL), then RotateKeyOnDemand on the primary rotates them all (API Reference, ImportKeyMaterial)', async () => {
    const { east, west, keyId, material } = await externalPrimary();
    await importMaterial(west, keyId, material);
    const before = await east.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('old') }));
    const next = randomBytes(32);
    const pending = await importMaterial(east, keyId, next, { ImportType: 'NEW_KEY_MATERIAL' });
    // Not yet in the replica: the rotation waits, and nothing changes.
    await expectKmsError(east.send(new RotateKeyOnDemandCommand({ KeyId: keyId })), {
      type: KMSInvalidStateException,
      status: 400,
      message: `No available key material pending rotation for the key: arn:aws:kms:eu-west-1:${ACCOUNT}:key/${keyId}.`,
    });
    expect((await stateOf(east, keyId))?.CurrentKeyMaterialId).not.toBe(pending.KeyMaterialId);
    await importMaterial(west, keyId, next, { ImportType: 'EXISTING_KEY_MATERIAL' });
    expect((await stateOf(west, keyId))?.CurrentKeyMaterialId).not.toBe(pending.KeyMaterialId);
    await east.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    expect((await stateOf(east, keyId))?.CurrentKeyMaterialId).toBe(pending.KeyMaterialId);
    expect((await stateOf(west, keyId))?.CurrentKeyMaterialId).toBe(pending.KeyMaterialId);
    const after = await west.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('new') }));
    expect(Buffer.from((await east.send(new DecryptCommand({ CiphertextBlob: after.CiphertextBlob }))).Plaintext as Uint8Array).toString()).toBe('new');
    expect(Buffer.from((await west.send(new DecryptCommand({ CiphertextBlob: before.CiphertextBlob }))).Plaintext as Uint8Array).toString()).toBe('old');
    const rotations = await west.send(new ListKeyRotationsCommand({ KeyId: keyId }));
    expect(rotations.Rotations?.map((r) => r.RotationType)).toEqual(['ON_DEMAND']);
  });

  it('new key material cannot go into a replica first: material the primary does not have is IncorrectKeyMaterialException', async () => {
    const { west, keyId, material } = await externalPrimary();
    await importMaterial(west, keyId, material);
    expect((await kmsErrorOf(importMaterial(west, keyId, randomBytes(32), { ImportType: 'NEW_KEY_MATERIAL' }))).name).toBe('IncorrectKeyMaterialException');
  });

  it('RotateKeyOnDemand on a replica is refused: rotation is managed on the primary (API Reference, RotateKeyOnDemand)', async () => {
    const { west, keyId, material } = await externalPrimary();
    await importMaterial(west, keyId, material);
    expect((await kmsErrorOf(west.send(new RotateKeyOnDemandCommand({ KeyId: keyId })))).name).toBe('UnsupportedOperationException');
  });

  it('deleting the primary\'s material pending rotation deletes it from the replicas too (API Reference, DeleteImportedKeyMaterial: "you\'ll also be deleting the key materials for the replica Region keys")', async () => {
    const { east, west, keyId, material } = await externalPrimary();
    await importMaterial(west, keyId, material);
    const next = randomBytes(32);
    const pending = await importMaterial(east, keyId, next, { ImportType: 'NEW_KEY_MATERIAL' });
    await importMaterial(west, keyId, next);
    await east.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId, KeyMaterialId: pending.KeyMaterialId }));
    const listed = await west.send(new ListKeyRotationsCommand({ KeyId: keyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }));
    expect(listed.Rotations?.map((r) => r.KeyMaterialId)).not.toContain(pending.KeyMaterialId);
    // Both keys stay Enabled with their first material.
    expect((await stateOf(east, keyId))?.KeyState).toBe('Enabled');
    expect((await stateOf(west, keyId))?.KeyState).toBe('Enabled');
  });

  it('HMAC multi-Region keys with imported key material replicate the same way (Developer Guide: "symmetric, asymmetric, or HMAC key material")', async () => {
    const { vault, kms: east } = vaultClient({ clock: START });
    const west = adapterClient(vault, { region: 'eu-west-1' });
    const { keyId } = await externalKey(east, { MultiRegion: true, KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    const secret = randomBytes(32);
    await importMaterial(east, keyId, secret);
    const out = await east.send(new ReplicateKeyCommand({ KeyId: keyId, ReplicaRegion: 'eu-west-1' }));
    expect(out.ReplicaKeyMetadata).toMatchObject({ KeySpec: 'HMAC_256', Origin: 'EXTERNAL' });
    expect((await stateOf(west, keyId))?.KeyState).toBe('PendingImport');
    await importMaterial(west, keyId, secret);
    expect((await stateOf(west, keyId))?.KeyState).toBe('Enabled');
  });
});
