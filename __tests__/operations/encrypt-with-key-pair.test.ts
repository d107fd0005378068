import { constants, createPublicKey, publicEncrypt } from 'node:crypto';
import {
  CreateKeyCommand,
  DecryptCommand,
  EncryptCommand,
  GetPublicKeyCommand,
  InvalidKeyUsageException,
  type EncryptionAlgorithmSpec,
} from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('Encrypt with an RSA key pair (API Reference, Encrypt; Developer Guide, RSA key specs)', () => {
  const { kms } = vaultClient({ seed: 'rsa-encrypt' });
  let keyId: string;
  let arn: string;
  beforeAll(async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }));
    keyId = KeyMetadata?.KeyId as string;
    arn = KeyMetadata?.Arn as string;
  });

  it.each<EncryptionAlgorithmSpec>(['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'])(
    '%s: a raw RSA-OAEP ciphertext, as long as the modulus, with no header',
    async (EncryptionAlgorithm) => {
      const out = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('secret'), EncryptionAlgorithm }));
      expect(out).toMatchObject({ KeyId: arn, EncryptionAlgorithm });
      expect(out.CiphertextBlob).toHaveLength(256);
      const { Plaintext } = await kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: out.CiphertextBlob, EncryptionAlgorithm }));
      expect(Buffer.from(Plaintext as Uint8Array).toString()).toBe('secret');
    },
  );

  it.each<[EncryptionAlgorithmSpec, number]>([
    ['RSAES_OAEP_SHA_1', 214],
    ['RSAES_OAEP_SHA_256', 190],
  ])('%s with RSA_2048 encrypts at most %i bytes: ValidationException beyond (recorded message)', async (EncryptionAlgorithm, limit) => {
    const atLimit = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.alloc(limit, 1), EncryptionAlgorithm }));
    expect(atLimit.CiphertextBlob).toHaveLength(256);
    const error = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.alloc(limit + 1, 1), EncryptionAlgorithm })));
    expect(error).toMatchObject({
      name: 'ValidationException',
      message: `Algorithm ${EncryptionAlgorithm} and key spec RSA_2048 cannot encrypt data larger than ${limit} bytes.`,
    });
  });

  it('without EncryptionAlgorithm the default SYMMETRIC_DEFAULT does not fit: "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048." (user reports)', async () => {
    const error = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') })));
    expect(error).toBeInstanceOf(InvalidKeyUsageException);
    expect(error.message).toBe('Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.');
  });

  it('data encrypted outside KMS with the public key from GetPublicKey decrypts inside', async () => {
    const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
    const publicKey = createPublicKey({ key: Buffer.from(PublicKey as Uint8Array), format: 'der', type: 'spki' });
    const ciphertext = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from('from outside'));
    const { Plaintext } = await kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: ciphertext, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    expect(Buffer.from(Plaintext as Uint8Array).toString()).toBe('from outside');
  });

  it('an encryption context is for symmetric keys only: ValidationException with a key pair', async () => {
    const error = await kmsErrorOf(
      kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256', EncryptionContext: { a: 'b' } })),
    );
    expect(error.name).toBe('ValidationException');
  });

  it('a SIGN_VERIFY key cannot encrypt: "<arn> key usage is SIGN_VERIFY which is not valid for Encrypt." (recorded)', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }));
    const error = await kmsErrorOf(
      kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.from('x'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
    );
    expect(error.message).toBe(`${KeyMetadata?.Arn} key usage is SIGN_VERIFY which is not valid for Encrypt.`);
  });

  it('SM2PKE (SM2 keys, China Regions only): an SM2 ENCRYPT_DECRYPT key encrypts with it and Decrypt opens the result (API Reference, Encrypt EncryptionAlgorithm)', async () => {
    const china = vaultClient({ clientRegion: 'cn-north-1' }).kms;
    const { KeyMetadata } = await china.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'ENCRYPT_DECRYPT' }));
    expect(KeyMetadata?.EncryptionAlgorithms).toEqual(['SM2PKE']);
    const out = await china.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.from('x'), EncryptionAlgorithm: 'SM2PKE' }));
    expect(out).toMatchObject({ KeyId: KeyMetadata?.Arn, EncryptionAlgorithm: 'SM2PKE' });
    const { Plaintext } = await china.send(
      new DecryptCommand({ KeyId: KeyMetadata?.KeyId, CiphertextBlob: out.CiphertextBlob, EncryptionAlgorithm: 'SM2PKE' }),
    );
    expect(Buffer.from(Plaintext as Uint8Array).toString()).toBe('x');
  });

  it('RSA_4096 encrypts up to 446 bytes with RSAES_OAEP_SHA_256', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_4096', KeyUsage: 'ENCRYPT_DECRYPT' }));
    const out = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.alloc(446, 2), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    expect(out.CiphertextBlob).toHaveLength(512);
    const error = await kmsErrorOf(
      kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.alloc(447, 2), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
    );
    expect(error.message).toBe('Algorithm RSAES_OAEP_SHA_256 and key spec RSA_4096 cannot encrypt data larger than 446 bytes.');
  });
});
