import {
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  KMSInvalidStateException,
  NotFoundException,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultWithAliasedKey } from '../helpers/vault-client';
import { vaultView } from '../helpers/vault-view';

const ACCOUNT = '111122223333';

function setup() {
  return vaultWithAliasedKey('alias/app', { seed: 'enable-key', clock: new Date('2026-02-01T00:00:00Z') });
}

describe('EnableKey', () => {
  it('sets a Disabled key to Enabled, answers with no data, and the key encrypts again (API Reference, EnableKey)', async () => {
    const { kms, keyId } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    const { $metadata, ...out } = await kms.send(new EnableKeyCommand({ KeyId: keyId }));
    expect($metadata.httpStatusCode).toBe(200);
    expect(out).toEqual({});
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata).toMatchObject({ KeyState: 'Enabled', Enabled: true });
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('again') }));
    expect(CiphertextBlob?.length).toBeGreaterThan(0);
  });

  it('on a key that is already Enabled succeeds and changes nothing (Developer Guide, key states: EnableKey on Enabled)', async () => {
    const { kms, keyId } = await setup();
    const before = await vaultView(kms);
    await kms.send(new EnableKeyCommand({ KeyId: keyId }));
    expect(await vaultView(kms)).toEqual(before);
  });

  it('names the key by key id or key ARN (API Reference, EnableKey KeyId)', async () => {
    const { kms, keyId, arn } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    await kms.send(new EnableKeyCommand({ KeyId: arn }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('Enabled');
  });

  it('does not take an alias name or alias ARN: NotFoundException, the key stays Disabled (API Reference, EnableKey KeyId)', async () => {
    const { kms, keyId } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    for (const name of ['alias/app', `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`]) {
      await expectKmsError(kms.send(new EnableKeyCommand({ KeyId: name })), { type: NotFoundException, status: 400, message: `Invalid keyId '${name}'` });
    }
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('Disabled');
  });

  it('a key ARN of another Region gives NotFoundException "Invalid arn <region>" (API Reference, EnableKey KeyId)', async () => {
    const { kms, keyId } = await setup();
    await expectKmsError(kms.send(new EnableKeyCommand({ KeyId: `arn:aws:kms:ap-southeast-1:${ACCOUNT}:key/${keyId}` })), {
      type: NotFoundException,
      status: 400,
      message: 'Invalid arn ap-southeast-1',
    });
  });

  it('a key id that names no key gives NotFoundException (API Reference, EnableKey errors)', async () => {
    const { kms } = await setup();
    const missing = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    await expectKmsError(kms.send(new EnableKeyCommand({ KeyId: missing })), {
      type: NotFoundException,
      status: 400,
      message: `Key 'arn:aws:kms:us-east-1:${ACCOUNT}:key/${missing}' does not exist`,
    });
  });

  it('on a key pending deletion gives KMSInvalidStateException "<key ARN> is pending deletion." and leaves it pending (Developer Guide, key states: EnableKey on PendingDeletion)', async () => {
    const { kms, keyId, arn } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
    const before = await vaultView(kms);
    await expectKmsError(kms.send(new EnableKeyCommand({ KeyId: keyId })), {
      type: KMSInvalidStateException,
      status: 400,
      message: `${arn} is pending deletion.`,
    });
    expect(await vaultView(kms)).toEqual(before);
  });

  it('a key whose waiting period has ended is gone: NotFoundException (API Reference, ScheduleKeyDeletion)', async () => {
    const { vault, kms, keyId, arn } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    vault.clock.advance({ days: 8 });
    await expectKmsError(kms.send(new EnableKeyCommand({ KeyId: keyId })), { type: NotFoundException, status: 400, message: `Key '${arn}' does not exist` });
  });
});
