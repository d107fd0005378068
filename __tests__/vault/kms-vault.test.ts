import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  InvalidCiphertextException,
  KMSInvalidStateException,
  ListAliasesCommand,
  KMSClient,
  NotFoundException,
  ReplicateKeyCommand,
  ScheduleKeyDeletionCommand,
  UpdateAliasCommand,
} from '@aws-sdk/client-kms';
import { VaultClock, vaultPlugin } from '../../src';
import { expectKmsError, INVALID_CIPHERTEXT_MESSAGE } from '../helpers/expect-kms-error';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

const DAY = 86_400_000;

async function createKeys(kms: ReturnType<typeof vaultClient>['kms'], n: number): Promise<{ KeyId?: string; CurrentKeyMaterialId?: string }[]> {
  const out = [];
  for (let i = 0; i < n; i++) out.push((await kms.send(new CreateKeyCommand({}))).KeyMetadata ?? {});
  return out;
}

describe('KmsVault seed', () => {
  it('the same seed gives the same key ids and key material from run to run; another seed gives others', async () => {
    const first = await createKeys(vaultClient({ seed: 'fixture' }).kms, 3);
    const again = await createKeys(vaultClient({ seed: 'fixture' }).kms, 3);
    const other = await createKeys(vaultClient({ seed: 'other' }).kms, 3);
    expect(again.map((k) => [k.KeyId, k.CurrentKeyMaterialId])).toEqual(first.map((k) => [k.KeyId, k.CurrentKeyMaterialId]));
    expect(new Set(first.map((k) => k.KeyId)).size).toBe(3);
    expect(other.map((k) => k.KeyId)).not.toEqual(first.map((k) => k.KeyId));
    expect(other.map((k) => k.CurrentKeyMaterialId)).not.toEqual(first.map((k) => k.CurrentKeyMaterialId));
  });

  it('the same seed gives the same secret key material: a ciphertext of one vault decrypts in the other', async () => {
    const a = vaultClient({ seed: 'material' });
    const b = vaultClient({ seed: 'material' });
    const [keyA] = await createKeys(a.kms, 1);
    await createKeys(b.kms, 1);
    const { CiphertextBlob } = await a.kms.send(new EncryptCommand({ KeyId: keyA?.KeyId, Plaintext: Buffer.from('same secret') }));
    const { Plaintext, KeyId } = await b.kms.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(Plaintext ?? []).toString()).toBe('same secret');
    expect(KeyId).toBe(`arn:aws:kms:us-east-1:111122223333:key/${keyA?.KeyId}`);
    const stranger = vaultClient({ seed: 'another' });
    await createKeys(stranger.kms, 1);
    await expectKmsError(stranger.kms.send(new DecryptCommand({ CiphertextBlob })), {
      type: InvalidCiphertextException,
      status: 400,
      message: INVALID_CIPHERTEXT_MESSAGE,
    });
  });

  it('a failed call leaves the seeded vault as it was: the next key is the one it would have been (docs/architecture.md: a failed call leaves the vault unchanged)', async () => {
    const clock = new Date('2030-01-01T00:00:00Z');
    const plain = vaultClient({ seed: 'failures', clock });
    const failing = vaultClient({ seed: 'failures', clock });
    await kmsErrorOf(failing.kms.send(new CreateKeyCommand({ Tags: [{ TagKey: 'aws:reserved', TagValue: 'x' }] })));
    await kmsErrorOf(failing.kms.send(new CreateKeyCommand({ Policy: '{' })));
    expect(await createKeys(failing.kms, 2)).toEqual(await createKeys(plain.kms, 2));
  });
});

