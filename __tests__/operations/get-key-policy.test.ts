import { CreateKeyCommand, GetKeyPolicyCommand, NotFoundException } from '@aws-sdk/client-kms';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';

describe('GetKeyPolicy (API Reference, GetKeyPolicy)', () => {
  it('returns the default key policy KMS writes for a key created without one (Developer Guide, "Default key policy")', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const out = await kms.send(new GetKeyPolicyCommand({ KeyId: KeyMetadata?.KeyId }));
    expect(out.PolicyName).toBe('default');
    expect(JSON.parse(out.Policy ?? '')).toEqual({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [
        { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
      ],
    });
  });

  it('returns the policy given to CreateKey as it was written; PolicyName default is the only name (any other is NotFoundException)', async () => {
    const { kms } = vaultClient();
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'kms:*', Resource: '*' }],
    });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Policy: policy }));
    expect((await kms.send(new GetKeyPolicyCommand({ KeyId: KeyMetadata?.Arn, PolicyName: 'default' }))).Policy).toBe(policy);
    await expectKmsError(kms.send(new GetKeyPolicyCommand({ KeyId: KeyMetadata?.KeyId, PolicyName: 'other' })), {
      type: NotFoundException,
      status: 400,
      message: 'No such policy exists',
    });
  });

  it('takes a key id or key ARN, not an alias (API Reference, GetKeyPolicy KeyId)', async () => {
    const { kms } = vaultClient();
    await expectKmsError(kms.send(new GetKeyPolicyCommand({ KeyId: 'alias/anything' })), {
      type: NotFoundException,
      status: 400,
      message: "Invalid keyId 'alias/anything'",
    });
  });
});
