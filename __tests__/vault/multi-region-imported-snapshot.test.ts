import { randomBytes } from 'node:crypto';
import { KMSClient, type KeyState } from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin, type OperationName, type Scenario } from '../../src';
import { externalKey, importMaterial } from '../helpers/import-material';

/**
 * The state document of multi-Region keys with imported key material (Origin EXTERNAL): each replica
 * holds its own copy of the primary's material with its own import state (Developer Guide, "Importing
 * key material into multi-Region keys": "KMS does not copy or synchronize the key material ... You set
 * the expiration model and expiration dates for each key independently"), so a snapshot loads each
 * replica with exactly that, not as a fresh ReplicateKey would make it.
 */
const START = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-north-1', 'ap-south-1'] as const;

function clientOf(vault: KmsVault, region: string): KMSClient {
  const kms = new KMSClient({ region });
  kms.middlewareStack.use(vaultPlugin(vault));
  return kms;
}

/**
 * A primary in us-east-1 with imported material that does not expire and new material pending
 * rotation; replicas: eu-west-1 holding both (the first one expiring), eu-north-1 holding only the
 * first, ap-south-1 never imported into (PendingImport).
 */
async function importedGroup() {
  const vault = new KmsVault({ seed: 'mrk-imported-snapshot', clock: START });
  const [east, west, north, south] = REGIONS.map((r) => clientOf(vault, r)) as [KMSClient, KMSClient, KMSClient, KMSClient];
  const { keyId } = await externalKey(east, { MultiRegion: true, Description: 'imported primary' });
  const first = randomBytes(32);
  const firstId = (await importMaterial(east, keyId, first)).KeyMaterialId as string;
  for (const region of ['eu-west-1', 'eu-north-1', 'ap-south-1'])
    vault.execute('ReplicateKey', { KeyId: keyId, ReplicaRegion: region, Description: `replica in ${region}` });
  await importMaterial(west, keyId, first, { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date(START.getTime() + 10 * DAY) });
  await importMaterial(north, keyId, first);
  const ciphertexts = {
    east: vault.execute('Encrypt', { KeyId: keyId, Plaintext: Buffer.from('from east') }, { region: 'us-east-1' }).CiphertextBlob as Uint8Array,
    west: vault.execute('Encrypt', { KeyId: keyId, Plaintext: Buffer.from('from west') }, { region: 'eu-west-1' }).CiphertextBlob as Uint8Array,
  };
  const next = randomBytes(32);
  const pendingId = (await importMaterial(east, keyId, next, { ImportType: 'NEW_KEY_MATERIAL', KeyMaterialDescription: 'next' })).KeyMaterialId as string;
  await importMaterial(west, keyId, next, { ImportType: 'EXISTING_KEY_MATERIAL' });
  for (const kms of [east, west, north, south]) kms.destroy();
  return { vault, keyId, firstId, pendingId, ciphertexts };
}

/** What each Region's key answers: DescribeKey, ListKeyRotations (all material), GetKeyRotationStatus. */
function reads(vault: KmsVault, keyId: string): unknown[] {
  const out: unknown[] = [];
  for (const region of REGIONS) {
    for (const [op, input] of [
      ['DescribeKey', { KeyId: keyId }],
      ['ListKeyRotations', { KeyId: keyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }],
      ['GetKeyRotationStatus', { KeyId: keyId }],
    ] as const) {
      try {
        const { $metadata: _m, ...rest } = vault.executeInternal(op as OperationName, input as never, { region, accountId: '111122223333' }) as {
          $metadata: unknown;
        };
        out.push([region, op, rest]);
      } catch (error) {
        out.push([region, op, (error as Error).name, (error as Error).message]);
      }
    }
  }
  return out;
}

const stateIn = (vault: KmsVault, keyId: string, region: string): KeyState | undefined =>
  vault.executeInternal('DescribeKey', { KeyId: keyId }, { region, accountId: '111122223333' }).KeyMetadata?.KeyState;

