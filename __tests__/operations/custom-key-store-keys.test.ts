import {
  CancelKeyDeletionCommand,
  ConnectCustomKeyStoreCommand,
  CreateCustomKeyStoreCommand,
  CreateKeyCommand,
  CustomKeyStoreHasCMKsException,
  CustomKeyStoreInvalidStateException,
  CustomKeyStoreNotFoundException,
  DecryptCommand,
  DeleteCustomKeyStoreCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisconnectCustomKeyStoreCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GenerateRandomCommand,
  GetParametersForImportCommand,
  KMSInvalidStateException,
  type KMSClient,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  UnsupportedOperationException,
  UpdateCustomKeyStoreCommand,
  XksKeyAlreadyInUseException,
  XksKeyInvalidConfigurationException,
  XksKeyNotFoundException,
} from '@aws-sdk/client-kms';
import type { KmsVault } from '../../src';
import { encodeEncryptionContext } from '../../src/crypto/encryption-context';
import { openSymmetric } from '../../src/crypto/symmetric-ciphertext';
import { CLUSTER, cloudHsmStore, publicXksStore } from '../helpers/custom-key-stores';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';

const ENDPOINT = 'https://xks.example.com';

async function connected(vault: KmsVault, kms: KMSClient, type: 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE'): Promise<string> {
  const command = type === 'AWS_CLOUDHSM' ? cloudHsmStore(vault, 'hsm') : publicXksStore('xks', ENDPOINT, '/kms/xks/v1');
  const { CustomKeyStoreId } = await kms.send(command);
  await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId }));
  vault.clock.advance({ minutes: 20 });
  return CustomKeyStoreId as string;
}

