import {
  CreateKeyCommand,
  DescribeKeyCommand,
  KMSClient,
  ListKeysCommand,
  ListResourceTagsCommand,
  MalformedPolicyDocumentException,
  TagException,
} from '@aws-sdk/client-kms';
import { KmsVaultMockError, vaultPlugin } from '../../src';
import { expectKmsError } from '../helpers/expect-kms-error';
import { currentAdapterName } from '../helpers/adapters';
import { vaultClient } from '../helpers/vault-client';
import { vaultView } from '../helpers/vault-view';

const START = new Date('2026-05-01T12:00:00Z');
const ACCOUNT = '111122223333';
const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** KeyMaterialId: 64 characters of [a-f0-9] (API Reference, DeleteImportedKeyMaterial KeyMaterialId). */
const KEY_MATERIAL_ID = /^[a-f0-9]{64}$/;

describe('CreateKey', () => {
  it('without parameters creates an Enabled customer managed symmetric encryption key with the documented defaults (API Reference, CreateKey; KeyMetadata)', async () => {
    const { kms } = vaultClient({ clock: START });
    const { $metadata, ...out } = await kms.send(new CreateKeyCommand({}));
    expect($metadata.httpStatusCode).toBe(200);
    const keyId = out.KeyMetadata?.KeyId as string;
    expect(keyId).toMatch(KEY_ID);
    expect(out).toEqual({
      KeyMetadata: {
        AWSAccountId: ACCOUNT,
        KeyId: keyId,
        Arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${keyId}`,
        CreationDate: START,
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
        CurrentKeyMaterialId: expect.stringMatching(KEY_MATERIAL_ID),
      },
    });
  });

  it('returns the same KeyMetadata that DescribeKey then reports, Description included (API Reference, CreateKey Description)', async () => {
    const { kms } = vaultClient({ clock: START });
    const created = (await kms.send(new CreateKeyCommand({ Description: 'orders database' }))).KeyMetadata;
    expect(created?.Description).toBe('orders database');
    expect((await kms.send(new DescribeKeyCommand({ KeyId: created?.KeyId }))).KeyMetadata).toEqual(created);
  });

  it('creates a new key with its own key id and key material at every call (API Reference, CreateKey)', async () => {
    const { kms } = vaultClient();
    const a = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
    const b = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
    expect(a?.KeyId).not.toBe(b?.KeyId);
    expect(a?.CurrentKeyMaterialId).not.toBe(b?.CurrentKeyMaterialId);
    expect((await kms.send(new ListKeysCommand({}))).Keys).toHaveLength(2);
  });

  it('creates the key in the Region the request is sent to (API Reference, CreateKey: KMS keys are Regional)', async () => {
    const { vault, kms } = vaultClient();
    const ireland = new KMSClient({ region: 'eu-west-1' });
    ireland.middlewareStack.use(vaultPlugin(vault));
    const key = (await ireland.send(new CreateKeyCommand({}))).KeyMetadata;
    expect(key?.Arn).toBe(`arn:aws:kms:eu-west-1:${ACCOUNT}:key/${key?.KeyId}`);
    expect((await ireland.send(new ListKeysCommand({}))).Keys).toEqual([{ KeyId: key?.KeyId, KeyArn: key?.Arn }]);
    expect((await kms.send(new ListKeysCommand({}))).Keys).toEqual([]);
  });

  it('attaches the Tags given at creation to the key (API Reference, CreateKey Tags)', async () => {
    const { kms } = vaultClient();
    const Tags = [
      { TagKey: 'team', TagValue: 'payments' },
      { TagKey: 'env', TagValue: '' },
    ];
    const key = (await kms.send(new CreateKeyCommand({ Tags }))).KeyMetadata;
    expect((await kms.send(new ListResourceTagsCommand({ KeyId: key?.KeyId }))).Tags).toEqual(Tags);
  });

  it('rejects a tag key beginning with the reserved aws: prefix with TagException and creates no key (API Reference, CreateKey Tags; TagException)', async () => {
    const { kms } = vaultClient();
    const before = await vaultView(kms);
    await expectKmsError(
      kms.send(
        new CreateKeyCommand({
          Tags: [
            { TagKey: 'team', TagValue: 'a' },
            { TagKey: 'aws:createdBy', TagValue: 'b' },
          ],
        }),
      ),
      {
        type: TagException,
        status: 400,
        message: 'Tags beginning with aws: are reserved',
      },
    );
    expect(await vaultView(kms)).toEqual(before);
  });

  it('CustomerMasterKeySpec alone works the same way as KeySpec (API Reference, CreateKey CustomerMasterKeySpec)', async () => {
    const { kms } = vaultClient({ clock: START });
    const key = (await kms.send(new CreateKeyCommand({ CustomerMasterKeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }))).KeyMetadata;
    expect(key).toEqual({
      AWSAccountId: ACCOUNT,
      KeyId: key?.KeyId,
      Arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${key?.KeyId}`,
      CreationDate: START,
      Enabled: true,
      Description: '',
      KeyUsage: 'GENERATE_VERIFY_MAC',
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER',
      CustomerMasterKeySpec: 'HMAC_256',
      KeySpec: 'HMAC_256',
      MacAlgorithms: ['HMAC_SHA_256'],
      MultiRegion: false,
    });
  });

  it('rejects KeySpec together with the deprecated CustomerMasterKeySpec with ValidationException and creates no key (API Reference, CreateKey CustomerMasterKeySpec)', async () => {
    const { kms } = vaultClient();
    const before = await vaultView(kms);
    await expectKmsError(kms.send(new CreateKeyCommand({ KeySpec: 'SYMMETRIC_DEFAULT', CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT' })), {
      type: 'ValidationException',
      status: 400,
      message: 'You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.',
    });
    expect(await vaultView(kms)).toEqual(before);
  });

  it('requires KeyUsage for every key spec except SYMMETRIC_DEFAULT (API Reference, CreateKey KeyUsage)', async () => {
    const { kms } = vaultClient();
    await expectKmsError(kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_256' })), {
      type: 'ValidationException',
      status: 400,
      message: 'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.',
    });
    expect((await kms.send(new ListKeysCommand({}))).Keys).toEqual([]);
  });

  it('rejects a KeyUsage that the key spec does not support: symmetric keys are ENCRYPT_DECRYPT only (API Reference, CreateKey KeyUsage)', async () => {
    const { kms } = vaultClient();
    await expectKmsError(kms.send(new CreateKeyCommand({ KeyUsage: 'SIGN_VERIFY' })), {
      type: 'ValidationException',
      status: 400,
      message: 'KeyUsage SIGN_VERIFY is not compatible with KeySpec SYMMETRIC_DEFAULT',
    });
    expect((await kms.send(new ListKeysCommand({}))).Keys).toEqual([]);
  });

  it.each([
    ['is not JSON', 'not json'],
    ['has no Statement', JSON.stringify({ Version: '2012-10-17' })],
  ])('rejects a Policy that %s with MalformedPolicyDocumentException and creates no key (API Reference, CreateKey errors)', async (_, Policy) => {
    const { kms } = vaultClient();
    const before = await vaultView(kms);
    // AWS's message for a malformed policy is not on record; the class and status are what callers branch on.
    await expectKmsError(kms.send(new CreateKeyCommand({ Policy })), { type: MalformedPolicyDocumentException, status: 400 });
    expect(await vaultView(kms)).toEqual(before);
  });

  describe('with Origin EXTERNAL (imported key material)', () => {
    it('creates a key with no key material: PendingImport, not Enabled, Origin EXTERNAL, no CurrentKeyMaterialId or ExpirationModel yet (API Reference, CreateKey Origin; Developer Guide, key states)', async () => {
      const { kms } = vaultClient({ clock: START });
      const out = await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL', Description: 'byok' }));
      const keyId = out.KeyMetadata?.KeyId as string;
      expect(out.KeyMetadata).toEqual({
        AWSAccountId: ACCOUNT,
        KeyId: keyId,
        Arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${keyId}`,
        CreationDate: START,
        Enabled: false,
        Description: 'byok',
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeyState: 'PendingImport',
        Origin: 'EXTERNAL',
        KeyManager: 'CUSTOMER',
        CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
        KeySpec: 'SYMMETRIC_DEFAULT',
        EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
        MultiRegion: false,
      });
      expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata).toEqual(out.KeyMetadata);
    });

    it.each([
      ['HMAC_256', 'GENERATE_VERIFY_MAC', { MacAlgorithms: ['HMAC_SHA_256'] }],
      ['RSA_3072', 'ENCRYPT_DECRYPT', { EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] }],
      ['ECC_NIST_P256', 'SIGN_VERIFY', { SigningAlgorithms: ['ECDSA_SHA_256'] }],
      ['ECC_SECG_P256K1', 'SIGN_VERIFY', { SigningAlgorithms: ['ECDSA_SHA_256'] }],
    ] as const)(
      'creates %s keys for imported key material too (API Reference, CreateKey: "all supported KMS key types")',
      async (KeySpec, KeyUsage, algorithms) => {
        const { kms } = vaultClient();
        const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL', KeySpec, KeyUsage }));
        expect(KeyMetadata).toMatchObject({ KeySpec, KeyUsage, Origin: 'EXTERNAL', KeyState: 'PendingImport', Enabled: false, ...algorithms });
      },
    );

    it('creates multi-Region primary keys with imported key material (API Reference, CreateKey MultiRegion)', async () => {
      const { kms } = vaultClient();
      const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL', MultiRegion: true }));
      expect(KeyMetadata?.KeyId).toMatch(/^mrk-[0-9a-f]{32}$/);
      expect(KeyMetadata).toMatchObject({ MultiRegion: true, Origin: 'EXTERNAL', KeyState: 'PendingImport' });
    });

    it('names the key specs the vault cannot import yet with a KmsVaultMockError (over a socket: its name and message), and creates no key', async () => {
      const { kms } = vaultClient();
      const attempt = kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL', KeySpec: 'ML_DSA_44', KeyUsage: 'SIGN_VERIFY' }));
      // A library error's class cannot cross a socket: the server sends its name and message.
      if (currentAdapterName() === 'server')
        await expect(attempt).rejects.toMatchObject({ name: 'NotImplementedError', message: expect.stringMatching(/ML_DSA_44/) });
      else await expect(attempt).rejects.toThrow(KmsVaultMockError);
      expect((await kms.send(new ListKeysCommand({}))).Keys).toEqual([]);
    });
  });
});