describe('KmsVault clock', () => {
  it('a Date starts a frozen clock that sets CreationDate; vault.clock.advance moves it forward', async () => {
    const { vault, kms } = vaultClient({ clock: new Date('2030-01-01T00:00:00Z') });
    const [first] = await createKeys(kms, 1);
    const [same] = await createKeys(kms, 1);
    expect(vault.clock.advance({ days: 2, hours: 3, minutes: 4, seconds: 5, milliseconds: 6 })).toEqual(new Date('2030-01-03T03:04:05.006Z'));
    const [later] = await createKeys(kms, 1);
    const creation = async (keyId?: string) => (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.CreationDate;
    expect(await creation(first?.KeyId)).toEqual(new Date('2030-01-01T00:00:00Z'));
    expect(await creation(same?.KeyId)).toEqual(new Date('2030-01-01T00:00:00Z'));
    expect(await creation(later?.KeyId)).toEqual(new Date('2030-01-03T03:04:05.006Z'));
  });

  it('vault.clock.advance drives ScheduleKeyDeletion DeletionDate and alias dates', async () => {
    const { vault, kms } = vaultClient({ clock: new Date('2030-01-01T00:00:00Z') });
    const [a, b] = await createKeys(kms, 2);
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/app', TargetKeyId: a?.KeyId }));
    vault.clock.advance({ days: 10 });
    await kms.send(new UpdateAliasCommand({ AliasName: 'alias/app', TargetKeyId: b?.KeyId }));
    const [alias] = (await kms.send(new ListAliasesCommand({}))).Aliases ?? [];
    expect(alias).toMatchObject({ CreationDate: new Date('2030-01-01T00:00:00Z'), LastUpdatedDate: new Date('2030-01-11T00:00:00Z') });
    const { DeletionDate } = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: a?.KeyId, PendingWindowInDays: 7 }));
    expect(DeletionDate).toEqual(new Date('2030-01-18T00:00:00Z'));
  });

  it('any { now(): Date } can be injected: it drives CreationDate and DeletionDate, and deletion happens when it passes DeletionDate', async () => {
    let now = Date.parse('2031-06-01T00:00:00Z');
    const { kms } = vaultClient({ clock: { now: () => new Date(now) } });
    const [key] = await createKeys(kms, 1);
    now += 1000;
    expect((await kms.send(new DescribeKeyCommand({ KeyId: key?.KeyId }))).KeyMetadata?.CreationDate).toEqual(new Date('2031-06-01T00:00:00Z'));
    const { DeletionDate } = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: key?.KeyId, PendingWindowInDays: 7 }));
    expect(DeletionDate).toEqual(new Date(Date.parse('2031-06-01T00:00:01Z') + 7 * DAY));
    now += 7 * DAY + 1000;
    expect((await kmsErrorOf(kms.send(new DescribeKeyCommand({ KeyId: key?.KeyId })))).name).toBe('NotFoundException');
  });

  it('time only moves forward: advance takes no negative duration and VaultClock.set no earlier date (KMS time never runs backwards)', () => {
    const { vault } = vaultClient({ clock: new Date('2030-01-01T00:00:00Z') });
    expect(() => vault.clock.advance({ days: -1 })).toThrow(RangeError);
    expect(vault.clock.now()).toEqual(new Date('2030-01-01T00:00:00Z'));
    const clock = new VaultClock(new Date('2030-01-01T00:00:00Z'));
    expect(clock.set(new Date('2030-02-01T00:00:00Z'))).toEqual(new Date('2030-02-01T00:00:00Z'));
    expect(() => clock.set(new Date('2029-01-01T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('KmsVault key deletion over time', () => {
  async function withCiphertext() {
    const { vault, kms } = vaultClient({ seed: 'deletion', clock: new Date('2030-01-01T00:00:00Z') });
    const key = (await kms.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string; Arn: string };
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('kept until deletion') }));
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    return { vault, kms, keyId: key.KeyId, arn: key.Arn, ciphertext: CiphertextBlob as Uint8Array };
  }

  it('while pending deletion the key keeps its material: Decrypt fails with KMSInvalidStateException, and after CancelKeyDeletion and EnableKey it decrypts again (API Reference, ScheduleKeyDeletion; CancelKeyDeletion)', async () => {
    const { vault, kms, keyId, arn, ciphertext } = await withCiphertext();
    vault.clock.advance({ days: 6 });
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: ciphertext })), {
      type: KMSInvalidStateException,
      status: 400,
      message: `${arn} is pending deletion.`,
    });
    await kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
    await kms.send(new EnableKeyCommand({ KeyId: keyId }));
    vault.clock.advance({ days: 30 });
    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: ciphertext }));
    expect(Buffer.from(Plaintext ?? []).toString()).toBe('kept until deletion');
  });

  it('past its DeletionDate the key is gone (NotFoundException) and its ciphertexts can no longer be decrypted (API Reference, ScheduleKeyDeletion)', async () => {
    const { vault, kms, keyId, arn, ciphertext } = await withCiphertext();
    vault.clock.advance({ days: 7, seconds: 1 });
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: keyId })), { type: NotFoundException, status: 400, message: `Key '${arn}' does not exist` });
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: ciphertext, KeyId: keyId })), {
      type: NotFoundException,
      status: 400,
      message: `Key '${arn}' does not exist`,
    });
    // Without a KeyId the blob names key material that no longer exists anywhere.
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: ciphertext })), {
      type: InvalidCiphertextException,
      status: 400,
      message: INVALID_CIPHERTEXT_MESSAGE,
    });
  });

  it("a multi-Region primary's waiting period starts when its last replica is deleted, even when the clock jumps past both (API Reference, ScheduleKeyDeletion PendingWindowInDays)", async () => {
    const { vault, kms } = vaultClient({ seed: 'mrk-deletion', clock: new Date('2030-01-01T00:00:00Z') });
    const ireland = new KMSClient({ region: 'eu-west-1' });
    ireland.middlewareStack.use(vaultPlugin(vault));
    const { KeyId } = (await kms.send(new CreateKeyCommand({ MultiRegion: true }))).KeyMetadata ?? {};
    await kms.send(new ReplicateKeyCommand({ KeyId, ReplicaRegion: 'eu-west-1' }));
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 10 }));
    await ireland.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }));
    vault.clock.advance({ days: 8 });
    // The replica went at day 7, so the primary goes at day 17, not ten days after whenever it is next looked at.
    expect((await kms.send(new DescribeKeyCommand({ KeyId }))).KeyMetadata).toMatchObject({
      KeyState: 'PendingDeletion',
      DeletionDate: new Date('2030-01-18T00:00:00Z'),
    });
    const other = vaultClient({ seed: 'mrk-deletion', clock: new Date('2030-01-01T00:00:00Z') });
    const otherIreland = new KMSClient({ region: 'eu-west-1' });
    otherIreland.middlewareStack.use(vaultPlugin(other.vault));
    const second = (await other.kms.send(new CreateKeyCommand({ MultiRegion: true }))).KeyMetadata?.KeyId;
    await other.kms.send(new ReplicateKeyCommand({ KeyId: second, ReplicaRegion: 'eu-west-1' }));
    await other.kms.send(new ScheduleKeyDeletionCommand({ KeyId: second, PendingWindowInDays: 10 }));
    await otherIreland.send(new ScheduleKeyDeletionCommand({ KeyId: second, PendingWindowInDays: 7 }));
    other.vault.clock.advance({ days: 17, seconds: 1 });
    expect((await kmsErrorOf(other.kms.send(new DescribeKeyCommand({ KeyId: second })))).name).toBe('NotFoundException');
  });

  it('a new key made after the deletion does not revive old ciphertexts, even with the same seed', async () => {
    const { vault, kms, ciphertext } = await withCiphertext();
    vault.clock.advance({ days: 8 });
    await createKeys(kms, 2);
    expect((await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: ciphertext })))).name).toBe('InvalidCiphertextException');
  });
});