describe('KMS keys in a CloudHSM key store', () => {
  it('CreateKey with Origin AWS_CLOUDHSM: metadata names the store and cluster, no key material versions; the key encrypts and decrypts', async () => {
    const { vault, kms } = vaultClient();
    const store = await connected(vault, kms, 'AWS_CLOUDHSM');
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: store }));
    expect(KeyMetadata).toMatchObject({
      Origin: 'AWS_CLOUDHSM',
      CustomKeyStoreId: store,
      CloudHsmClusterId: CLUSTER,
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyState: 'Enabled',
      MultiRegion: false,
    });
    expect(KeyMetadata).not.toHaveProperty('CurrentKeyMaterialId');
    expect(KeyMetadata).not.toHaveProperty('XksKeyConfiguration');
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.from('in the HSM') }));
    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(Plaintext as Uint8Array).toString()).toBe('in the HSM');
  });

  it('the store must be CONNECTED (CustomKeyStoreInvalidStateException), and exist in the account (CustomKeyStoreNotFoundException)', async () => {
    const { vault, kms } = vaultClient();
    const { trustAnchorCertificate } = vault.addCloudHsmCluster(CLUSTER);
    const { CustomKeyStoreId } = await kms.send(
      new CreateCustomKeyStoreCommand({
        CustomKeyStoreName: 'hsm',
        CloudHsmClusterId: CLUSTER,
        TrustAnchorCertificate: trustAnchorCertificate,
        KeyStorePassword: 'kmsPswd',
      }),
    );
    await expectKmsError(kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId })), {
      type: CustomKeyStoreInvalidStateException,
      status: 400,
    });
    await expectKmsError(kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: 'cks-1234567890abcdef0' })), {
      type: CustomKeyStoreNotFoundException,
      status: 400,
      message: "Custom key store 'cks-1234567890abcdef0' does not exist",
    });
  });

  it('refuses what custom key stores cannot hold: other key specs, multi-Region keys, another origin; Origin AWS_CLOUDHSM needs CustomKeyStoreId', async () => {
    const { vault, kms } = vaultClient();
    const store = await connected(vault, kms, 'AWS_CLOUDHSM');
    await expectKmsError(
      kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: store, KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })),
      { type: UnsupportedOperationException, status: 400 },
    );
    await expectKmsError(
      kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: store, KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' })),
      { type: UnsupportedOperationException, status: 400 },
    );
    await expectKmsError(kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: store, MultiRegion: true })), {
      type: UnsupportedOperationException,
      status: 400,
      message: 'You cannot create a multi-Region key in a custom key store.',
    });
    await expectKmsError(kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: store, XksKeyId: 'k' })), {
      type: UnsupportedOperationException,
      status: 400,
    });
    await expectKmsError(kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM' })), {
      type: 'ValidationException',
      status: 400,
      message: 'CustomKeyStoreId is required when Origin is AWS_CLOUDHSM.',
    });
    await expectKmsError(kms.send(new CreateKeyCommand({ XksKeyId: 'k' })), {
      type: 'ValidationException',
      status: 400,
      message: 'XksKeyId can only be specified for a KMS key in an external key store (Origin EXTERNAL_KEY_STORE).',
    });
  });

  it('such keys never rotate and take no imported material (origins table; key-state footnotes 7 and 9)', async () => {
    const { vault, kms } = vaultClient();
    const store = await connected(vault, kms, 'AWS_CLOUDHSM');
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: store }));
    const arn = KeyMetadata?.Arn as string;
    const unsupported = { type: UnsupportedOperationException, status: 400, message: `${arn} origin is AWS_CLOUDHSM which is not valid for this operation.` };
    await expectKmsError(kms.send(new EnableKeyRotationCommand({ KeyId: arn })), unsupported);
    await expectKmsError(kms.send(new RotateKeyOnDemandCommand({ KeyId: arn })), unsupported);
    await expectKmsError(
      kms.send(new GetParametersForImportCommand({ KeyId: arn, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' })),
      unsupported,
    );
  });

  it('while the store is disconnected its keys are Unavailable: cryptography fails (KMSInvalidStateException, footnote 11), DisableKey takes effect on reconnection (footnote 12)', async () => {
    const { vault, kms } = vaultClient();
    const store = await connected(vault, kms, 'AWS_CLOUDHSM');
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: store }));
    const arn = KeyMetadata?.Arn as string;
    const { KeyMetadata: pending } = await kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: store }));
    await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: store }));
    const described = await kms.send(new DescribeKeyCommand({ KeyId: arn }));
    expect(described.KeyMetadata).toMatchObject({ KeyState: 'Unavailable', Enabled: false });
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') })), {
      type: KMSInvalidStateException,
      status: 400,
      message: `${arn} is unavailable.`,
    });
    await kms.send(new DisableKeyCommand({ KeyId: arn }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: arn }))).KeyMetadata?.KeyState).toBe('Unavailable');
    // Keys scheduled for deletion stay PendingDeletion whatever the store does (footnote 13).
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: pending?.KeyId, PendingWindowInDays: 7 }));
    await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: store }));
    vault.clock.advance({ minutes: 20 });
    expect((await kms.send(new DescribeKeyCommand({ KeyId: arn }))).KeyMetadata?.KeyState).toBe('Disabled');
    expect((await kms.send(new DescribeKeyCommand({ KeyId: pending?.KeyId }))).KeyMetadata?.KeyState).toBe('PendingDeletion');
  });

  it('cancelling the deletion of a key in a disconnected store leaves it Unavailable, then Disabled once connected (footnote 13)', async () => {
    const { vault, kms } = vaultClient();
    const store = await connected(vault, kms, 'AWS_CLOUDHSM');
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: store }));
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: KeyMetadata?.KeyId, PendingWindowInDays: 7 }));
    await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: store }));
    await kms.send(new CancelKeyDeletionCommand({ KeyId: KeyMetadata?.KeyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId }))).KeyMetadata?.KeyState).toBe('Unavailable');
    await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: store }));
    vault.clock.advance({ minutes: 20 });
    expect((await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId }))).KeyMetadata?.KeyState).toBe('Disabled');
  });

  it('a store holding keys cannot be deleted (CustomKeyStoreHasCMKsException), even keys pending deletion', async () => {
    const { vault, kms } = vaultClient();
    const store = await connected(vault, kms, 'AWS_CLOUDHSM');
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: store }));
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: KeyMetadata?.KeyId, PendingWindowInDays: 7 }));
    await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: store }));
    await expectKmsError(kms.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId: store })), { type: CustomKeyStoreHasCMKsException, status: 400 });
    vault.clock.advance({ days: 7 });
    await kms.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId: store }));
  });

  it('moving the store to a related cluster moves its keys (CloudHsmClusterId)', async () => {
    const { vault, kms } = vaultClient();
    const store = await connected(vault, kms, 'AWS_CLOUDHSM');
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: store }));
    await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: store }));
    vault.addCloudHsmCluster('cluster-restored234', { backupOf: CLUSTER });
    await kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: store, CloudHsmClusterId: 'cluster-restored234' }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId }))).KeyMetadata?.CloudHsmClusterId).toBe('cluster-restored234');
  });

  it('GenerateRandom in a CloudHSM key store needs it CONNECTED; external key stores are UnsupportedOperationException', async () => {
    const { vault, kms } = vaultClient();
    const hsm = await connected(vault, kms, 'AWS_CLOUDHSM');
    const { Plaintext } = await kms.send(new GenerateRandomCommand({ NumberOfBytes: 16, CustomKeyStoreId: hsm }));
    expect(Plaintext).toHaveLength(16);
    await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: hsm }));
    await expectKmsError(kms.send(new GenerateRandomCommand({ NumberOfBytes: 16, CustomKeyStoreId: hsm })), {
      type: CustomKeyStoreInvalidStateException,
      status: 400,
    });
    const xks = await connected(vault, kms, 'EXTERNAL_KEY_STORE');
    await expectKmsError(kms.send(new GenerateRandomCommand({ NumberOfBytes: 16, CustomKeyStoreId: xks })), {
      type: UnsupportedOperationException,
      status: 400,
    });
  });
});

