import { CreateKeyCommand, DescribeKeyCommand, MalformedPolicyDocumentException, TagException } from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('CreateKey (API Reference, CreateKey)', () => {
  it('creates an Enabled symmetric encryption key with the documented defaults', async () => {
    const { kms } = vaultClient({ clock: new Date('2026-05-01T12:00:00Z') });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    expect(KeyMetadata).toEqual({
      AWSAccountId: '111122223333',
      KeyId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      Arn: `arn:aws:kms:us-east-1:111122223333:key/${KeyMetadata?.KeyId}`,
      CreationDate: new Date('2026-05-01T12:00:00Z'),
      Enabled: true,
      Description: '',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER',
      CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      KeySpec: 'SYMMETRIC_DEFAULT',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      MultiRegion: false,
      CurrentKeyMaterialId: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('keeps Description and Tags', async () => {
    const { kms, vault } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'orders', Tags: [{ TagKey: 'team', TagValue: 'a' }] }));
    expect(KeyMetadata?.Description).toBe('orders');
    expect(vault.execute('ListResourceTags', { KeyId: KeyMetadata?.KeyId }).Tags).toEqual([{ TagKey: 'team', TagValue: 'a' }]);
  });

  it('rejects tag keys beginning with aws: with TagException and creates nothing', async () => {
    const { kms, vault } = vaultClient();
    const error = await kmsErrorOf(kms.send(new CreateKeyCommand({ Tags: [{ TagKey: 'aws:x', TagValue: 'a' }] })));
    expect(error).toBeInstanceOf(TagException);
    expect(vault.execute('ListKeys', {}).Keys).toEqual([]);
  });

  it('rejects a Policy that is not a JSON policy document with MalformedPolicyDocumentException', async () => {
    const { kms, vault } = vaultClient();
    expect(await kmsErrorOf(kms.send(new CreateKeyCommand({ Policy: 'not json' })))).toBeInstanceOf(MalformedPolicyDocumentException);
    expect(vault.execute('ListKeys', {}).Keys).toEqual([]);
  });

  it('rejects KeySpec together with the deprecated CustomerMasterKeySpec', async () => {
    const { kms } = vaultClient();
    const error = await kmsErrorOf(kms.send(new CreateKeyCommand({ KeySpec: 'SYMMETRIC_DEFAULT', CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT' })));
    expect(error.name).toBe('ValidationException');
  });

  it('rejects a KeyUsage the symmetric key spec does not allow', async () => {
    const { kms } = vaultClient();
    expect((await kmsErrorOf(kms.send(new CreateKeyCommand({ KeyUsage: 'GENERATE_VERIFY_MAC' })))).name).toBe('ValidationException');
  });

  it('rejects an unknown KeyUsage with the enum ValidationException', async () => {
    const { kms } = vaultClient();
    const error = await kmsErrorOf(kms.send(new CreateKeyCommand({ KeyUsage: 'SOMETHING' as never })));
    expect(error.message).toMatch(/^1 validation error detected: Value 'SOMETHING' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: \[/);
  });

  it('a CustomKeyStoreId that names no custom key store gives CustomKeyStoreNotFoundException', async () => {
    const { kms } = vaultClient();
    expect((await kmsErrorOf(kms.send(new CreateKeyCommand({ CustomKeyStoreId: 'cks-1234567890abcdef0' })))).name).toBe('CustomKeyStoreNotFoundException');
  });

  it('DescribeKey returns the same metadata', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'd' }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.Arn }))).KeyMetadata).toEqual(KeyMetadata);
  });
});
