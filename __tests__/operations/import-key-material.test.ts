import { constants, createHmac, generateKeyPairSync, privateDecrypt, randomBytes, verify } from 'node:crypto';
import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  ExpiredImportTokenException,
  GenerateMacCommand,
  GetParametersForImportCommand,
  GetPublicKeyCommand,
  ImportKeyMaterialCommand,
  IncorrectKeyMaterialException,
  InvalidCiphertextException,
  InvalidImportTokenException,
  KMSInvalidStateException,
  ListKeyRotationsCommand,
  ScheduleKeyDeletionCommand,
  SignCommand,
  UnsupportedOperationException,
  type AlgorithmSpec,
} from '@aws-sdk/client-kms';
import { expectKmsError, INVALID_CIPHERTEXT_MESSAGE } from '../helpers/expect-kms-error';
import { externalKey, importMaterial, wrapFor, wrapKeyMaterial } from '../helpers/import-material';
import { vaultClient } from '../helpers/vault-client';
import { vaultView } from '../helpers/vault-view';
import { opensslWorkspace } from '../interop/openssl';

const START = new Date('2026-05-01T12:00:00Z');
const DAY = 86_400_000;
const KEY_MATERIAL_ID = /^[a-f0-9]{64}$/;

async function decryptText(kms: ReturnType<typeof vaultClient>['kms'], blob: Uint8Array | undefined): Promise<string> {
  return Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob: blob }))).Plaintext ?? []).toString();
}