describe('KMS keys in an external key store', () => {
  it('CreateKey with Origin EXTERNAL_KEY_STORE and XksKeyId: XksKeyConfiguration names the external key; the key encrypts and decrypts', async () => {
    const { vault, kms } = vaultClient();
    const store = await connected(vault, kms, 'EXTERNAL_KEY_STORE');
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: store, XksKeyId: 'bb8562717f809024' }));
    expect(KeyMetadata).toMatchObject({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: store, XksKeyConfiguration: { Id: 'bb8562717f809024' } });
    expect(KeyMetadata).not.toHaveProperty('CloudHsmClusterId');
    const { CiphertextBlob } = await kms.send(
      new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.from('held outside AWS'), EncryptionContext: { purpose: 'test' } }),
    );
    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { purpose: 'test' } }));
    expect(Buffer.from(Plaintext as Uint8Array).toString()).toBe('held outside AWS');
  });

  it('ciphertexts are doubly encrypted (Developer Guide, "Double encryption"): neither the KMS key material nor the external key alone opens them', async () => {
    const { vault, kms } = vaultClient();
    const store = await connected(vault, kms, 'EXTERNAL_KEY_STORE');
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: store, XksKeyId: 'ext-1' }));
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.from('two layers') }));
    const key = vault.state.keyByArn(KeyMetadata?.Arn as string);
    const material = key?.currentMaterial;
    const external = vault.state.customKeyStores.proxies.get(ENDPOINT)?.keys.get('ext-1')?.secret as Buffer;
    const aad = encodeEncryptionContext(undefined);
    const blob = CiphertextBlob as Uint8Array;
    expect(openSymmetric(blob, material?.secret as Buffer, aad)).toBeUndefined();
    expect(openSymmetric(blob, external, aad)).toHaveLength('two layers'.length + 16);
    expect(openSymmetric(blob, material?.secret as Buffer, aad, external)?.toString()).toBe('two layers');
  });

  it('the external key must exist in the proxy (XksKeyNotFoundException), be usable (XksKeyInvalidConfigurationException) and back no other KMS key (XksKeyAlreadyInUseException)', async () => {
    const { vault, kms } = vaultClient();
    vault.addXksProxy(ENDPOINT, { keys: ['good', { id: 'disabled', usable: false }] });
    const store = await connected(vault, kms, 'EXTERNAL_KEY_STORE');
    const create = (XksKeyId: string) => kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: store, XksKeyId }));
    await expectKmsError(create('missing'), { type: XksKeyNotFoundException, status: 400 });
    await expectKmsError(create('disabled'), { type: XksKeyInvalidConfigurationException, status: 400 });
    await create('good');
    await expectKmsError(create('good'), { type: XksKeyAlreadyInUseException, status: 400 });
    await expectKmsError(kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: store })), {
      type: 'ValidationException',
      status: 400,
    });
  });

  it('old ciphertexts decrypt again once the store reconnects', async () => {
    const { vault, kms } = vaultClient();
    const store = await connected(vault, kms, 'EXTERNAL_KEY_STORE');
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: store, XksKeyId: 'ext-2' }));
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.from('kept') }));
    await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: store }));
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob })), { type: KMSInvalidStateException, status: 400 });
    await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: store }));
    vault.clock.advance({ minutes: 1 });
    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(Plaintext as Uint8Array).toString()).toBe('kept');
  });
});
