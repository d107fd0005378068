import { CreateKeyCommand, DecryptCommand, EncryptCommand, ReEncryptCommand } from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('ReEncrypt from or to an RSA key pair (API Reference, ReEncrypt)', () => {
  const { kms } = vaultClient({ seed: 'rsa-re-encrypt' });
  let rsa: string;
  let symmetric: string;
  beforeAll(async () => {
    rsa = (await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }))).KeyMetadata?.Arn as string;
    symmetric = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.Arn as string;
  });

  it('moves a symmetric ciphertext to an RSA key pair: the result decrypts with RSA-OAEP', async () => {
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: symmetric, Plaintext: Buffer.from('move me'), EncryptionContext: { a: '1' } }));
    const out = await kms.send(
      new ReEncryptCommand({
        CiphertextBlob,
        SourceEncryptionContext: { a: '1' },
        DestinationKeyId: rsa,
        DestinationEncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
      }),
    );
    expect(out).toMatchObject({
      SourceKeyId: symmetric,
      KeyId: rsa,
      SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      DestinationEncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
      SourceKeyMaterialId: expect.any(String),
    });
    expect(out).not.toHaveProperty('DestinationKeyMaterialId');
    const { Plaintext } = await kms.send(new DecryptCommand({ KeyId: rsa, CiphertextBlob: out.CiphertextBlob, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    expect(Buffer.from(Plaintext as Uint8Array).toString()).toBe('move me');
  });

  it('moves an RSA ciphertext to a symmetric key, the source named by SourceKeyId', async () => {
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: rsa, Plaintext: Buffer.from('back'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' }));
    const out = await kms.send(
      new ReEncryptCommand({ CiphertextBlob, SourceKeyId: rsa, SourceEncryptionAlgorithm: 'RSAES_OAEP_SHA_1', DestinationKeyId: symmetric }),
    );
    expect(out).toMatchObject({
      SourceKeyId: rsa,
      KeyId: symmetric,
      SourceEncryptionAlgorithm: 'RSAES_OAEP_SHA_1',
      DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    });
    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob }));
    expect(Buffer.from(Plaintext as Uint8Array).toString()).toBe('back');
  });

  it('a plaintext too long for the destination key pair is ValidationException', async () => {
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: symmetric, Plaintext: Buffer.alloc(300, 1) }));
    const error = await kmsErrorOf(
      kms.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: rsa, DestinationEncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
    );
    expect(error).toMatchObject({
      name: 'ValidationException',
      message: 'Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot encrypt data larger than 190 bytes.',
    });
  });

  it('an RSA ciphertext without SourceKeyId is InvalidCiphertextException', async () => {
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: rsa, Plaintext: Buffer.from('x'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' }));
    expect(
      (await kmsErrorOf(kms.send(new ReEncryptCommand({ CiphertextBlob, SourceEncryptionAlgorithm: 'RSAES_OAEP_SHA_1', DestinationKeyId: symmetric })))).name,
    ).toBe('InvalidCiphertextException');
  });
});
