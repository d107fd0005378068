import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  KMSClient,
  NotFoundException,
  ReplicateKeyCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { vaultPlugin } from '../../src';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';

const START = new Date('2026-03-01T09:30:00Z');
const ACCOUNT = '111122223333';
const DAY = 86_400_000;

async function setup() {
  const { vault, kms } = vaultClient({ seed: 'describe-key', clock: START });
  const key = (await kms.send(new CreateKeyCommand({ Description: 'orders' }))).KeyMetadata as { KeyId: string; Arn: string; CurrentKeyMaterialId: string };
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: key.KeyId }));
  return { vault, kms, keyId: key.KeyId, arn: key.Arn, materialId: key.CurrentKeyMaterialId };
}

describe('DescribeKey', () => {
  it('reports the KeyMetadata of a symmetric encryption key, and no aliases (API Reference, DescribeKey; KeyMetadata)', async () => {
    const { kms, keyId, arn, materialId } = await setup();
    const { $metadata, ...out } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect($metadata.httpStatusCode).toBe(200);
    expect(out).toEqual({
      KeyMetadata: {
        AWSAccountId: ACCOUNT,
        KeyId: keyId,
        Arn: arn,
        CreationDate: START,
        Enabled: true,
        Description: 'orders',
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeyState: 'Enabled',
        Origin: 'AWS_KMS',
        KeyManager: 'CUSTOMER',
        CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
        KeySpec: 'SYMMETRIC_DEFAULT',
        EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
        MultiRegion: false,
        CurrentKeyMaterialId: materialId,
      },
    });
    expect(arn).toBe(`arn:aws:kms:us-east-1:${ACCOUNT}:key/${keyId}`);
  });

  it('names the key by key id, key ARN, alias name or alias ARN, with the same result (API Reference, DescribeKey KeyId)', async () => {
    const { kms, keyId, arn } = await setup();
    const expected = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
    for (const name of [arn, 'alias/orders', `arn:aws:kms:us-east-1:${ACCOUNT}:alias/orders`]) {
      expect((await kms.send(new DescribeKeyCommand({ KeyId: name }))).KeyMetadata).toEqual(expected);
    }
  });

  it('describes a Disabled key: KeyState Disabled and Enabled false (Developer Guide, key states: DescribeKey works in every state)', async () => {
    const { kms, keyId } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
  });

  it('describes a key pending deletion with its DeletionDate; PendingDeletionWindowInDays is only for PendingReplicaDeletion (API Reference, KeyMetadata DeletionDate, PendingDeletionWindowInDays)', async () => {
    const { kms, keyId } = await setup();
    const before = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 10 }));
    const after = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
    expect(after).toEqual({ ...before, Enabled: false, KeyState: 'PendingDeletion', DeletionDate: new Date(START.getTime() + 10 * DAY) });
    expect(after).not.toHaveProperty('PendingDeletionWindowInDays');
  });

  it('a multi-Region primary waiting for its replicas shows PendingDeletionWindowInDays and no DeletionDate, until its last replica is deleted (API Reference, KeyMetadata PendingDeletionWindowInDays)', async () => {
    const { vault, kms } = vaultClient({ seed: 'describe-key-mrk', clock: START });
    const ireland = new KMSClient({ region: 'eu-west-1' });
    ireland.middlewareStack.use(vaultPlugin(vault));
    const primary = (await kms.send(new CreateKeyCommand({ MultiRegion: true }))).KeyMetadata as { KeyId: string };
    await kms.send(new ReplicateKeyCommand({ KeyId: primary.KeyId, ReplicaRegion: 'eu-west-1' }));
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: primary.KeyId, PendingWindowInDays: 9 }));
    const waiting = (await kms.send(new DescribeKeyCommand({ KeyId: primary.KeyId }))).KeyMetadata;
    expect(waiting).toMatchObject({ KeyState: 'PendingReplicaDeletion', Enabled: false, PendingDeletionWindowInDays: 9 });
    expect(waiting).not.toHaveProperty('DeletionDate');

    await ireland.send(new ScheduleKeyDeletionCommand({ KeyId: primary.KeyId, PendingWindowInDays: 7 }));
    vault.clock.advance({ days: 7, seconds: 1 });
    const pending = (await kms.send(new DescribeKeyCommand({ KeyId: primary.KeyId }))).KeyMetadata;
    expect(pending).toMatchObject({ KeyState: 'PendingDeletion', DeletionDate: new Date(START.getTime() + (7 + 9) * DAY) });
    expect(pending).not.toHaveProperty('PendingDeletionWindowInDays');
  });

  it('a key id that names no key gives NotFoundException with the key ARN built from the request Region and account (API Reference, DescribeKey errors)', async () => {
    const { kms } = await setup();
    const missing = '0b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3';
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: missing })), {
      type: NotFoundException,
      status: 400,
      message: `Key 'arn:aws:kms:us-east-1:${ACCOUNT}:key/${missing}' does not exist`,
    });
    const arn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${missing}`;
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: arn })), { type: NotFoundException, status: 400, message: `Key '${arn}' does not exist` });
  });

  it('a KeyId that is neither a key id, an ARN nor an alias name gives NotFoundException "Invalid keyId" (API Reference, DescribeKey KeyId)', async () => {
    const { kms } = await setup();
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: 'orders' })), { type: NotFoundException, status: 400, message: "Invalid keyId 'orders'" });
  });

  it('an alias name or alias ARN that names no alias gives NotFoundException with the alias ARN (API Reference, DescribeKey errors)', async () => {
    const { kms } = await setup();
    const aliasArn = `arn:aws:kms:us-east-1:${ACCOUNT}:alias/missing`;
    for (const name of ['alias/missing', aliasArn]) {
      await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: name })), {
        type: NotFoundException,
        status: 400,
        message: `Alias ${aliasArn} is not found.`,
      });
    }
  });

  it('a key ARN or alias ARN of another Region names nothing in this Region: NotFoundException "Invalid arn <region>" (API Reference, DescribeKey KeyId)', async () => {
    const { kms, keyId } = await setup();
    for (const name of [`arn:aws:kms:eu-west-1:${ACCOUNT}:key/${keyId}`, `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/orders`]) {
      await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: name })), { type: NotFoundException, status: 400, message: 'Invalid arn eu-west-1' });
    }
  });

  it('the key id of a key in another Region names no key in the request Region (API Reference, DescribeKey: KMS keys are Regional)', async () => {
    const { vault, kms } = await setup();
    const ireland = new KMSClient({ region: 'eu-west-1' });
    ireland.middlewareStack.use(vaultPlugin(vault));
    const irish = (await ireland.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string };
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: irish.KeyId })), {
      type: NotFoundException,
      status: 400,
      message: `Key 'arn:aws:kms:us-east-1:${ACCOUNT}:key/${irish.KeyId}' does not exist`,
    });
    expect((await ireland.send(new DescribeKeyCommand({ KeyId: irish.KeyId }))).KeyMetadata?.Arn).toBe(`arn:aws:kms:eu-west-1:${ACCOUNT}:key/${irish.KeyId}`);
  });
});
