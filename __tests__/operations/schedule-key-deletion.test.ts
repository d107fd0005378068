import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  KMSInvalidStateException,
  ListAliasesCommand,
  ListKeysCommand,
  NotFoundException,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultWithAliasedKey } from '../helpers/vault-client';
import { vaultView } from '../helpers/vault-view';
import { customerAliases } from '../helpers/customer-aliases';

const START = new Date('2026-02-01T00:00:00Z');
const ACCOUNT = '111122223333';
const DAY = 86_400_000;
const daysAfterStart = (days: number) => new Date(START.getTime() + days * DAY);

function setup() {
  return vaultWithAliasedKey('alias/doomed', { seed: 'schedule-key-deletion', clock: START });
}

describe('ScheduleKeyDeletion', () => {
  it('waits 30 days by default and answers with the key ARN, DeletionDate, KeyState and PendingWindowInDays (API Reference, ScheduleKeyDeletion)', async () => {
    const { kms, keyId, arn } = await setup();
    const { $metadata, ...out } = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
    expect($metadata.httpStatusCode).toBe(200);
    expect(out).toEqual({ KeyId: arn, DeletionDate: daysAfterStart(30), KeyState: 'PendingDeletion', PendingWindowInDays: 30 });
  });

  it('puts the key in PendingDeletion: Enabled false and DeletionDate in DescribeKey (API Reference, ScheduleKeyDeletion; KeyMetadata DeletionDate)', async () => {
    const { kms, keyId } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 14 }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata).toMatchObject({
      KeyState: 'PendingDeletion',
      Enabled: false,
      DeletionDate: daysAfterStart(14),
    });
  });

  it.each([7, 30])(
    'takes a waiting period of %i days, the ends of the 7 to 30 range (API Reference, ScheduleKeyDeletion PendingWindowInDays)',
    async (days) => {
      const { kms, arn } = await setup();
      const out = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: arn, PendingWindowInDays: days }));
      expect(out.PendingWindowInDays).toBe(days);
      expect(out.DeletionDate).toEqual(daysAfterStart(days));
    },
  );

  it.each([1, 6, 31, 365])(
    "rejects a waiting period of %i days, inside the model's 1 to 365 but outside 7 to 30, with KMS's own ValidationException and leaves the key as it was (API Reference, ScheduleKeyDeletion PendingWindowInDays: 7 to 30)",
    async (days) => {
      const { kms, keyId } = await setup();
      const before = await vaultView(kms);
      await expectKmsError(kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: days })), {
        type: 'ValidationException',
        status: 400,
        message: 'PendingWindowInDays must be between 7 and 30',
      });
      expect(await vaultView(kms)).toEqual(before);
    },
  );

  it.each([
    [0, 'greater than or equal to 1'],
    [366, 'less than or equal to 365'],
  ])(
    "rejects a waiting period of %i days, outside the model's 1 to 365, in input validation (AWS JSON protocol validation; KMS model PendingWindowInDaysType)",
    async (days, bound) => {
      const { kms, keyId } = await setup();
      await expectKmsError(kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: days })), {
        type: 'ValidationException',
        status: 400,
        message: `1 validation error detected: Value '${days}' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value ${bound}`,
      });
    },
  );

  it('names the key by key id or key ARN, not by alias name or alias ARN (API Reference, ScheduleKeyDeletion KeyId)', async () => {
    const { kms, keyId } = await setup();
    const before = await vaultView(kms);
    for (const name of ['alias/doomed', `arn:aws:kms:us-east-1:${ACCOUNT}:alias/doomed`]) {
      await expectKmsError(kms.send(new ScheduleKeyDeletionCommand({ KeyId: name })), {
        type: NotFoundException,
        status: 400,
        message: `Invalid keyId '${name}'`,
      });
    }
    expect(await vaultView(kms)).toEqual(before);
    expect((await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }))).KeyState).toBe('PendingDeletion');
  });

  it('a key ARN of another Region, or a key id that names no key, gives NotFoundException (API Reference, ScheduleKeyDeletion errors)', async () => {
    const { kms, keyId } = await setup();
    await expectKmsError(kms.send(new ScheduleKeyDeletionCommand({ KeyId: `arn:aws:kms:us-west-2:${ACCOUNT}:key/${keyId}` })), {
      type: NotFoundException,
      status: 400,
      message: 'Invalid arn us-west-2',
    });
    const missing = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
    await expectKmsError(kms.send(new ScheduleKeyDeletionCommand({ KeyId: missing })), {
      type: NotFoundException,
      status: 400,
      message: `Key 'arn:aws:kms:us-east-1:${ACCOUNT}:key/${missing}' does not exist`,
    });
  });

  it('a Disabled key can be scheduled for deletion (Developer Guide, key states: ScheduleKeyDeletion on Disabled)', async () => {
    const { kms, keyId, arn } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    expect(await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }))).toMatchObject({
      KeyId: arn,
      KeyState: 'PendingDeletion',
      DeletionDate: daysAfterStart(7),
    });
  });

  it('a key already pending deletion gives KMSInvalidStateException and keeps its first DeletionDate (Developer Guide, key states: ScheduleKeyDeletion on PendingDeletion)', async () => {
    const { vault, kms, keyId, arn } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 30 }));
    vault.clock.advance({ days: 1 });
    const before = await vaultView(kms);
    await expectKmsError(kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 })), {
      type: KMSInvalidStateException,
      status: 400,
      message: `${arn} is pending deletion.`,
    });
    expect(await vaultView(kms)).toEqual(before);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.DeletionDate).toEqual(daysAfterStart(30));
  });

  it('a key pending deletion cannot be used in cryptographic operations (API Reference, ScheduleKeyDeletion; Developer Guide, key states)', async () => {
    const { kms, keyId, arn } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: 'alias/doomed', Plaintext: Buffer.from('x') })), {
      type: KMSInvalidStateException,
      status: 400,
      message: `${arn} is pending deletion.`,
    });
  });

  it('the key stays until the waiting period ends, then KMS deletes it and every alias that refers to it (API Reference, ScheduleKeyDeletion)', async () => {
    const { vault, kms, keyId, arn } = await setup();
    const other = (await kms.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string; Arn: string };
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/kept', TargetKeyId: other.KeyId }));
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/doomed-too', TargetKeyId: keyId }));
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));

    vault.clock.advance({ days: 6, hours: 23, minutes: 59 });
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/doomed' }))).KeyMetadata?.KeyState).toBe('PendingDeletion');

    vault.clock.advance({ minutes: 2 });
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: keyId })), { type: NotFoundException, status: 400, message: `Key '${arn}' does not exist` });
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: 'alias/doomed' })), {
      type: NotFoundException,
      status: 400,
      message: `Alias arn:aws:kms:us-east-1:${ACCOUNT}:alias/doomed is not found.`,
    });
    expect((await kms.send(new ListKeysCommand({}))).Keys).toEqual([{ KeyId: other.KeyId, KeyArn: other.Arn }]);
    expect(customerAliases((await kms.send(new ListAliasesCommand({}))).Aliases).map((a) => a.AliasName)).toEqual(['alias/kept']);
  });
});
