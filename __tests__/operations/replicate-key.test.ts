import {
  AlreadyExistsException,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  KMSClient,
  NotFoundException,
  ReplicateKeyCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  UnsupportedOperationException,
  UpdatePrimaryRegionCommand,
} from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin } from '../../src';
import { kmsErrorOf } from '../helpers/vault-client';

function clients() {
  const vault = new KmsVault();
  const east = new KMSClient({ region: 'us-east-1' });
  const west = new KMSClient({ region: 'eu-west-1' });
  east.middlewareStack.use(vaultPlugin(vault));
  west.middlewareStack.use(vaultPlugin(vault));
  return { vault, east, west };
}

async function multiRegionPair() {
  const c = clients();
  const { KeyMetadata } = await c.east.send(new CreateKeyCommand({ MultiRegion: true, Description: 'primary' }));
  const replicated = await c.east.send(
    new ReplicateKeyCommand({ KeyId: KeyMetadata?.KeyId, ReplicaRegion: 'eu-west-1', Description: 'replica', Tags: [{ TagKey: 't', TagValue: 'v' }] }),
  );
  return { ...c, keyId: KeyMetadata?.KeyId as string, primaryArn: KeyMetadata?.Arn as string, replicated };
}

describe('multi-Region keys: CreateKey MultiRegion, ReplicateKey, UpdatePrimaryRegion', () => {
  it('CreateKey with MultiRegion makes an mrk- key that DescribeKey reports as PRIMARY (Developer Guide, multi-Region keys)', async () => {
    const { east } = clients();
    const { KeyMetadata } = await east.send(new CreateKeyCommand({ MultiRegion: true }));
    expect(KeyMetadata?.KeyId).toMatch(/^mrk-[0-9a-f]{32}$/);
    expect(KeyMetadata?.MultiRegion).toBe(true);
    expect(KeyMetadata?.MultiRegionConfiguration).toEqual({
      MultiRegionKeyType: 'PRIMARY',
      PrimaryKey: { Arn: KeyMetadata?.Arn, Region: 'us-east-1' },
      ReplicaKeys: [],
    });
  });

  it('ReplicateKey creates a replica with the same key id in the other region, Creating then Enabled (API Reference, ReplicateKey)', async () => {
    const { west, keyId, primaryArn, replicated } = await multiRegionPair();
    const replicaArn = `arn:aws:kms:eu-west-1:111122223333:key/${keyId}`;
    expect(replicated.ReplicaKeyMetadata).toMatchObject({ KeyId: keyId, Arn: replicaArn, KeyState: 'Creating', Description: 'replica', MultiRegion: true });
    expect(replicated.ReplicaTags).toEqual([{ TagKey: 't', TagValue: 'v' }]);
    expect(typeof replicated.ReplicaPolicy).toBe('string');
    const { KeyMetadata } = await west.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(KeyMetadata?.KeyState).toBe('Enabled');
    expect(KeyMetadata?.MultiRegionConfiguration).toEqual({
      MultiRegionKeyType: 'REPLICA',
      PrimaryKey: { Arn: primaryArn, Region: 'us-east-1' },
      ReplicaKeys: [{ Arn: replicaArn, Region: 'eu-west-1' }],
    });
  });

  it('a ciphertext made under the primary in one region decrypts under its replica through a client of the other region (Developer Guide, multi-Region keys)', async () => {
    const { east, west, keyId } = await multiRegionPair();
    const { CiphertextBlob } = await east.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('travels'), EncryptionContext: { a: 'b' } }));
    const out = await west.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { a: 'b' } }));
    expect(Buffer.from(out.Plaintext ?? []).toString()).toBe('travels');
    expect(out.KeyId).toBe(`arn:aws:kms:eu-west-1:111122223333:key/${keyId}`);
  });

  it('related multi-Region keys rotate together: material rotated on the primary decrypts in the replica region (Developer Guide, rotating multi-Region keys)', async () => {
    const { east, west, keyId } = await multiRegionPair();
    await east.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    const { CiphertextBlob } = await east.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('rotated') }));
    const out = await west.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(out.Plaintext ?? []).toString()).toBe('rotated');
    const error = await kmsErrorOf(west.send(new RotateKeyOnDemandCommand({ KeyId: keyId })));
    expect(error).toBeInstanceOf(UnsupportedOperationException);
  });

  it('ReplicateKey refuses a single-Region key, a replica, and a region that already has a replica (API Reference, ReplicateKey errors)', async () => {
    const { east, west, keyId } = await multiRegionPair();
    const { KeyMetadata } = await east.send(new CreateKeyCommand({}));
    expect(await kmsErrorOf(east.send(new ReplicateKeyCommand({ KeyId: KeyMetadata?.KeyId, ReplicaRegion: 'eu-west-1' })))).toBeInstanceOf(
      UnsupportedOperationException,
    );
    expect(await kmsErrorOf(west.send(new ReplicateKeyCommand({ KeyId: keyId, ReplicaRegion: 'ap-south-1' })))).toBeInstanceOf(UnsupportedOperationException);
    const again = await kmsErrorOf(east.send(new ReplicateKeyCommand({ KeyId: keyId, ReplicaRegion: 'eu-west-1' })));
    expect(again).toBeInstanceOf(AlreadyExistsException);
    expect(again.$metadata.httpStatusCode).toBe(400);
  });

  it('UpdatePrimaryRegion swaps primary and replica, and the asynchronous update has completed by the next request (API Reference, UpdatePrimaryRegion)', async () => {
    const { east, west, keyId } = await multiRegionPair();
    await west.send(new DescribeKeyCommand({ KeyId: keyId }));
    await east.send(new UpdatePrimaryRegionCommand({ KeyId: keyId, PrimaryRegion: 'eu-west-1' }));
    const during = await west.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(during.KeyMetadata?.KeyState).toBe('Enabled');
    expect(during.KeyMetadata?.MultiRegionConfiguration?.MultiRegionKeyType).toBe('PRIMARY');
    const former = await east.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(former.KeyMetadata?.MultiRegionConfiguration?.MultiRegionKeyType).toBe('REPLICA');
    expect(former.KeyMetadata?.MultiRegionConfiguration?.PrimaryKey?.Region).toBe('eu-west-1');
  });

  it('a primary with replicas waits in PendingReplicaDeletion; its waiting period starts when the last replica is deleted (Developer Guide, deleting multi-Region keys)', async () => {
    const { vault, east, west, keyId } = await multiRegionPair();
    const scheduled = await east.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    expect(scheduled.KeyState).toBe('PendingReplicaDeletion');
    expect(scheduled.DeletionDate).toBeUndefined();
    await west.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    vault.clock.advance({ days: 7 });
    expect(await kmsErrorOf(west.send(new DescribeKeyCommand({ KeyId: keyId })))).toBeInstanceOf(NotFoundException);
    const primary = await east.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(primary.KeyMetadata?.KeyState).toBe('PendingDeletion');
    vault.clock.advance({ days: 7 });
    expect(await kmsErrorOf(east.send(new DescribeKeyCommand({ KeyId: keyId })))).toBeInstanceOf(NotFoundException);
  });
});
