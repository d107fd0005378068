import { randomBytes } from 'node:crypto';
import {
  CancelKeyDeletionCommand,
  CreateKeyCommand,
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  GenerateMacCommand,
  IncorrectKeyMaterialException,
  KMSInvalidStateException,
  NotFoundException,
  ScheduleKeyDeletionCommand,
  UnsupportedOperationException,
} from '@aws-sdk/client-kms';
import { expectKmsError } from '../helpers/expect-kms-error';
import { externalKey, importMaterial } from '../helpers/import-material';
import { vaultClient } from '../helpers/vault-client';
import { vaultView } from '../helpers/vault-view';

async function importedKey() {
  const { vault, kms } = vaultClient();
  const key = await externalKey(kms);
  const material = randomBytes(32);
  const { KeyMaterialId } = await importMaterial(kms, key.keyId, material);
  return { vault, kms, ...key, material, materialId: KeyMaterialId as string };
}

describe('DeleteImportedKeyMaterial', () => {
  it('deletes the material: the key is PendingImport, without ExpirationModel, and cryptographic calls fail with KMSInvalidStateException (API Reference, DeleteImportedKeyMaterial; Developer Guide, key states)', async () => {
    const { kms, keyId, arn, materialId } = await importedKey();
    const sealed = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('kept') }));
    const out = await kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId }));
    expect(out).toMatchObject({ KeyId: arn, KeyMaterialId: materialId });
    const metadata = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
    expect(metadata).toMatchObject({ KeyState: 'PendingImport', Enabled: false, Origin: 'EXTERNAL' });
    expect(metadata?.ExpirationModel).toBeUndefined();
    const pendingImport = { type: KMSInvalidStateException, status: 400, message: `${arn} is pending import.` };
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') })), pendingImport);
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob })), pendingImport);
    await expectKmsError(kms.send(new EnableKeyCommand({ KeyId: keyId })), pendingImport);
  });

  it('reimporting the same material restores the key and its old ciphertexts; other material is IncorrectKeyMaterialException (API Reference, DeleteImportedKeyMaterial: "reimport the same key material")', async () => {
    const { kms, keyId, material, materialId } = await importedKey();
    const sealed = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('made before the deletion') }));
    await kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId }));
    await expectKmsError(importMaterial(kms, keyId, randomBytes(32)), { type: IncorrectKeyMaterialException, status: 400 });
    expect((await importMaterial(kms, keyId, material)).KeyMaterialId).toBe(materialId);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('Enabled');
    const opened = await kms.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob }));
    expect(Buffer.from(opened.Plaintext ?? []).toString()).toBe('made before the deletion');
    expect(opened.KeyMaterialId).toBe(materialId);
  });

  it('a disabled key becomes PendingImport too; a key pending deletion keeps its state, and CancelKeyDeletion leaves it PendingImport (API Reference, DeleteImportedKeyMaterial)', async () => {
    const disabled = await importedKey();
    await disabled.kms.send(new DisableKeyCommand({ KeyId: disabled.keyId }));
    await disabled.kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: disabled.keyId }));
    expect((await disabled.kms.send(new DescribeKeyCommand({ KeyId: disabled.keyId }))).KeyMetadata?.KeyState).toBe('PendingImport');

    const { kms, keyId } = await importedKey();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    await kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('PendingDeletion');
    await kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('PendingImport');
  });

  it('makes an HMAC key unusable until its material is imported again (API Reference, DeleteImportedKeyMaterial)', async () => {
    const { kms } = vaultClient();
    const { keyId, arn } = await externalKey(kms, { KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC' });
    const material = randomBytes(48);
    await importMaterial(kms, keyId, material);
    const mac = () => kms.send(new GenerateMacCommand({ KeyId: keyId, Message: Buffer.from('m'), MacAlgorithm: 'HMAC_SHA_384' }));
    const before = (await mac()).Mac;
    const out = await kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId }));
    expect(out.KeyMaterialId).toBeUndefined();
    await expectKmsError(mac(), { type: KMSInvalidStateException, status: 400, message: `${arn} is pending import.` });
    await importMaterial(kms, keyId, material);
    expect((await mac()).Mac).toEqual(before);
  });

  it('needs Origin EXTERNAL: UnsupportedOperationException, and the vault is unchanged (API Reference, DeleteImportedKeyMaterial KeyId)', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const before = await vaultView(kms);
    await expectKmsError(kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: KeyMetadata?.KeyId })), {
      type: UnsupportedOperationException,
      status: 400,
      message: `${KeyMetadata?.Arn} origin is AWS_KMS which is not valid for this operation.`,
    });
    expect(await vaultView(kms)).toEqual(before);
  });

  it('a KeyMaterialId the key does not have is NotFoundException (API Reference, DeleteImportedKeyMaterial KeyMaterialId)', async () => {
    const { kms, keyId, materialId } = await importedKey();
    await expectKmsError(kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId, KeyMaterialId: 'b'.repeat(64) })), {
      type: NotFoundException,
      status: 400,
    });
    expect((await kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId, KeyMaterialId: materialId }))).KeyMaterialId).toBe(materialId);
  });
});
