import { CreateKeyCommand, DecryptCommand, DescribeKeyCommand, EncryptCommand, KMSClient, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin } from '../../src';
import { kmsErrorOf } from '../helpers/vault-client';

const OWNER = '111122223333';
const OTHER = '444455556666';

function setup() {
  const vault = new KmsVault({ accountId: OWNER });
  const owner = new KMSClient({ region: 'us-east-1' });
  const other = new KMSClient({ region: 'us-east-1' });
  owner.middlewareStack.use(vaultPlugin(vault));
  other.middlewareStack.use(vaultPlugin(vault, { accountId: OTHER }));
  return { owner, other };
}

const sharingPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OWNER}:root` }, Action: 'kms:*', Resource: '*' },
    {
      Sid: 'Allow use by the other account',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:DescribeKey'],
      Resource: '*',
    },
  ],
});

describe('keys of other accounts (Developer Guide, allowing users in other accounts to use a KMS key)', () => {
  it('another account names the key by its ARN and may use it when the key policy allows that account', async () => {
    const { owner, other } = setup();
    const { KeyMetadata } = await owner.send(new CreateKeyCommand({ Policy: sharingPolicy }));
    const { CiphertextBlob } = await other.send(new EncryptCommand({ KeyId: KeyMetadata?.Arn, Plaintext: Buffer.from('shared') }));
    const { Plaintext } = await owner.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(Plaintext ?? []).toString()).toBe('shared');
    const described = await other.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.Arn }));
    expect(described.KeyMetadata?.AWSAccountId).toBe(OWNER);
  });

  it('without such a policy the other account gets AccessDeniedException', async () => {
    const { owner, other } = setup();
    const { KeyMetadata } = await owner.send(new CreateKeyCommand({}));
    const error = await kmsErrorOf(other.send(new EncryptCommand({ KeyId: KeyMetadata?.Arn, Plaintext: Buffer.from('x') })));
    expect(error.name).toBe('AccessDeniedException');
    expect(error.message).toContain(`arn:aws:iam::${OTHER}:root is not authorized to perform: kms:Encrypt on resource: ${KeyMetadata?.Arn}`);
  });

  it('actions the policy does not list stay denied', async () => {
    const { owner, other } = setup();
    const { KeyMetadata } = await owner.send(new CreateKeyCommand({ Policy: sharingPolicy }));
    const error = await kmsErrorOf(other.send(new ScheduleKeyDeletionCommand({ KeyId: KeyMetadata?.Arn })));
    expect(error.name).toBe('AccessDeniedException');
  });

  it('a key id alone names a key of the caller account only: NotFoundException (API Reference, KeyId)', async () => {
    const { owner, other } = setup();
    const { KeyMetadata } = await owner.send(new CreateKeyCommand({ Policy: sharingPolicy }));
    const error = await kmsErrorOf(other.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId })));
    expect(error.name).toBe('NotFoundException');
  });
});
