import { CreateKeyCommand, DecryptCommand, EncryptCommand, InvalidCiphertextException, InvalidKeyUsageException } from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('Decrypt of an asymmetric ciphertext (API Reference, Decrypt)', () => {
  const { kms } = vaultClient({ seed: 'rsa-decrypt' });
  let keyId: string;
  let arn: string;
  let ciphertext: Uint8Array;
  beforeAll(async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }));
    keyId = KeyMetadata?.KeyId as string;
    arn = KeyMetadata?.Arn as string;
    ciphertext = (await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('p'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' })))
      .CiphertextBlob as Uint8Array;
  });

  it('decrypts with the KeyId and the EncryptionAlgorithm the ciphertext was made with', async () => {
    const out = await kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: ciphertext, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' }));
    expect(out).toMatchObject({ KeyId: arn, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' });
    expect(out).not.toHaveProperty('KeyMaterialId');
    expect(Buffer.from(out.Plaintext as Uint8Array).toString()).toBe('p');
  });

  it('needs the KeyId: an asymmetric ciphertext names no key, so without it InvalidCiphertextException', async () => {
    expect(await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: ciphertext, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' })))).toBeInstanceOf(
      InvalidCiphertextException,
    );
  });

  it('another OAEP algorithm than the one used fails with InvalidCiphertextException', async () => {
    expect(
      await kmsErrorOf(kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: ciphertext, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }))),
    ).toBeInstanceOf(InvalidCiphertextException);
  });

  it('omitting EncryptionAlgorithm means SYMMETRIC_DEFAULT, which an RSA key does not support: InvalidKeyUsageException', async () => {
    expect(await kmsErrorOf(kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: ciphertext })))).toBeInstanceOf(InvalidKeyUsageException);
  });

  it('another key pair cannot decrypt it: InvalidCiphertextException', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }));
    expect(
      await kmsErrorOf(kms.send(new DecryptCommand({ KeyId: KeyMetadata?.KeyId, CiphertextBlob: ciphertext, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' }))),
    ).toBeInstanceOf(InvalidCiphertextException);
  });

  it('DryRun with IGNORE_CIPHERTEXT answers DryRunOperationException without decrypting', async () => {
    const error = await kmsErrorOf(
      kms.send(
        new DecryptCommand({
          KeyId: keyId,
          CiphertextBlob: Buffer.from('not a ciphertext'),
          EncryptionAlgorithm: 'RSAES_OAEP_SHA_1',
          DryRun: true,
          DryRunModifiers: ['IGNORE_CIPHERTEXT'],
        }),
      ),
    );
    expect(error.name).toBe('DryRunOperationException');
  });
});
