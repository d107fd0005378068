import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DryRunOperationException,
  EncryptCommand,
  GenerateRandomCommand,
  KMSClient,
  ListKeysCommand,
  MalformedPolicyDocumentException,
  PutKeyPolicyCommand,
  ReEncryptCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
} from '@aws-sdk/client-kms';
import { KmsVault, explanationOf, vaultPlugin } from '../../src';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';
import { ACCOUNT, OTHER, allow, clientAs, deny, keyPolicy } from './helpers';

const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/app/worker-1`;

async function keyWith(kms: KMSClient, policy?: string): Promise<string> {
  const { KeyMetadata } = await kms.send(new CreateKeyCommand(policy === undefined ? {} : { Policy: policy, BypassPolicyLockoutSafetyCheck: true }));
  return KeyMetadata?.Arn as string;
}

const denied = (arn: string, action: string, resource: string, why: string): string =>
  `User: ${arn} is not authorized to perform: ${action} on resource: ${resource} ${why}`;

describe('Determining access to a KMS key (Developer Guide, "Determining access")', () => {
  it('the default caller (the account root) may do everything the default key policy allows, as before', async () => {
    const { kms } = vaultClient();
    const arn = await keyWith(kms);
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') }));
    await kms.send(new DecryptCommand({ CiphertextBlob }));
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: arn, PendingWindowInDays: 7 }));
  });

  it('an IAM user of the key account needs an identity policy when the key policy names only the account (default key policy: "Enable IAM User Permissions")', async () => {
    const { kms, vault } = vaultClient();
    const arn = await keyWith(kms);
    const alice = clientAs(vault, ALICE);
    const error = await expectKmsError(alice.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') })), {
      type: 'AccessDeniedException',
      status: 400,
      message: denied(ALICE, 'kms:Encrypt', arn, 'because no identity-based policy allows the kms:Encrypt action'),
    });
    expect(explanationOf(error)).toMatchObject({ reason: 'no-identity-allow', statements: [{ policy: 'key policy', sid: 'Enable IAM User Permissions' }] });
    expect(Object.keys(error)).not.toContain('authorization');
    const allowed = clientAs(vault, ALICE, [allow('kms:Encrypt', arn)]);
    await allowed.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') }));
    await expectKmsError(allowed.send(new DescribeKeyCommand({ KeyId: arn })), { type: 'AccessDeniedException', status: 400 });
  });

  it('a key policy statement naming the principal allows by itself; without the account statement identity policies do nothing ("no resource-based policy allows")', async () => {
    const { kms, vault } = vaultClient();
    const arn = await keyWith(
      kms,
      keyPolicy([{ Sid: 'Alice', Effect: 'Allow', Principal: { AWS: ALICE }, Action: ['kms:Encrypt', 'kms:Decrypt'], Resource: '*' }], null),
    );
    const alice = clientAs(vault, ALICE);
    await alice.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') }));
    const bob = clientAs(vault, `arn:aws:iam::${ACCOUNT}:user/bob`, [allow('kms:*')]);
    await expectKmsError(bob.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') })), {
      type: 'AccessDeniedException',
      status: 400,
      message: denied(`arn:aws:iam::${ACCOUNT}:user/bob`, 'kms:Encrypt', arn, 'because no resource-based policy allows the kms:Encrypt action'),
    });
    // The root too is only what the key policy says.
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: arn })), { type: 'AccessDeniedException', status: 400 });
  });

  it('an assumed-role session is matched by its role ARN in a key policy (aws:PrincipalArn) and named by its session ARN in messages', async () => {
    const { kms, vault } = vaultClient();
    const arn = await keyWith(kms, keyPolicy([{ Effect: 'Allow', Principal: { AWS: ROLE }, Action: 'kms:Encrypt', Resource: '*' }]));
    const session = clientAs(vault, SESSION);
    await session.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') }));
    await expectKmsError(session.send(new DescribeKeyCommand({ KeyId: arn })), {
      type: 'AccessDeniedException',
      status: 400,
      message: denied(SESSION, 'kms:DescribeKey', arn, 'because no identity-based policy allows the kms:DescribeKey action'),
    });
  });

  it('an explicit Deny wins: in the key policy ("with an explicit deny in a resource-based policy") and in an identity policy', async () => {
    const { kms, vault } = vaultClient();
    const arn = await keyWith(kms, keyPolicy([{ Sid: 'NoDeletion', Effect: 'Deny', Principal: '*', Action: 'kms:ScheduleKeyDeletion', Resource: '*' }]));
    const error = await expectKmsError(kms.send(new ScheduleKeyDeletionCommand({ KeyId: arn })), {
      type: 'AccessDeniedException',
      status: 400,
      message: `User: arn:aws:iam::${ACCOUNT}:root is not authorized to perform: kms:ScheduleKeyDeletion on resource: ${arn} with an explicit deny in a resource-based policy`,
    });
    expect(explanationOf(error)?.statements).toEqual([{ policy: 'key policy', sid: 'NoDeletion', index: 1, effect: 'Deny' }]);
    const alice = clientAs(vault, ALICE, [allow('kms:*'), deny('kms:Decrypt')]);
    const { CiphertextBlob } = await alice.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') }));
    await expectKmsError(alice.send(new DecryptCommand({ CiphertextBlob, KeyId: arn })), {
      type: 'AccessDeniedException',
      status: 400,
      message: denied(ALICE, 'kms:Decrypt', arn, 'with an explicit deny in an identity-based policy'),
    });
  });

  it('Decrypt without a KeyId names "the resource associated with this ciphertext"', async () => {
    const { kms, vault } = vaultClient();
    const arn = await keyWith(kms);
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') }));
    await expectKmsError(clientAs(vault, ALICE).send(new DecryptCommand({ CiphertextBlob })), {
      type: 'AccessDeniedException',
      status: 400,
      message: `User: ${ALICE} is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because no identity-based policy allows the kms:Decrypt action`,
    });
  });

  it('DryRun is authorized first: AccessDeniedException, not DryRunOperationException (Developer Guide, "Testing your permissions")', async () => {
    const { kms, vault } = vaultClient();
    const arn = await keyWith(kms);
    await expectKmsError(clientAs(vault, ALICE).send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x'), DryRun: true })), {
      type: 'AccessDeniedException',
      status: 400,
    });
    await expectKmsError(clientAs(vault, ALICE, [allow('kms:Encrypt')]).send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x'), DryRun: true })), {
      type: DryRunOperationException,
      status: 400,
    });
  });

  it('operations on no key (CreateKey, ListKeys, GenerateRandom) are authorized by identity policies alone, on resource *', async () => {
    const { vault } = vaultClient();
    const alice = clientAs(vault, ALICE);
    await expectKmsError(alice.send(new CreateKeyCommand({})), {
      type: 'AccessDeniedException',
      status: 400,
      message: denied(ALICE, 'kms:CreateKey', '*', 'because no identity-based policy allows the kms:CreateKey action'),
    });
    await expectKmsError(alice.send(new ListKeysCommand({})), { type: 'AccessDeniedException', status: 400 });
    const admin = clientAs(vault, ALICE, [allow(['kms:CreateKey', 'kms:List*', 'kms:GenerateRandom'])]);
    await admin.send(new CreateKeyCommand({}));
    await admin.send(new ListKeysCommand({}));
    await admin.send(new GenerateRandomCommand({ NumberOfBytes: 8 }));
  });

  it('ReEncrypt needs kms:ReEncryptFrom on the source key and kms:ReEncryptTo on the destination key', async () => {
    const { kms, vault } = vaultClient();
    const source = await keyWith(kms);
    const destination = await keyWith(kms);
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: source, Plaintext: Buffer.from('x') }));
    const onlyFrom = clientAs(vault, ALICE, [allow('kms:ReEncryptFrom', source)]);
    await expectKmsError(onlyFrom.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: destination })), {
      type: 'AccessDeniedException',
      status: 400,
      message: denied(ALICE, 'kms:ReEncryptTo', destination, 'because no identity-based policy allows the kms:ReEncryptTo action'),
    });
    const both = clientAs(vault, ALICE, [allow('kms:ReEncrypt*', [source, destination])]);
    await both.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: destination }));
  });

  it('NotAction and NotPrincipal: a Deny for everyone but the admin on everything but use', async () => {
    const { kms, vault } = vaultClient();
    const admin = `arn:aws:iam::${ACCOUNT}:user/admin`;
    const arn = await keyWith(
      kms,
      keyPolicy([{ Effect: 'Deny', NotPrincipal: { AWS: [admin, `arn:aws:iam::${ACCOUNT}:root`] }, NotAction: ['kms:Encrypt', 'kms:Decrypt'], Resource: '*' }]),
    );
    const alice = clientAs(vault, ALICE, [allow('kms:*')]);
    await alice.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') }));
    await expectKmsError(alice.send(new DescribeKeyCommand({ KeyId: arn })), {
      type: 'AccessDeniedException',
      status: 400,
      message: denied(ALICE, 'kms:DescribeKey', arn, 'with an explicit deny in a resource-based policy'),
    });
    await clientAs(vault, admin, [allow('kms:*')]).send(new DescribeKeyCommand({ KeyId: arn }));
  });

  it('a role may decrypt only with a given encryption context (kms:EncryptionContext:context-key, StringEquals)', async () => {
    const { kms, vault } = vaultClient();
    const arn = await keyWith(kms);
    const role = clientAs(vault, ROLE, [allow('kms:Decrypt', arn, { StringEquals: { 'kms:EncryptionContext:tenant': 'blue' } })]);
    const blue = await kms.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('b'), EncryptionContext: { tenant: 'blue' } }));
    const red = await kms.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('r'), EncryptionContext: { tenant: 'red' } }));
    await role.send(new DecryptCommand({ CiphertextBlob: blue.CiphertextBlob, EncryptionContext: { tenant: 'blue' } }));
    await expectKmsError(role.send(new DecryptCommand({ CiphertextBlob: red.CiphertextBlob, EncryptionContext: { tenant: 'red' } })), {
      type: 'AccessDeniedException',
      status: 400,
    });
  });

  it('policy variables in Resource: ${aws:username} (IAM User Guide, policy variables)', async () => {
    const { kms, vault } = vaultClient();
    const arn = await keyWith(kms);
    await kms.send(new TagResourceCommand({ KeyId: arn, Tags: [{ TagKey: 'owner', TagValue: 'alice' }] }));
    const alice = clientAs(vault, ALICE, [allow('kms:DescribeKey', '*', { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } })]);
    await alice.send(new DescribeKeyCommand({ KeyId: arn }));
    const bob = clientAs(vault, `arn:aws:iam::${ACCOUNT}:user/bob`, [
      allow('kms:DescribeKey', '*', { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } }),
    ]);
    await expectKmsError(bob.send(new DescribeKeyCommand({ KeyId: arn })), { type: 'AccessDeniedException', status: 400 });
  });
});

describe('kms:ViaService and AWS managed keys (Developer Guide, kms:ViaService; AWS managed keys)', () => {
  it('a key policy that allows use only through a service: a client with viaService may, one without may not', async () => {
    const vault = new KmsVault();
    const direct = new KMSClient({ region: 'us-east-1' });
    direct.middlewareStack.use(vaultPlugin(vault));
    const viaSecrets = new KMSClient({ region: 'us-east-1' });
    viaSecrets.middlewareStack.use(vaultPlugin(vault, { viaService: 'secretsmanager.us-east-1.amazonaws.com' }));
    await direct.send(new DescribeKeyCommand({ KeyId: 'alias/aws/secretsmanager' }));
    const { CiphertextBlob } = await viaSecrets.send(new EncryptCommand({ KeyId: 'alias/aws/secretsmanager', Plaintext: Buffer.from('s') }));
    await viaSecrets.send(new DecryptCommand({ CiphertextBlob }));
    await expectKmsError(direct.send(new DecryptCommand({ CiphertextBlob })), { type: 'AccessDeniedException', status: 400 });
  });
});

describe('keys of other accounts (Developer Guide, "Allowing users in other accounts to use a KMS key")', () => {
  it("needs both the key policy (naming the other account) and the caller account's identity policy, and the key ARN", async () => {
    const { kms, vault } = vaultClient();
    const arn = await keyWith(
      kms,
      keyPolicy([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: ['kms:Encrypt', 'kms:DescribeKey'], Resource: '*' }]),
    );
    const outsider = `arn:aws:iam::${OTHER}:user/carol`;
    await expectKmsError(clientAs(vault, outsider).send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') })), {
      type: 'AccessDeniedException',
      status: 400,
      message: denied(outsider, 'kms:Encrypt', arn, 'because no identity-based policy allows the kms:Encrypt action'),
    });
    const carol = clientAs(vault, outsider, [allow('kms:Encrypt', arn)]);
    await carol.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') }));
    // A policy that does not name the account gives "no resource-based policy allows".
    const unshared = await keyWith(kms);
    await expectKmsError(carol.send(new EncryptCommand({ KeyId: unshared, Plaintext: Buffer.from('x') })), {
      type: 'AccessDeniedException',
      status: 400,
      message: denied(outsider, 'kms:Encrypt', unshared, 'because no resource-based policy allows the kms:Encrypt action'),
    });
  });
});

describe('the key policy lockout safety check (API Reference, PutKeyPolicy BypassPolicyLockoutSafetyCheck)', () => {
  it('a policy that would not let the caller change it again is MalformedPolicyDocumentException, unless bypassed', async () => {
    const { kms } = vaultClient();
    const arn = await keyWith(kms);
    const lockout = keyPolicy([{ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'kms:*', Resource: '*' }], null);
    await expectKmsError(kms.send(new PutKeyPolicyCommand({ KeyId: arn, Policy: lockout })), {
      type: MalformedPolicyDocumentException,
      status: 400,
      message: 'The new key policy will not allow you to update the key policy in the future.',
    });
    await expectKmsError(kms.send(new CreateKeyCommand({ Policy: lockout })), { type: MalformedPolicyDocumentException, status: 400 });
    await kms.send(new PutKeyPolicyCommand({ KeyId: arn, Policy: lockout, BypassPolicyLockoutSafetyCheck: true }));
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: arn })), { type: 'AccessDeniedException', status: 400 });
  });
});
