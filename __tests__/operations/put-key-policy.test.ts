import { CreateKeyCommand, GetKeyPolicyCommand, MalformedPolicyDocumentException, PutKeyPolicyCommand, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';

const ROOT = 'arn:aws:iam::111122223333:root';

function policy(statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

describe('PutKeyPolicy (API Reference, PutKeyPolicy)', () => {
  it('replaces the key policy; GetKeyPolicy returns the new one and it decides from the next request', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const keyId = KeyMetadata?.KeyId as string;
    const next = policy([
      { Sid: 'Admin', Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'kms:*', Resource: '*' },
      { Sid: 'KeepKey', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:ScheduleKeyDeletion', Resource: '*' },
    ]);
    expect(await kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: next }))).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    expect((await kms.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy).toBe(next);
    await expectKmsError(kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId })), { type: 'AccessDeniedException', status: 400 });
  });

  it('a document that is not a key policy is MalformedPolicyDocumentException, and the old policy stays', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const keyId = KeyMetadata?.KeyId as string;
    const before = (await kms.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy;
    for (const bad of [
      '{not json',
      '{}',
      policy([{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }]),
      policy([{ Effect: 'Maybe', Principal: '*', Action: 'kms:*' }]),
      policy([{ Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'kms:*', Resource: '*', Condition: { StringSometimes: { 'kms:ViaService': 'x' } } }]),
    ]) {
      await expectKmsError(kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: bad })), { type: MalformedPolicyDocumentException, status: 400 });
    }
    expect((await kms.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy).toBe(before);
  });

  it('a principal that is not an AWS principal is "Policy contains a statement with one or more invalid principals."', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await expectKmsError(
      kms.send(
        new PutKeyPolicyCommand({
          KeyId: KeyMetadata?.KeyId,
          Policy: policy([{ Effect: 'Allow', Principal: { AWS: 'not-a-principal' }, Action: 'kms:*', Resource: '*' }]),
          BypassPolicyLockoutSafetyCheck: true,
        }),
      ),
      { type: MalformedPolicyDocumentException, status: 400, message: 'Policy contains a statement with one or more invalid principals.' },
    );
  });

  it('the lockout safety check: the new policy must let the caller call PutKeyPolicy again (BypassPolicyLockoutSafetyCheck skips it)', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const keyId = KeyMetadata?.KeyId as string;
    const readOnly = policy([{ Effect: 'Allow', Principal: { AWS: ROOT }, Action: ['kms:Describe*', 'kms:Get*'], Resource: '*' }]);
    await expectKmsError(kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: readOnly })), {
      type: MalformedPolicyDocumentException,
      status: 400,
      message: 'The new key policy will not allow you to update the key policy in the future.',
    });
    await kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: readOnly, BypassPolicyLockoutSafetyCheck: true }));
    await expectKmsError(kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: readOnly, BypassPolicyLockoutSafetyCheck: true })), {
      type: 'AccessDeniedException',
      status: 400,
    });
  });
});
