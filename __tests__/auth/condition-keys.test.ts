import {
  CreateAliasCommand,
  CreateGrantCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  KMSClient,
  ReEncryptCommand,
  ScheduleKeyDeletionCommand,
  SignCommand,
  TagResourceCommand,
} from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin } from '../../src';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';
import { ACCOUNT, allow, clientAs, deny } from './helpers';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;

async function keyOf(kms: KMSClient, input: ConstructorParameters<typeof CreateKeyCommand>[0] = {}): Promise<string> {
  return (await kms.send(new CreateKeyCommand(input))).KeyMetadata?.Arn as string;
}

const DENIED = { type: 'AccessDeniedException', status: 400 } as const;

describe('KMS condition keys (Developer Guide, "AWS KMS condition keys")', () => {
  it('kms:EncryptionContextKeys with ForAllValues:StringEquals: only the listed context keys may be used', async () => {
    const { kms, vault } = vaultClient();
    const arn = await keyOf(kms);
    const app = clientAs(vault, ROLE, [allow('kms:Encrypt', arn, { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['tenant', 'purpose'] } })]);
    await app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x'), EncryptionContext: { tenant: 'a' } }));
    await expectKmsError(app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x'), EncryptionContext: { tenant: 'a', other: 'b' } })), DENIED);
  });

  it('kms:SigningAlgorithm and kms:MessageType are the Sign request\'s parameters as sent (Developer Guide, "AWS KMS condition keys")', async () => {
    const { kms, vault } = vaultClient();
    const arn = await keyOf(kms, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    const app = clientAs(vault, ROLE, [allow('kms:Sign', arn, { StringEquals: { 'kms:SigningAlgorithm': 'ECDSA_SHA_256', 'kms:MessageType': 'RAW' } })]);
    await app.send(new SignCommand({ KeyId: arn, Message: Buffer.from('x'), SigningAlgorithm: 'ECDSA_SHA_256', MessageType: 'RAW' }));
    await expectKmsError(
      app.send(new SignCommand({ KeyId: arn, Message: Buffer.alloc(32), SigningAlgorithm: 'ECDSA_SHA_256', MessageType: 'DIGEST' })),
      DENIED,
    );
  });

  it('kms:CallerAccount and kms:ViaService together (the AWS managed key pattern) on a customer managed key', async () => {
    const vault = new KmsVault();
    const admin = new KMSClient({ region: 'us-east-1' });
    admin.middlewareStack.use(vaultPlugin(vault));
    const arn = await keyOf(admin);
    const condition = { StringEquals: { 'kms:CallerAccount': ACCOUNT, 'kms:ViaService': 'sqs.us-east-1.amazonaws.com' } };
    const { credentials } = vault.addPrincipal(ROLE, { policies: [allow('kms:GenerateDataKey', arn, condition)] });
    const direct = new KMSClient({ region: 'us-east-1', credentials });
    direct.middlewareStack.use(vaultPlugin(vault));
    const viaSqs = new KMSClient({ region: 'us-east-1', credentials });
    viaSqs.middlewareStack.use(vaultPlugin(vault, { viaService: 'sqs.us-east-1.amazonaws.com' }));
    await viaSqs.send(new GenerateDataKeyCommand({ KeyId: arn, KeySpec: 'AES_256' }));
    await expectKmsError(direct.send(new GenerateDataKeyCommand({ KeyId: arn, KeySpec: 'AES_256' })), DENIED);
  });

  it('kms:GrantOperations and kms:GranteePrincipal limit what CreateGrant may create; kms:GrantIsForAWSResource tells grants made through a service', async () => {
    const { kms, vault } = vaultClient();
    const arn = await keyOf(kms);
    const app = clientAs(vault, ROLE, [
      allow('kms:CreateGrant', arn, {
        'ForAllValues:StringEquals': { 'kms:GrantOperations': ['Decrypt', 'DescribeKey'] },
        StringLike: { 'kms:GranteePrincipal': `arn:aws:iam::${ACCOUNT}:role/*` },
      }),
    ]);
    await app.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: `arn:aws:iam::${ACCOUNT}:role/reader`, Operations: ['Decrypt'] }));
    await expectKmsError(
      app.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: `arn:aws:iam::${ACCOUNT}:role/reader`, Operations: ['Encrypt'] })),
      DENIED,
    );
    await expectKmsError(
      app.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: `arn:aws:iam::${ACCOUNT}:user/bob`, Operations: ['Decrypt'] })),
      DENIED,
    );
    const forAws = clientAs(vault, `arn:aws:iam::${ACCOUNT}:role/svc`, [allow('kms:CreateGrant', arn, { Bool: { 'kms:GrantIsForAWSResource': 'true' } })]);
    await expectKmsError(forAws.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: ROLE, Operations: ['Decrypt'] })), DENIED);
  });

  it('kms:GrantConstraintType: only grants with an encryption context constraint', async () => {
    const { kms, vault } = vaultClient();
    const arn = await keyOf(kms);
    const app = clientAs(vault, ROLE, [allow('kms:CreateGrant', arn, { StringEquals: { 'kms:GrantConstraintType': 'EncryptionContextEquals' } })]);
    await app.send(
      new CreateGrantCommand({ KeyId: arn, GranteePrincipal: ROLE, Operations: ['Decrypt'], Constraints: { EncryptionContextEquals: { a: 'b' } } }),
    );
    await expectKmsError(app.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: ROLE, Operations: ['Decrypt'] })), DENIED);
  });

  it('kms:KeySpec, kms:KeyUsage and aws:RequestTag/aws:TagKeys on CreateKey; aws:ResourceTag on use', async () => {
    const { vault } = vaultClient();
    const creator = clientAs(vault, ROLE, [
      allow('kms:CreateKey', '*', {
        StringEquals: { 'kms:KeySpec': 'SYMMETRIC_DEFAULT', 'aws:RequestTag/team': 'payments' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] },
      }),
      allow('kms:TagResource', '*'),
      allow('kms:Encrypt', '*', { StringEquals: { 'aws:ResourceTag/team': 'payments' } }),
    ]);
    const arn = await keyOf(creator, { Tags: [{ TagKey: 'team', TagValue: 'payments' }] });
    await creator.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') }));
    await expectKmsError(
      creator.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY', Tags: [{ TagKey: 'team', TagValue: 'payments' }] })),
      DENIED,
    );
    await expectKmsError(creator.send(new CreateKeyCommand({ Tags: [{ TagKey: 'team', TagValue: 'other' }] })), DENIED);
    await creator.send(new TagResourceCommand({ KeyId: arn, Tags: [{ TagKey: 'team', TagValue: 'other' }] }));
    await expectKmsError(creator.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') })), DENIED);
  });

  it('kms:ScheduleKeyDeletionPendingWindowInDays with NumericGreaterThanEquals', async () => {
    const { kms, vault } = vaultClient();
    const arn = await keyOf(kms);
    const app = clientAs(vault, ROLE, [
      allow('kms:ScheduleKeyDeletion', arn, { NumericGreaterThanEquals: { 'kms:ScheduleKeyDeletionPendingWindowInDays': '21' } }),
    ]);
    await expectKmsError(app.send(new ScheduleKeyDeletionCommand({ KeyId: arn, PendingWindowInDays: 7 })), DENIED);
    await app.send(new ScheduleKeyDeletionCommand({ KeyId: arn, PendingWindowInDays: 30 }));
  });

  it('kms:ReEncryptOnSameKey: a Deny of re-encryption to another key', async () => {
    const { kms, vault } = vaultClient();
    const one = await keyOf(kms);
    const two = await keyOf(kms);
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: one, Plaintext: Buffer.from('x') }));
    const app = clientAs(vault, ROLE, [allow('kms:ReEncrypt*'), deny('kms:ReEncrypt*', '*', { Bool: { 'kms:ReEncryptOnSameKey': 'false' } })]);
    await app.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: one }));
    await expectKmsError(app.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: two })), DENIED);
  });

  it('aws:CurrentTime with DateLessThan follows the vault clock; kms:RequestAlias and kms:ResourceAliases', async () => {
    const { kms, vault } = vaultClient({ clock: new Date('2026-05-01T00:00:00Z') });
    const arn = await keyOf(kms);
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: arn }));
    const app = clientAs(vault, ROLE, [
      allow('kms:DescribeKey', '*', { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } }),
      allow('kms:Encrypt', '*', { StringEquals: { 'kms:RequestAlias': 'alias/orders' } }),
      allow('kms:GenerateDataKey', '*', { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/orders' } }),
    ]);
    await app.send(new DescribeKeyCommand({ KeyId: arn }));
    await app.send(new EncryptCommand({ KeyId: 'alias/orders', Plaintext: Buffer.from('x') }));
    await expectKmsError(app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') })), DENIED);
    await app.send(new GenerateDataKeyCommand({ KeyId: arn, KeySpec: 'AES_256' }));
    vault.clock.advance({ days: 31 });
    await expectKmsError(app.send(new DescribeKeyCommand({ KeyId: arn })), DENIED);
  });
});
