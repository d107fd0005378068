import {
  DescribeKeyCommand,
  DisabledException,
  DisableKeyCommand,
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
  return vaultWithAliasedKey('alias/app', { seed: 'disable-key', clock: new Date('2026-02-01T00:00:00Z') });
}

describe('DisableKey', () => {
  it('sets the key to Disabled and answers with no data; Enabled becomes false (API Reference, DisableKey; KeyMetadata Enabled)', async () => {
    const { kms, keyId } = await setup();
    const before = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
    const { $metadata, ...out } = await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    expect($metadata.httpStatusCode).toBe(200);
    expect(out).toEqual({});
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata).toEqual({ ...before, KeyState: 'Disabled', Enabled: false });
  });

  it('a Disabled key cannot be used in cryptographic operations: DisabledException "<key ARN> is disabled." (API Reference, DisableKey; Developer Guide, key states)', async () => {
    const { kms, keyId, arn } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: 'alias/app', Plaintext: Buffer.from('x') })), {
      type: DisabledException,
      status: 400,
      message: `${arn} is disabled.`,
    });
  });

  it('on a key that is already Disabled succeeds and changes nothing (Developer Guide, key states: DisableKey on Disabled)', async () => {
    const { kms, keyId } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    const before = await vaultView(kms);
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    expect(await vaultView(kms)).toEqual(before);
  });

  it('names the key by key id or key ARN (API Reference, DisableKey KeyId)', async () => {
    const { kms, keyId, arn } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: arn }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('Disabled');
  });

  it('does not take an alias name or alias ARN: NotFoundException, the key stays Enabled (API Reference, DisableKey KeyId)', async () => {
    const { kms, keyId } = await setup();
    for (const name of ['alias/app', `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`]) {
      await expectKmsError(kms.send(new DisableKeyCommand({ KeyId: name })), { type: NotFoundException, status: 400, message: `Invalid keyId '${name}'` });
    }
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('Enabled');
  });

  it('a key ARN of another Region gives NotFoundException "Invalid arn <region>" (API Reference, DisableKey KeyId)', async () => {
    const { kms, keyId } = await setup();
    await expectKmsError(kms.send(new DisableKeyCommand({ KeyId: `arn:aws:kms:eu-central-1:${ACCOUNT}:key/${keyId}` })), {
      type: NotFoundException,
      status: 400,
      message: 'Invalid arn eu-central-1',
    });
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('Enabled');
  });

  it('a key id that names no key gives NotFoundException (API Reference, DisableKey errors)', async () => {
    const { kms } = await setup();
    const missing = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    await expectKmsError(kms.send(new DisableKeyCommand({ KeyId: missing })), {
      type: NotFoundException,
      status: 400,
      message: `Key 'arn:aws:kms:us-east-1:${ACCOUNT}:key/${missing}' does not exist`,
    });
  });

  it('on a key pending deletion gives KMSInvalidStateException "<key ARN> is pending deletion." and leaves it pending (Developer Guide, key states: DisableKey on PendingDeletion)', async () => {
    const { kms, keyId, arn } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
    const before = await vaultView(kms);
    await expectKmsError(kms.send(new DisableKeyCommand({ KeyId: arn })), {
      type: KMSInvalidStateException,
      status: 400,
      message: `${arn} is pending deletion.`,
    });
    expect(await vaultView(kms)).toEqual(before);
  });
});