describe('ImportKeyMaterial', () => {
  it.each(['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'RSA_AES_KEY_WRAP_SHA_1', 'RSA_AES_KEY_WRAP_SHA_256'] as AlgorithmSpec[])(
    'imports 256-bit material wrapped outside the vault with %s: the key becomes Enabled and encrypts with that material (API Reference, ImportKeyMaterial; Developer Guide, "Select a wrapping algorithm")',
    async (algorithm) => {
      const { kms } = vaultClient();
      const { keyId, arn } = await externalKey(kms);
      const wrapped = await wrapFor(kms, keyId, randomBytes(32), { algorithm });
      const out = await kms.send(new ImportKeyMaterialCommand({ KeyId: keyId, ...wrapped, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
      expect(out.KeyId).toBe(arn);
      expect(out.KeyMaterialId).toMatch(KEY_MATERIAL_ID);
      const metadata = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
      expect(metadata).toMatchObject({
        KeyState: 'Enabled',
        Enabled: true,
        Origin: 'EXTERNAL',
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
        CurrentKeyMaterialId: out.KeyMaterialId,
      });
      expect(metadata?.ValidTo).toBeUndefined();
      const sealed = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('imported') }));
      const opened = await kms.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob }));
      expect(Buffer.from(opened.Plaintext ?? []).toString()).toBe('imported');
      expect(opened.KeyMaterialId).toBe(out.KeyMaterialId);
    },
  );

  it('takes material wrapped with the openssl commands of the Developer Guide (RSA_AES_KEY_WRAP_SHA_256, "Encrypt the key material")', async () => {
    const { kms } = vaultClient();
    const { keyId } = await externalKey(kms);
    const params = await kms.send(
      new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: 'RSA_AES_KEY_WRAP_SHA_256', WrappingKeySpec: 'RSA_3072' }),
    );
    const ws = opensslWorkspace();
    try {
      ws.pem('WrappingPublicKey.pem', params.PublicKey as Uint8Array);
      ws.run(['rand', '-out', 'PlaintextKeyMaterial.bin', '32']);
      ws.run(['rand', '-out', 'aes-key.bin', '32']);
      const aesHex = ws.run(['enc', '-base64', '-A', '-in', 'aes-key.bin']);
      const hex = Buffer.from(aesHex, 'base64').toString('hex');
      ws.run(['enc', '-id-aes256-wrap-pad', '-K', hex, '-iv', 'A65959A6', '-in', 'PlaintextKeyMaterial.bin', '-out', 'key-material-wrapped.bin']);
      ws.run([
        'pkeyutl',
        '-encrypt',
        '-in',
        'aes-key.bin',
        '-out',
        'aes-key-wrapped.bin',
        '-inkey',
        'WrappingPublicKey.pem',
        '-pubin',
        '-pkeyopt',
        'rsa_padding_mode:oaep',
        '-pkeyopt',
        'rsa_oaep_md:sha256',
        '-pkeyopt',
        'rsa_mgf1_md:sha256',
      ]);
      const wrapped = Buffer.concat(
        [ws.run(['enc', '-base64', '-A', '-in', 'aes-key-wrapped.bin']), ws.run(['enc', '-base64', '-A', '-in', 'key-material-wrapped.bin'])].map((b64) =>
          Buffer.from(b64, 'base64'),
        ),
      );
      await kms.send(
        new ImportKeyMaterialCommand({
          KeyId: keyId,
          ImportToken: params.ImportToken,
          EncryptedKeyMaterial: wrapped,
          ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
        }),
      );
    } finally {
      ws.cleanup();
    }
    const sealed = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('via openssl') }));
    expect(await decryptText(kms, sealed.CiphertextBlob)).toBe('via openssl');
  });

  it.each([
    ['HMAC_224', 'HMAC_SHA_224', 'sha224', 28],
    ['HMAC_256', 'HMAC_SHA_256', 'sha256', 64],
    ['HMAC_384', 'HMAC_SHA_384', 'sha384', 48],
    ['HMAC_512', 'HMAC_SHA_512', 'sha512', 128],
  ] as const)(
    'HMAC key %s: GenerateMac computes the HMAC of the imported %s key (%s, %d bytes) (Developer Guide, requirements for imported key material)',
    async (KeySpec, MacAlgorithm, hash, bytes) => {
      const { kms } = vaultClient();
      const { keyId } = await externalKey(kms, { KeySpec, KeyUsage: 'GENERATE_VERIFY_MAC' });
      const material = randomBytes(bytes);
      const out = await importMaterial(kms, keyId, material);
      expect(out.KeyMaterialId).toBeUndefined();
      const { Mac } = await kms.send(new GenerateMacCommand({ KeyId: keyId, Message: Buffer.from('message'), MacAlgorithm }));
      expect(Buffer.from(Mac ?? []).equals(createHmac(hash, material).update('message').digest())).toBe(true);
    },
  );

  it.each([
    ['SYMMETRIC_DEFAULT', 16, undefined],
    ['SYMMETRIC_DEFAULT', 33, undefined],
    ['HMAC_256', 31, 'GENERATE_VERIFY_MAC'],
    ['HMAC_384', 129, 'GENERATE_VERIFY_MAC'],
  ] as const)(
    'rejects %s material of %d bytes with IncorrectKeyMaterialException and leaves the key PendingImport (Developer Guide, requirements for imported key material)',
    async (KeySpec, bytes, KeyUsage) => {
      const { kms } = vaultClient();
      const { keyId } = await externalKey(kms, KeyUsage ? { KeySpec, KeyUsage } : { KeySpec });
      const wrapped = await wrapFor(kms, keyId, randomBytes(bytes));
      const before = await vaultView(kms);
      await expectKmsError(kms.send(new ImportKeyMaterialCommand({ KeyId: keyId, ...wrapped, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })), {
        type: IncorrectKeyMaterialException,
        status: 400,
      });
      expect(await vaultView(kms)).toEqual(before);
    },
  );

  it('imports an elliptic-curve private key (DER PKCS #8): GetPublicKey returns its public key and signatures verify outside (Developer Guide, importing asymmetric key material)', async () => {
    const { kms } = vaultClient();
    const { keyId } = await externalKey(kms, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    await importMaterial(kms, keyId, pair.privateKey.export({ type: 'pkcs8', format: 'der' }));
    const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
    expect(Buffer.from(PublicKey ?? []).equals(pair.publicKey.export({ type: 'spki', format: 'der' }))).toBe(true);
    const { Signature } = await kms.send(new SignCommand({ KeyId: keyId, Message: Buffer.from('signed'), SigningAlgorithm: 'ECDSA_SHA_256' }));
    expect(verify('sha256', Buffer.from('signed'), pair.publicKey, Buffer.from(Signature ?? []))).toBe(true);
  });

  it('imports an RSA private key with an RSA_AES wrapping algorithm: KMS ciphertexts open with that private key (API Reference, GetParametersForImport WrappingAlgorithm)', async () => {
    const { kms } = vaultClient();
    const { keyId } = await externalKey(kms, { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const wrapped = await wrapFor(kms, keyId, pair.privateKey.export({ type: 'pkcs8', format: 'der' }), {
      algorithm: 'RSA_AES_KEY_WRAP_SHA_256',
      keySpec: 'RSA_3072',
    });
    await kms.send(new ImportKeyMaterialCommand({ KeyId: keyId, ...wrapped, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
    const { CiphertextBlob } = await kms.send(
      new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('for the key owner'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }),
    );
    const plaintext = privateDecrypt(
      { key: pair.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(CiphertextBlob ?? []),
    );
    expect(plaintext.toString()).toBe('for the key owner');
  });

  it('rejects a private key of another key spec with IncorrectKeyMaterialException (Developer Guide: imported material must be compatible with the key spec)', async () => {
    const { kms } = vaultClient();
    const { keyId } = await externalKey(kms, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ type: 'pkcs8', format: 'der' });
    await expectKmsError(importMaterial(kms, keyId, p384), { type: IncorrectKeyMaterialException, status: 400 });
    await expectKmsError(importMaterial(kms, keyId, randomBytes(32)), { type: IncorrectKeyMaterialException, status: 400 });
  });

  describe('ExpirationModel and ValidTo', () => {
    it('ExpirationModel defaults to KEY_MATERIAL_EXPIRES, which needs ValidTo: ValidationException (API Reference, ImportKeyMaterial ExpirationModel)', async () => {
      const { kms } = vaultClient();
      const { keyId } = await externalKey(kms);
      const wrapped = await wrapFor(kms, keyId, randomBytes(32));
      await expectKmsError(kms.send(new ImportKeyMaterialCommand({ KeyId: keyId, ...wrapped })), {
        type: 'ValidationException',
        status: 400,
        message: 'A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES',
      });
    });

    it('ValidTo is not valid with KEY_MATERIAL_DOES_NOT_EXPIRE, must be in the future and at most 365 days away: ValidationException (API Reference, ImportKeyMaterial ValidTo)', async () => {
      const { kms } = vaultClient({ clock: START });
      const { keyId } = await externalKey(kms);
      const wrapped = await wrapFor(kms, keyId, randomBytes(32));
      for (const extra of [
        { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' as const, ValidTo: new Date(START.getTime() + DAY) },
        { ValidTo: new Date(START.getTime() - 1000) },
        { ValidTo: new Date(START.getTime() + 365 * DAY + 1000) },
      ]) {
        await expectKmsError(kms.send(new ImportKeyMaterialCommand({ KeyId: keyId, ...wrapped, ...extra })), { type: 'ValidationException', status: 400 });
      }
      await kms.send(new ImportKeyMaterialCommand({ KeyId: keyId, ...wrapped, ValidTo: new Date(START.getTime() + 365 * DAY) }));
    });

    it('material with ValidTo: DescribeKey shows KEY_MATERIAL_EXPIRES and ValidTo; when the vault clock passes it KMS deletes the material and the key is PendingImport (API Reference, ImportKeyMaterial ValidTo)', async () => {
      const { vault, kms } = vaultClient({ clock: START });
      const { keyId, arn } = await externalKey(kms);
      const material = randomBytes(32);
      const validTo = new Date(START.getTime() + 10 * DAY);
      await importMaterial(kms, keyId, material, { ValidTo: validTo });
      expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata).toMatchObject({
        ExpirationModel: 'KEY_MATERIAL_EXPIRES',
        ValidTo: validTo,
        KeyState: 'Enabled',
      });
      const sealed = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('before expiry') }));

      vault.clock.advance({ days: 10 });
      const metadata = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
      expect(metadata).toMatchObject({ KeyState: 'PendingImport', Enabled: false });
      expect(metadata?.ExpirationModel).toBeUndefined();
      expect(metadata?.ValidTo).toBeUndefined();
      await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob })), {
        type: KMSInvalidStateException,
        status: 400,
        message: `${arn} is pending import.`,
      });

      // "To use the KMS key in cryptographic operations, you must reimport the same key material."
      await importMaterial(kms, keyId, material);
      expect(await decryptText(kms, sealed.CiphertextBlob)).toBe('before expiry');
    });
  });

  describe('import token', () => {
    it('a token of another key is InvalidImportTokenException (API Reference, InvalidImportTokenException)', async () => {
      const { kms } = vaultClient();
      const a = await externalKey(kms);
      const b = await externalKey(kms);
      const wrapped = await wrapFor(kms, a.keyId, randomBytes(32));
      const before = await vaultView(kms);
      await expectKmsError(kms.send(new ImportKeyMaterialCommand({ KeyId: b.keyId, ...wrapped, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })), {
        type: InvalidImportTokenException,
        status: 400,
      });
      expect(await vaultView(kms)).toEqual(before);
    });

    it('a token the vault did not issue, or one changed in transit, is InvalidImportTokenException (API Reference, ImportKeyMaterial ImportToken)', async () => {
      const { kms } = vaultClient();
      const { keyId } = await externalKey(kms);
      const wrapped = await wrapFor(kms, keyId, randomBytes(32));
      const changed = Buffer.from(wrapped.ImportToken);
      changed[changed.length - 1] = (changed[changed.length - 1] ?? 0) ^ 1;
      const elsewhere = vaultClient().kms;
      const foreign = await wrapFor(elsewhere, (await externalKey(elsewhere)).keyId, randomBytes(32));
      for (const ImportToken of [changed, Buffer.from('not a token'), foreign.ImportToken]) {
        await expectKmsError(
          kms.send(
            new ImportKeyMaterialCommand({
              KeyId: keyId,
              ImportToken,
              EncryptedKeyMaterial: wrapped.EncryptedKeyMaterial,
              ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
            }),
          ),
          {
            type: InvalidImportTokenException,
            status: 400,
          },
        );
      }
    });

    it('public key and token are valid for 24 hours: after ParametersValidTo, ExpiredImportTokenException (API Reference, GetParametersForImport)', async () => {
      const { vault, kms } = vaultClient({ clock: START });
      const { keyId } = await externalKey(kms);
      const early = await wrapFor(kms, keyId, randomBytes(32));
      const late = await wrapFor(kms, keyId, randomBytes(32));
      vault.clock.advance({ hours: 23, minutes: 59 });
      await kms.send(new ImportKeyMaterialCommand({ KeyId: keyId, ...early, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
      vault.clock.advance({ minutes: 2 });
      await expectKmsError(kms.send(new ImportKeyMaterialCommand({ KeyId: keyId, ...late, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })), {
        type: ExpiredImportTokenException,
        status: 400,
      });
    });

    it('material wrapped with another public key or another algorithm than the token names is InvalidCiphertextException (API Reference, ImportKeyMaterial EncryptedKeyMaterial)', async () => {
      const { kms } = vaultClient();
      const { keyId } = await externalKey(kms);
      const material = randomBytes(32);
      const first = await kms.send(new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
      const second = await kms.send(new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
      for (const EncryptedKeyMaterial of [
        wrapKeyMaterial(second.PublicKey as Uint8Array, 'RSAES_OAEP_SHA_256', material),
        wrapKeyMaterial(first.PublicKey as Uint8Array, 'RSAES_OAEP_SHA_1', material),
        wrapKeyMaterial(first.PublicKey as Uint8Array, 'RSA_AES_KEY_WRAP_SHA_256', material),
      ]) {
        await expectKmsError(
          kms.send(
            new ImportKeyMaterialCommand({
              KeyId: keyId,
              ImportToken: first.ImportToken,
              EncryptedKeyMaterial,
              ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
            }),
          ),
          {
            type: InvalidCiphertextException,
            status: 400,
            message: INVALID_CIPHERTEXT_MESSAGE,
          },
        );
      }
    });
  });

  describe('reimport', () => {
    it('the same material imports again (changing its expiration); different material is IncorrectKeyMaterialException (Developer Guide, "You cannot change the key material")', async () => {
      const { kms } = vaultClient({ clock: START });
      const { keyId, arn } = await externalKey(kms);
      const material = randomBytes(32);
      const first = await importMaterial(kms, keyId, material);
      const again = await importMaterial(kms, keyId, material, { ValidTo: new Date(START.getTime() + 30 * DAY) });
      expect(again.KeyMaterialId).toBe(first.KeyMaterialId);
      expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata).toMatchObject({
        ExpirationModel: 'KEY_MATERIAL_EXPIRES',
        ValidTo: new Date(START.getTime() + 30 * DAY),
      });
      const before = await vaultView(kms);
      await expectKmsError(importMaterial(kms, keyId, randomBytes(32)), {
        type: IncorrectKeyMaterialException,
        status: 400,
        message: `The key material is not the same key material that was previously imported into ${arn}.`,
      });
      expect(await vaultView(kms)).toEqual(before);
    });

    it('ImportType and KeyMaterialId: NEW_KEY_MATERIAL of material already associated, EXISTING_KEY_MATERIAL before any import, or a KeyMaterialId the material does not have are IncorrectKeyMaterialException; KeyMaterialId with NEW_KEY_MATERIAL is ValidationException (API Reference, ImportKeyMaterial ImportType, KeyMaterialId)', async () => {
      const { kms } = vaultClient();
      const { keyId } = await externalKey(kms);
      const material = randomBytes(32);
      await expectKmsError(importMaterial(kms, keyId, material, { ImportType: 'EXISTING_KEY_MATERIAL' }), { type: IncorrectKeyMaterialException, status: 400 });
      const { KeyMaterialId } = await importMaterial(kms, keyId, material);
      await expectKmsError(importMaterial(kms, keyId, material, { ImportType: 'NEW_KEY_MATERIAL' }), { type: IncorrectKeyMaterialException, status: 400 });
      await expectKmsError(importMaterial(kms, keyId, material, { KeyMaterialId: 'a'.repeat(64) }), { type: IncorrectKeyMaterialException, status: 400 });
      await expectKmsError(importMaterial(kms, keyId, material, { ImportType: 'NEW_KEY_MATERIAL', KeyMaterialId }), {
        type: 'ValidationException',
        status: 400,
        message: 'You cannot specify a key material ID with ImportType set to NEW_KEY_MATERIAL.',
      });
      expect((await importMaterial(kms, keyId, material, { KeyMaterialId, ImportType: 'EXISTING_KEY_MATERIAL' })).KeyMaterialId).toBe(KeyMaterialId);
    });

    it('HMAC and asymmetric keys take no new key material after the first import (API Reference, ImportKeyMaterial)', async () => {
      const { kms } = vaultClient();
      const { keyId } = await externalKey(kms, { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
      await importMaterial(kms, keyId, randomBytes(32));
      await expectKmsError(importMaterial(kms, keyId, randomBytes(32), { ImportType: 'NEW_KEY_MATERIAL' }), {
        type: IncorrectKeyMaterialException,
        status: 400,
      });
    });

    it('KeyMaterialDescription shows in ListKeyRotations and stays when a reimport gives none (API Reference, ImportKeyMaterial KeyMaterialDescription)', async () => {
      const { kms } = vaultClient();
      const { keyId } = await externalKey(kms);
      const material = randomBytes(32);
      await importMaterial(kms, keyId, material, { KeyMaterialDescription: 'hsm export 2026' });
      await importMaterial(kms, keyId, material);
      const { Rotations } = await kms.send(new ListKeyRotationsCommand({ KeyId: keyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }));
      expect(Rotations).toEqual([
        expect.objectContaining({
          KeyMaterialDescription: 'hsm export 2026',
          ImportState: 'IMPORTED',
          ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
          KeyMaterialState: 'CURRENT',
        }),
      ]);
    });
  });

  describe('key', () => {
    it('needs Origin EXTERNAL: UnsupportedOperationException (API Reference, ImportKeyMaterial KeyId)', async () => {
      const { kms } = vaultClient();
      const external = await externalKey(kms);
      const wrapped = await wrapFor(kms, external.keyId, randomBytes(32));
      const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
      await expectKmsError(kms.send(new ImportKeyMaterialCommand({ KeyId: KeyMetadata?.KeyId, ...wrapped, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })), {
        type: UnsupportedOperationException,
        status: 400,
        message: `${KeyMetadata?.Arn} origin is AWS_KMS which is not valid for this operation.`,
      });
    });

    it('fails for a key pending deletion with KMSInvalidStateException (Developer Guide, key states)', async () => {
      const { kms } = vaultClient();
      const { keyId, arn } = await externalKey(kms);
      const wrapped = await wrapFor(kms, keyId, randomBytes(32));
      await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
      await expectKmsError(kms.send(new ImportKeyMaterialCommand({ KeyId: keyId, ...wrapped, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })), {
        type: KMSInvalidStateException,
        status: 400,
        message: `${arn} is pending deletion.`,
      });
    });
  });
});