describe('snapshots of multi-Region keys with imported key material (each Region keeps its own material and import state)', () => {
  it('the round trip is exact: a vault loaded from the snapshot writes the same snapshot', async () => {
    const { vault } = await importedGroup();
    const document = vault.snapshot();
    const copy = new KmsVault({ clock: START });
    copy.load(JSON.parse(JSON.stringify(document)) as Scenario);
    expect(copy.snapshot()).toEqual(document);
  });

  it('every replica comes back with its own state, expiration and material ids: Enabled where imported, PendingImport where not', async () => {
    const { vault, keyId, firstId, pendingId } = await importedGroup();
    const copy = new KmsVault({ clock: new Date(vault.clock.now()) });
    copy.load(vault.snapshot());
    expect(reads(copy, keyId)).toEqual(reads(vault, keyId));
    expect(REGIONS.map((r) => stateIn(copy, keyId, r))).toEqual(['Enabled', 'Enabled', 'Enabled', 'PendingImport']);
    const west = copy.executeInternal('DescribeKey', { KeyId: keyId }, { region: 'eu-west-1', accountId: '111122223333' }).KeyMetadata;
    expect(west).toMatchObject({ ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date(START.getTime() + 10 * DAY), CurrentKeyMaterialId: firstId });
    const westMaterial = copy.executeInternal(
      'ListKeyRotations',
      { KeyId: keyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' },
      { region: 'eu-west-1', accountId: '111122223333' },
    ).Rotations;
    expect(westMaterial?.map((r) => r.KeyMaterialId)).toEqual([firstId, pendingId]);
  });

  it('each replica decrypts in the loaded vault what it decrypted before (ciphertexts of the primary and of a replica)', async () => {
    const { vault, ciphertexts } = await importedGroup();
    const copy = new KmsVault({ clock: new Date(vault.clock.now()) });
    copy.load(vault.snapshot());
    for (const region of ['us-east-1', 'eu-west-1', 'eu-north-1']) {
      for (const [from, blob] of Object.entries(ciphertexts)) {
        const out = copy.execute('Decrypt', { CiphertextBlob: blob }, { region });
        expect([region, Buffer.from(out.Plaintext as Uint8Array).toString()]).toEqual([region, `from ${from}`]);
      }
    }
    // The replica never imported into answers as it did before.
    const failure = (v: KmsVault) => {
      try {
        v.execute('Decrypt', { CiphertextBlob: ciphertexts.east }, { region: 'ap-south-1' });
        return 'decrypted';
      } catch (error) {
        return (error as Error).name;
      }
    };
    expect(failure(copy)).toBe(failure(vault));
    expect(failure(copy)).not.toBe('decrypted');
  });

  it('a replica\'s expiry goes on in the loaded vault: it expires on its own date, the primary and other replicas unaffected ("if the key material in the primary key expires, its replica keys are unaffected")', async () => {
    const { vault, keyId } = await importedGroup();
    const copy = new KmsVault({ clock: new Date(vault.clock.now()) });
    copy.load(vault.snapshot());
    copy.clock.advance({ days: 11 });
    expect(REGIONS.map((r) => stateIn(copy, keyId, r))).toEqual(['Enabled', 'PendingImport', 'Enabled', 'PendingImport']);
  });

  it('the pending material survives in each Region: RotateKeyOnDemand still waits for the replicas that lack it, and rotates all once they have it', async () => {
    const { vault, keyId, pendingId } = await importedGroup();
    const copy = new KmsVault({ clock: new Date(vault.clock.now()) });
    copy.load(vault.snapshot());
    expect(() => copy.execute('RotateKeyOnDemand', { KeyId: keyId }, { region: 'us-east-1' })).toThrow(
      expect.objectContaining({
        name: 'KMSInvalidStateException',
        message: `No available key material pending rotation for the key: arn:aws:kms:eu-north-1:111122223333:key/${keyId}.`,
      }) as Error,
    );
    copy.execute('DeleteImportedKeyMaterial', { KeyId: keyId, KeyMaterialId: pendingId }, { region: 'us-east-1' });
    const listed = copy.executeInternal(
      'ListKeyRotations',
      { KeyId: keyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' },
      { region: 'eu-west-1', accountId: '111122223333' },
    ).Rotations;
    expect(listed?.map((r) => r.KeyMaterialId)).not.toContain(pendingId);
  });

  it('a replica of an imported key still Creating in the snapshot settles to PendingImport after loading, as the original does (not Enabled)', async () => {
    const vault = new KmsVault({ seed: 'mrk-imported-creating', clock: START });
    const east = clientOf(vault, 'us-east-1');
    const { keyId } = await externalKey(east, { MultiRegion: true });
    await importMaterial(east, keyId, randomBytes(32));
    east.destroy();
    expect(vault.execute('ReplicateKey', { KeyId: keyId, ReplicaRegion: 'eu-west-1' }).ReplicaKeyMetadata?.KeyState).toBe('Creating');
    const document = vault.snapshot();
    const copy = new KmsVault({ clock: START });
    copy.load(document);
    expect(copy.snapshot()).toEqual(document);
    expect(stateIn(copy, keyId, 'eu-west-1')).toBe('PendingImport');
    expect(stateIn(vault, keyId, 'eu-west-1')).toBe('PendingImport');
  });

  it('a document whose replica lists key material its primary never had is refused with a library error, and the vault is unchanged', async () => {
    const { vault } = await importedGroup();
    const document = vault.snapshot();
    const keys = (document.keys ?? []).map((k) =>
      k.region === 'eu-north-1' ? { ...k, materials: (k.materials ?? []).map((m) => ({ ...m, id: 'ab'.repeat(32) })) } : k,
    );
    const copy = new KmsVault({ clock: START });
    const empty = copy.snapshot();
    expect(() => copy.load({ ...document, keys })).toThrow(/eu-north-1.*not key material of its primary/);
    expect(copy.snapshot()).toEqual(empty);
  });
});
