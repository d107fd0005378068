import {
  CancelKeyDeletionCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  KMSInvalidStateException,
  NotFoundException,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

const DAY = 86_400_000;

async function setup() {
  const { vault, kms } = vaultClient({ clock: new Date('2026-02-01T00:00:00Z') });
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  return { vault, kms, keyId: KeyMetadata?.KeyId as string, arn: KeyMetadata?.Arn as string };
}

describe('EnableKey, DisableKey, ScheduleKeyDeletion, CancelKeyDeletion', () => {
  it('DisableKey and EnableKey switch KeyState and Enabled (API Reference, DisableKey / EnableKey)', async () => {
    const { kms, keyId } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    await kms.send(new EnableKeyCommand({ KeyId: keyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata).toMatchObject({ KeyState: 'Enabled', Enabled: true });
  });

  it('key-management operations take a key id or key ARN, not an alias: NotFoundException', async () => {
    const { kms } = await setup();
    const error = await kmsErrorOf(kms.send(new DisableKeyCommand({ KeyId: 'alias/anything' })));
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.message).toBe("Invalid keyId 'alias/anything'");
  });

  it('a key ARN of another region names nothing: NotFoundException "Invalid arn <region>"', async () => {
    const { kms, keyId } = await setup();
    const error = await kmsErrorOf(kms.send(new DescribeKeyCommand({ KeyId: `arn:aws:kms:eu-west-1:111122223333:key/${keyId}` })));
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.message).toBe('Invalid arn eu-west-1');
  });

  it('ScheduleKeyDeletion waits 30 days by default and reports DeletionDate, KeyState and the window (API Reference, ScheduleKeyDeletion)', async () => {
    const { kms, keyId, arn } = await setup();
    const out = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
    expect(out).toMatchObject({ KeyId: arn, KeyState: 'PendingDeletion', PendingWindowInDays: 30 });
    expect(out.DeletionDate?.getTime()).toBe(Date.parse('2026-02-01T00:00:00Z') + 30 * DAY);
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(KeyMetadata).toMatchObject({ KeyState: 'PendingDeletion', Enabled: false, PendingDeletionWindowInDays: 30 });
    expect(KeyMetadata?.DeletionDate?.getTime()).toBe(out.DeletionDate?.getTime());
  });

  it('takes a waiting period of 7 to 30 days (API Reference, PendingWindowInDays)', async () => {
    const { kms, keyId } = await setup();
    for (const days of [6, 31]) {
      const error = await kmsErrorOf(kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: days })));
      expect(error.name).toBe('ValidationException');
      expect(error.message).toContain(`Value '${days}' at 'pendingWindowInDays'`);
    }
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('Enabled');
  });

  it('the key is deleted when the vault clock passes DeletionDate; then NotFoundException', async () => {
    const { vault, kms, keyId, arn } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    vault.clock.advance({ days: 6, hours: 23 });
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('PendingDeletion');
    vault.clock.advance({ hours: 1 });
    const error = await kmsErrorOf(kms.send(new DescribeKeyCommand({ KeyId: keyId })));
    expect(error.message).toBe(`Key '${arn}' does not exist`);
  });

  it('EnableKey, DisableKey and ScheduleKeyDeletion on a key pending deletion give KMSInvalidStateException (Developer Guide, key states)', async () => {
    const { kms, keyId } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
    for (const command of [new EnableKeyCommand({ KeyId: keyId }), new DisableKeyCommand({ KeyId: keyId }), new ScheduleKeyDeletionCommand({ KeyId: keyId })]) {
      expect(await kmsErrorOf(kms.send(command as never))).toBeInstanceOf(KMSInvalidStateException);
    }
  });

  it('CancelKeyDeletion leaves the key Disabled, without DeletionDate (API Reference, CancelKeyDeletion)', async () => {
    const { kms, keyId, arn } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
    expect(await kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }))).toMatchObject({ KeyId: arn });
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    expect(KeyMetadata?.DeletionDate).toBeUndefined();
    expect(KeyMetadata?.PendingDeletionWindowInDays).toBeUndefined();
  });

  it('CancelKeyDeletion on a key that is not pending deletion gives KMSInvalidStateException', async () => {
    const { kms, keyId, arn } = await setup();
    const error = await kmsErrorOf(kms.send(new CancelKeyDeletionCommand({ KeyId: keyId })));
    expect(error).toBeInstanceOf(KMSInvalidStateException);
    expect(error.message).toBe(`${arn} is not pending deletion.`);
  });
});
