import {
  CreateKeyCommand,
  DecryptCommand,
  EncryptCommand,
  InvalidCiphertextException,
  InvalidKeyUsageException,
  ReEncryptCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

async function sm2Key(kms: KMSClient): Promise<{ keyId: string; arn: string }> {
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'ENCRYPT_DECRYPT' }));
  return { keyId: KeyMetadata?.KeyId as string, arn: KeyMetadata?.Arn as string };
}

function text(bytes: Uint8Array | undefined): string {
  return Buffer.from(bytes as Uint8Array).toString();
}

describe('Encrypt, Decrypt and ReEncrypt with an SM2 key pair (API Reference, Encrypt: "SM2PKE: 1024 bytes (China Regions only)")', () => {
  const { kms } = vaultClient({ seed: 'sm2-encrypt', clientRegion: 'cn-north-1' });
  let keyId: string;
  let arn: string;
  let symmetric: string;
  beforeAll(async () => {
    ({ keyId, arn } = await sm2Key(kms));
    symmetric = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.Arn as string;
  });

  it.each(['cn-north-1', 'cn-northwest-1'])(
    'in %s, Encrypt with SM2PKE makes a ciphertext that Decrypt opens given the same KeyId and EncryptionAlgorithm (API Reference, Decrypt)',
    async (clientRegion) => {
      const china = vaultClient({ clientRegion }).kms;
      const key = await sm2Key(china);
      const out = await china.send(new EncryptCommand({ KeyId: key.keyId, Plaintext: Buffer.from('国密 secret'), EncryptionAlgorithm: 'SM2PKE' }));
      expect(out).toMatchObject({ KeyId: key.arn, EncryptionAlgorithm: 'SM2PKE' });
      const decrypted = await china.send(new DecryptCommand({ KeyId: key.keyId, CiphertextBlob: out.CiphertextBlob, EncryptionAlgorithm: 'SM2PKE' }));
      expect(decrypted).toMatchObject({ KeyId: key.arn, EncryptionAlgorithm: 'SM2PKE' });
      expect(decrypted).not.toHaveProperty('KeyMaterialId');
      expect(text(decrypted.Plaintext)).toBe('国密 secret');
    },
  );

  it('an SM2PKE ciphertext is C1 (a point), the 32-byte SM3 hash C3 and C2 as long as the plaintext, with no header (Developer Guide, asymmetric ciphertexts have no metadata)', async () => {
    const plaintext = Buffer.alloc(100, 7);
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext, EncryptionAlgorithm: 'SM2PKE' }));
    const blob = Buffer.from(CiphertextBlob as Uint8Array);
    // DER SEQUENCE { INTEGER x, INTEGER y, OCTET STRING C3 (32 bytes), OCTET STRING C2 (100 bytes) }.
    expect(blob.subarray(0, 3)).toEqual(Buffer.from([0x30, 0x81, blob.length - 3]));
    expect(blob.subarray(blob.length - 102, blob.length - 100)).toEqual(Buffer.from([0x04, 100]));
    expect(blob.subarray(blob.length - 136, blob.length - 134)).toEqual(Buffer.from([0x04, 32]));
    expect(blob[3]).toBe(0x02);
  });

  it('each Encrypt draws a fresh ephemeral key: the same plaintext gives different ciphertexts, both decrypting', async () => {
    const encrypt = (): Promise<Uint8Array> =>
      kms
        .send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('same'), EncryptionAlgorithm: 'SM2PKE' }))
        .then((out) => out.CiphertextBlob as Uint8Array);
    const [a, b] = [await encrypt(), await encrypt()];
    expect(Buffer.from(a)).not.toEqual(Buffer.from(b));
    for (const CiphertextBlob of [a, b])
      expect(text((await kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob, EncryptionAlgorithm: 'SM2PKE' }))).Plaintext)).toBe('same');
  });

  it('SM2PKE encrypts at most 1024 bytes: ValidationException beyond (API Reference, Encrypt; the wording of the recorded RSA message)', async () => {
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.alloc(1024, 3), EncryptionAlgorithm: 'SM2PKE' }));
    expect((await kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob, EncryptionAlgorithm: 'SM2PKE' }))).Plaintext).toEqual(
      new Uint8Array(Buffer.alloc(1024, 3)),
    );
    const error = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.alloc(1025, 3), EncryptionAlgorithm: 'SM2PKE' })));
    expect(error).toMatchObject({ name: 'ValidationException', message: 'Algorithm SM2PKE and key spec SM2 cannot encrypt data larger than 1024 bytes.' });
  });

  it('an asymmetric key needs its EncryptionAlgorithm: without it the default SYMMETRIC_DEFAULT does not fit, InvalidKeyUsageException on Encrypt and Decrypt (API Reference, Encrypt and Decrypt EncryptionAlgorithm)', async () => {
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('p'), EncryptionAlgorithm: 'SM2PKE' }));
    for (const call of [
      kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('p') })),
      kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob })),
    ]) {
      const error = await kmsErrorOf(call);
      expect(error).toBeInstanceOf(InvalidKeyUsageException);
      expect(error.message).toBe('Algorithm SYMMETRIC_DEFAULT is incompatible with key spec SM2.');
    }
  });

  it('SM2PKE is the only encryption algorithm of an SM2 key: RSAES_OAEP_SHA_256 is InvalidKeyUsageException (API Reference, Encrypt EncryptionAlgorithm)', async () => {
    const error = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('p'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })));
    expect(error).toBeInstanceOf(InvalidKeyUsageException);
    expect(error.message).toBe('Algorithm RSAES_OAEP_SHA_256 is incompatible with key spec SM2.');
  });

  it('Decrypt needs the KeyId: an asymmetric ciphertext names no key, so without it InvalidCiphertextException (API Reference, Decrypt KeyId)', async () => {
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('p'), EncryptionAlgorithm: 'SM2PKE' }));
    expect(await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob, EncryptionAlgorithm: 'SM2PKE' })))).toBeInstanceOf(InvalidCiphertextException);
  });

  it('a ciphertext altered anywhere (C1, C3, C2, its DER framing) or made under another SM2 key is InvalidCiphertextException (API Reference, Decrypt errors)', async () => {
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('do not touch'), EncryptionAlgorithm: 'SM2PKE' }));
    const original = Buffer.from(CiphertextBlob as Uint8Array);
    const flipped = (index: number): Buffer => {
      const copy = Buffer.from(original);
      copy[index] = (copy[index] ?? 0) ^ 0x01;
      return copy;
    };
    const altered = [
      flipped(10),
      flipped(original.length - 20),
      flipped(original.length - 1),
      original.subarray(0, original.length - 1),
      Buffer.concat([original, Buffer.from([0])]),
      Buffer.from('not a ciphertext'),
    ];
    for (const blob of altered) {
      expect(await kmsErrorOf(kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: blob, EncryptionAlgorithm: 'SM2PKE' })))).toBeInstanceOf(
        InvalidCiphertextException,
      );
    }
    const other = await sm2Key(kms);
    expect(await kmsErrorOf(kms.send(new DecryptCommand({ KeyId: other.keyId, CiphertextBlob: original, EncryptionAlgorithm: 'SM2PKE' })))).toBeInstanceOf(
      InvalidCiphertextException,
    );
  });

  it('an encryption context is for symmetric keys only: ValidationException with an SM2 key (API Reference, Encrypt EncryptionContext)', async () => {
    const error = await kmsErrorOf(
      kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('p'), EncryptionAlgorithm: 'SM2PKE', EncryptionContext: { a: 'b' } })),
    );
    expect(error).toMatchObject({ name: 'ValidationException', message: 'EncryptionContext is not supported for asymmetric KMS keys.' });
  });

  it('an SM2 SIGN_VERIFY key cannot encrypt: "<arn> key usage is SIGN_VERIFY which is not valid for Encrypt." (recorded)', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY' }));
    const error = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.from('p'), EncryptionAlgorithm: 'SM2PKE' })));
    expect(error).toMatchObject({ name: 'InvalidKeyUsageException', message: `${KeyMetadata?.Arn} key usage is SIGN_VERIFY which is not valid for Encrypt.` });
  });

  it('ReEncrypt moves an SM2PKE ciphertext to a symmetric key, the source named by SourceKeyId (API Reference, ReEncrypt SourceKeyId)', async () => {
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('from sm2'), EncryptionAlgorithm: 'SM2PKE' }));
    const out = await kms.send(new ReEncryptCommand({ CiphertextBlob, SourceKeyId: keyId, SourceEncryptionAlgorithm: 'SM2PKE', DestinationKeyId: symmetric }));
    expect(out).toMatchObject({ SourceKeyId: arn, KeyId: symmetric, SourceEncryptionAlgorithm: 'SM2PKE', DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    expect(text((await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob }))).Plaintext)).toBe('from sm2');
  });

  it('ReEncrypt moves a symmetric ciphertext to an SM2 key with DestinationEncryptionAlgorithm SM2PKE (API Reference, ReEncrypt)', async () => {
    const { CiphertextBlob } = await kms.send(
      new EncryptCommand({ KeyId: symmetric, Plaintext: Buffer.from('to sm2'), EncryptionContext: { purpose: 'test' } }),
    );
    const out = await kms.send(
      new ReEncryptCommand({ CiphertextBlob, SourceEncryptionContext: { purpose: 'test' }, DestinationKeyId: keyId, DestinationEncryptionAlgorithm: 'SM2PKE' }),
    );
    expect(out).toMatchObject({ SourceKeyId: symmetric, KeyId: arn, SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT', DestinationEncryptionAlgorithm: 'SM2PKE' });
    expect(out).not.toHaveProperty('DestinationKeyMaterialId');
    expect(text((await kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: out.CiphertextBlob, EncryptionAlgorithm: 'SM2PKE' }))).Plaintext)).toBe(
      'to sm2',
    );
  });

  it('ReEncrypt from one SM2 key to another, and of a plaintext over 1024 bytes to an SM2 key: ValidationException (API Reference, ReEncrypt; Encrypt limits)', async () => {
    const other = await sm2Key(kms);
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('hop'), EncryptionAlgorithm: 'SM2PKE' }));
    const out = await kms.send(
      new ReEncryptCommand({
        CiphertextBlob,
        SourceKeyId: keyId,
        SourceEncryptionAlgorithm: 'SM2PKE',
        DestinationKeyId: other.keyId,
        DestinationEncryptionAlgorithm: 'SM2PKE',
      }),
    );
    expect(
      text((await kms.send(new DecryptCommand({ KeyId: other.keyId, CiphertextBlob: out.CiphertextBlob, EncryptionAlgorithm: 'SM2PKE' }))).Plaintext),
    ).toBe('hop');

    const large = await kms.send(new EncryptCommand({ KeyId: symmetric, Plaintext: Buffer.alloc(1025, 1) }));
    const error = await kmsErrorOf(
      kms.send(new ReEncryptCommand({ CiphertextBlob: large.CiphertextBlob, DestinationKeyId: keyId, DestinationEncryptionAlgorithm: 'SM2PKE' })),
    );
    expect(error).toMatchObject({ name: 'ValidationException', message: 'Algorithm SM2PKE and key spec SM2 cannot encrypt data larger than 1024 bytes.' });
  });

  it("a seeded vault repeats its SM2PKE ciphertexts run to run: the ephemeral key comes from the vault's random source", async () => {
    const run = async (): Promise<Buffer[]> => {
      const china = vaultClient({ seed: 'sm2-determinism', clientRegion: 'cn-north-1' }).kms;
      const key = await sm2Key(china);
      const blobs: Buffer[] = [];
      for (const word of ['one', 'two'])
        blobs.push(
          Buffer.from(
            (await china.send(new EncryptCommand({ KeyId: key.keyId, Plaintext: Buffer.from(word), EncryptionAlgorithm: 'SM2PKE' })))
              .CiphertextBlob as Uint8Array,
          ),
        );
      return blobs;
    };
    const [first, second] = [await run(), await run()];
    expect(first).toEqual(second);
    expect(first[0]).not.toEqual(first[1]);
  });
});
