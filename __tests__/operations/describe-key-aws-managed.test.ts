import {
  DeleteAliasCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GetKeyRotationStatusCommand,
  ListAliasesCommand,
  ListKeysCommand,
  NotFoundException,
} from '@aws-sdk/client-kms';
import { KmsVault } from '../../src';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';

const START = new Date('2026-03-01T09:30:00Z');

describe('DescribeKey on a predefined AWS alias (API Reference, DescribeKey: "If you specify a predefined AWS alias (an AWS alias with no key ID), KMS associates the alias with an AWS managed key and returns its KeyId and Arn")', () => {
  it('creates the AWS managed key, associates the alias and describes the key', async () => {
    const { kms } = vaultClient({ seed: 'aws-managed', clock: START });
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/s3' }));
    expect(KeyMetadata).toMatchObject({
      KeyManager: 'AWS',
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
      CreationDate: START,
    });
    expect(KeyMetadata?.Arn).toBe(`arn:aws:kms:us-east-1:111122223333:key/${KeyMetadata?.KeyId}`);
    const { Aliases } = await kms.send(new ListAliasesCommand({ KeyId: KeyMetadata?.KeyId }));
    expect(Aliases?.map((a) => [a.AliasName, a.TargetKeyId])).toEqual([['alias/aws/s3', KeyMetadata?.KeyId]]);
    const { Keys } = await kms.send(new ListKeysCommand({}));
    expect(Keys?.map((k) => k.KeyId)).toContain(KeyMetadata?.KeyId);
  });

  it('returns the same key on later calls, by alias name or alias ARN', async () => {
    const { kms } = vaultClient();
    const first = (await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/ebs' }))).KeyMetadata;
    const again = (await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/ebs' }))).KeyMetadata;
    const byArn = (await kms.send(new DescribeKeyCommand({ KeyId: 'arn:aws:kms:us-east-1:111122223333:alias/aws/ebs' }))).KeyMetadata;
    expect(again?.KeyId).toBe(first?.KeyId);
    expect(byArn?.KeyId).toBe(first?.KeyId);
  });

  it('the AWS managed key encrypts and decrypts through its service only, and rotates every year (Developer Guide, AWS managed keys: rotated every year; its key policy allows use through the service, kms:ViaService)', async () => {
    const { kms, vault } = vaultClient();
    await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/secretsmanager' }));
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: 'alias/aws/secretsmanager', Plaintext: Buffer.from('s') })), {
      type: 'AccessDeniedException',
      status: 400,
    });
    const viaService = 'secretsmanager.us-east-1.amazonaws.com';
    const { CiphertextBlob, KeyId } = vault.execute('Encrypt', { KeyId: 'alias/aws/secretsmanager', Plaintext: Buffer.from('s') }, { viaService });
    expect(Buffer.from(vault.execute('Decrypt', { CiphertextBlob }, { viaService }).Plaintext ?? []).toString()).toBe('s');
    const status = await kms.send(new GetKeyRotationStatusCommand({ KeyId }));
    expect(status).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
  });

  it('an alias/aws/ name that is not predefined names nothing: NotFoundException, and nothing is created', async () => {
    const { kms, vault } = vaultClient();
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/not-a-service' })), {
      type: NotFoundException,
      status: 400,
      message: 'Alias arn:aws:kms:us-east-1:111122223333:alias/aws/not-a-service is not found.',
    });
    expect(vault.snapshot().keys).toHaveLength(0);
  });

  it('its alias cannot be deleted: the alias/aws/ prefix is reserved (API Reference, DeleteAlias)', async () => {
    const { kms } = vaultClient();
    await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/s3' }));
    await expectKmsError(kms.send(new DeleteAliasCommand({ AliasName: 'alias/aws/s3' })), { type: 'NotAuthorizedException', status: 400 });
  });

  it('a snapshot keeps the AWS managed key and its alias, and its ciphertexts decrypt after loading', async () => {
    const { kms, vault } = vaultClient();
    await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/dynamodb' }));
    const viaService = 'dynamodb.us-east-1.amazonaws.com';
    const { CiphertextBlob } = vault.execute('Encrypt', { KeyId: 'alias/aws/dynamodb', Plaintext: Buffer.from('row') }, { viaService });
    const copy = new KmsVault();
    copy.load(vault.snapshot());
    const out = copy.execute('Decrypt', { CiphertextBlob }, { viaService });
    expect(Buffer.from(out.Plaintext ?? []).toString()).toBe('row');
    expect(copy.execute('DescribeKey', { KeyId: 'alias/aws/dynamodb' }).KeyMetadata?.KeyManager).toBe('AWS');
  });
});
