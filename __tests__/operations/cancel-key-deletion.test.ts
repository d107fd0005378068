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
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient, vaultWithAliasedKey } from '../helpers/vault-client';
import { vaultView } from '../helpers/vault-view';

const ACCOUNT = '111122223333';

function setup() {
  return vaultWithAliasedKey('alias/saved', { seed: 'cancel-key-deletion', clock: new Date('2026-02-01T00:00:00Z') });
}

describe('CancelKeyDeletion', () => {
  it('leaves the key Disabled, without DeletionDate, and answers with the key ARN (API Reference, CancelKeyDeletion)', async () => {
    const { kms, keyId, arn } = await setup();
    const before = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
    const { $metadata, ...out } = await kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
    expect($metadata.httpStatusCode).toBe(200);
    expect(out).toEqual({ KeyId: arn });
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata).toEqual({ ...before, KeyState: 'Disabled', Enabled: false });
  });

  it('the key is not deleted when its former DeletionDate passes, and keeps its aliases (API Reference, CancelKeyDeletion; ScheduleKeyDeletion)', async () => {
    const { vault, kms, keyId } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    await kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
    vault.clock.advance({ days: 31 });
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/saved' }))).KeyMetadata).toMatchObject({ KeyId: keyId, KeyState: 'Disabled' });
  });

  it('EnableKey makes the recovered key usable again (API Reference, CancelKeyDeletion: to enable the KMS key, use EnableKey)', async () => {
    const { kms, keyId } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
    await kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
    await kms.send(new EnableKeyCommand({ KeyId: keyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata).toMatchObject({ KeyState: 'Enabled', Enabled: true });
  });

  it('names the key by key id or key ARN (API Reference, CancelKeyDeletion KeyId)', async () => {
    const { kms, keyId, arn } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
    expect(await kms.send(new CancelKeyDeletionCommand({ KeyId: arn }))).toMatchObject({ KeyId: arn });
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('Disabled');
  });

  it('does not take an alias name or alias ARN: NotFoundException, the key stays pending deletion (API Reference, CancelKeyDeletion KeyId)', async () => {
    const { kms, keyId } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
    const before = await vaultView(kms);
    for (const name of ['alias/saved', `arn:aws:kms:us-east-1:${ACCOUNT}:alias/saved`]) {
      await expectKmsError(kms.send(new CancelKeyDeletionCommand({ KeyId: name })), {
        type: NotFoundException,
        status: 400,
        message: `Invalid keyId '${name}'`,
      });
    }
    expect(await vaultView(kms)).toEqual(before);
  });

  it('a key ARN of another Region gives NotFoundException "Invalid arn <region>" (API Reference, CancelKeyDeletion KeyId)', async () => {
    const { kms, keyId } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
    await expectKmsError(kms.send(new CancelKeyDeletionCommand({ KeyId: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${keyId}` })), {
      type: NotFoundException,
      status: 400,
      message: 'Invalid arn eu-west-1',
    });
  });

  it.each([
    ['Enabled', async () => undefined],
    ['Disabled', async (kms: ReturnType<typeof vaultClient>['kms'], keyId: string) => void (await kms.send(new DisableKeyCommand({ KeyId: keyId })))],
  ] as const)(
    'on a key in state %s, not pending deletion, gives KMSInvalidStateException "<key ARN> is not pending deletion." and changes nothing (Developer Guide, key states: CancelKeyDeletion)',
    async (_, prepare) => {
      const { kms, keyId, arn } = await setup();
      await prepare(kms, keyId);
      const before = await vaultView(kms);
      await expectKmsError(kms.send(new CancelKeyDeletionCommand({ KeyId: keyId })), {
        type: KMSInvalidStateException,
        status: 400,
        message: `${arn} is not pending deletion.`,
      });
      expect(await vaultView(kms)).toEqual(before);
    },
  );

  it('on a key pending import (Origin EXTERNAL, no material), not pending deletion: KMSInvalidStateException "<key ARN> is not pending deletion.", the key stays PendingImport (Developer Guide, key states: CancelKeyDeletion, footnote 4)', async () => {
    const { kms } = vaultClient({ seed: 'cancel-pending-import' });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL' }));
    const before = await vaultView(kms);
    await expectKmsError(kms.send(new CancelKeyDeletionCommand({ KeyId: KeyMetadata?.KeyId })), {
      type: KMSInvalidStateException,
      status: 400,
      message: `${KeyMetadata?.Arn} is not pending deletion.`,
    });
    expect(await vaultView(kms)).toEqual(before);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId }))).KeyMetadata?.KeyState).toBe('PendingImport');
  });

  it('after the waiting period the key is gone and deletion can no longer be canceled: NotFoundException (API Reference, ScheduleKeyDeletion)', async () => {
    const { vault, kms, keyId, arn } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    vault.clock.advance({ days: 7, seconds: 1 });
    await expectKmsError(kms.send(new CancelKeyDeletionCommand({ KeyId: keyId })), {
      type: NotFoundException,
      status: 400,
      message: `Key '${arn}' does not exist`,
    });
  });
});
