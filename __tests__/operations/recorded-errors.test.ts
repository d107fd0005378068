import { randomBytes } from 'node:crypto';
import {
  CreateKeyCommand,
  DeriveSharedSecretCommand,
  DescribeKeyCommand,
  DryRunOperationException,
  GenerateDataKeyPairCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  KMSClient,
  KMSInvalidStateException,
  ReplicateKeyCommand,
  RotateKeyOnDemandCommand,
  UnsupportedOperationException,
} from '@aws-sdk/client-kms';
import { vaultPlugin } from '../../src';
import { DRY_RUN_MESSAGE, expectKmsError, INVALID_CIPHERTEXT_MESSAGE } from '../helpers/expect-kms-error';
import { externalKey, importMaterial, wrapKeyMaterial } from '../helpers/import-material';
import { vaultClient } from '../helpers/vault-client';

/**
 * Behaviour recorded from real AWS in LocalStack's snapshot tests (tests/aws/services/kms/
 * test_kms.snapshot.json, recorded 2024-2025), where the vault differed; see
 * docs/research/kms-error-messages.md. An SDK error without a message reads 'UnknownError'.
 */
describe('recordings of real AWS', () => {
  it('GenerateDataKeyPair with DryRun: DryRunOperationException with HTTP status 400 (recordings win over the API Reference, which says 412)', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await expectKmsError(kms.send(new GenerateDataKeyPairCommand({ KeyId: KeyMetadata?.KeyId, KeyPairSpec: 'ECC_NIST_P256', DryRun: true })), {
      type: DryRunOperationException,
      status: 400,
      message: DRY_RUN_MESSAGE,
    });
  });

  it('RotateKeyOnDemand on a key that is not symmetric: UnsupportedOperationException without a message (test_rotate_key_on_demand_raises_error_given_non_symmetric_key)', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }));
    await expectKmsError(kms.send(new RotateKeyOnDemandCommand({ KeyId: KeyMetadata?.KeyId })), {
      type: UnsupportedOperationException,
      status: 400,
      message: INVALID_CIPHERTEXT_MESSAGE,
    });
  });

  it('RotateKeyOnDemand on an EXTERNAL key without key material: KMSInvalidStateException "<arn> is pending import." (test_rotate_key_on_demand_on_external_key_with_no_key_material)', async () => {
    const { kms } = vaultClient();
    const { keyId, arn } = await externalKey(kms);
    await expectKmsError(kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId })), {
      type: KMSInvalidStateException,
      status: 400,
      message: `${arn} is pending import.`,
    });
  });

  it('ImportKeyMaterial of new material while other material is pending rotation: KMSInvalidStateException naming both material ids (test_import_key_material_raises_if_there_is_already_key_material_pending)', async () => {
    const { vault, kms } = vaultClient();
    const { keyId, arn } = await externalKey(kms);
    await importMaterial(kms, keyId, randomBytes(32));
    const pending = await importMaterial(kms, keyId, randomBytes(32), { ImportType: 'NEW_KEY_MATERIAL' });
    const params = await kms.send(new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
    const before = JSON.stringify(vault.snapshot());
    const error = await expectKmsError(
      kms.send(
        new ImportKeyMaterialCommand({
          KeyId: keyId,
          ImportToken: params.ImportToken,
          EncryptedKeyMaterial: wrapKeyMaterial(params.PublicKey as Uint8Array, 'RSAES_OAEP_SHA_256', randomBytes(32)),
          ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
          ImportType: 'NEW_KEY_MATERIAL',
        }),
      ),
      { type: KMSInvalidStateException, status: 400 },
    );
    expect(error.message).toMatch(
      new RegExp(
        `^New key material \\(id: [0-9a-f]{64}\\) cannot be imported into KMS key ${arn}, because another key material \\(id: ${pending.KeyMaterialId}\\) is pending rotation\\.$`,
      ),
    );
    expect(JSON.stringify(vault.snapshot())).toBe(before);
  });

  it('ReplicateKey of a replica: UnsupportedOperationException "<arn> is not a multi-region primary key." (test_replicate_replica_key_should_fail)', async () => {
    const { vault, kms } = vaultClient();
    const west = new KMSClient({ region: 'eu-west-1' });
    west.middlewareStack.use(vaultPlugin(vault));
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ MultiRegion: true }));
    const { ReplicaKeyMetadata } = await kms.send(new ReplicateKeyCommand({ KeyId: KeyMetadata?.KeyId, ReplicaRegion: 'eu-west-1' }));
    await expectKmsError(west.send(new ReplicateKeyCommand({ KeyId: ReplicaKeyMetadata?.Arn, ReplicaRegion: 'ap-southeast-1' })), {
      type: UnsupportedOperationException,
      status: 400,
      message: `${ReplicaKeyMetadata?.Arn} is not a multi-region primary key.`,
    });
  });

  it('ReplicateKey: ReplicaKeyMetadata has no CurrentKeyMaterialId, which DescribeKey of the replica shows (test_replicate_key)', async () => {
    const { vault, kms } = vaultClient();
    const west = new KMSClient({ region: 'eu-west-1' });
    west.middlewareStack.use(vaultPlugin(vault));
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ MultiRegion: true }));
    const { ReplicaKeyMetadata } = await kms.send(new ReplicateKeyCommand({ KeyId: KeyMetadata?.KeyId, ReplicaRegion: 'eu-west-1' }));
    expect(ReplicaKeyMetadata).toBeDefined();
    expect(ReplicaKeyMetadata).not.toHaveProperty('CurrentKeyMaterialId');
    expect((await west.send(new DescribeKeyCommand({ KeyId: ReplicaKeyMetadata?.Arn }))).KeyMetadata?.CurrentKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('DeriveSharedSecret with a PublicKey that is not a public key: ValidationException without a message (test_derive_shared_secret)', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' }));
    await expectKmsError(
      kms.send(new DeriveSharedSecretCommand({ KeyId: KeyMetadata?.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: Buffer.from('not a key') })),
      {
        type: 'ValidationException',
        status: 400,
        message: INVALID_CIPHERTEXT_MESSAGE,
      },
    );
  });
});
