import { createPrivateKey, createPublicKey } from 'node:crypto';
import {
  CreateKeyCommand,
  DecryptCommand,
  GenerateDataKeyPairCommand,
  InvalidCiphertextException,
  InvalidKeyUsageException,
  UnsupportedOperationException,
  type DataKeyPairSpec,
} from '@aws-sdk/client-kms';
import { ml_kem512 } from '@noble/post-quantum/ml-kem.js';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('GenerateDataKeyPair (API Reference, GenerateDataKeyPair)', () => {
  const { kms } = vaultClient({ seed: 'data-key-pair' });
  let keyId: string;
  let arn: string;
  beforeAll(async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    keyId = KeyMetadata?.KeyId as string;
    arn = KeyMetadata?.Arn as string;
  });

  it.each<[DataKeyPairSpec, string, string | undefined]>([
    ['RSA_2048', 'rsa', undefined],
    ['ECC_NIST_P256', 'ec', 'prime256v1'],
    ['ECC_NIST_P384', 'ec', 'secp384r1'],
    ['ECC_NIST_P521', 'ec', 'secp521r1'],
    ['ECC_SECG_P256K1', 'ec', 'secp256k1'],
    ['ECC_NIST_EDWARDS25519', 'ed25519', undefined],
  ])('%s: a DER PKCS #8 private key and the DER SubjectPublicKeyInfo of the same %s pair', async (KeyPairSpec, type, namedCurve) => {
    const out = await kms.send(new GenerateDataKeyPairCommand({ KeyId: keyId, KeyPairSpec }));
    expect(out).toMatchObject({ KeyId: arn, KeyPairSpec, KeyMaterialId: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const privateKey = createPrivateKey({ key: Buffer.from(out.PrivateKeyPlaintext as Uint8Array), format: 'der', type: 'pkcs8' });
    expect(privateKey.asymmetricKeyType).toBe(type);
    expect(privateKey.asymmetricKeyDetails?.namedCurve).toBe(namedCurve);
    expect(createPublicKey(privateKey).export({ type: 'spki', format: 'der' })).toEqual(Buffer.from(out.PublicKey as Uint8Array));
  });

  it('ML_KEM_512: the private key is the 64-byte ML-KEM seed in PKCS #8, and it regenerates the public key', async () => {
    const out = await kms.send(new GenerateDataKeyPairCommand({ KeyId: keyId, KeyPairSpec: 'ML_KEM_512' }));
    const pkcs8 = Buffer.from(out.PrivateKeyPlaintext as Uint8Array);
    const seed = pkcs8.subarray(pkcs8.length - 64);
    const spki = Buffer.from(out.PublicKey as Uint8Array);
    expect(Buffer.from(ml_kem512.keygen(seed).publicKey)).toEqual(spki.subarray(spki.length - (ml_kem512.lengths.publicKey as number)));
  });

  it('encrypts the private key under the symmetric key: Decrypt with the same encryption context returns it', async () => {
    const out = await kms.send(new GenerateDataKeyPairCommand({ KeyId: keyId, KeyPairSpec: 'ECC_NIST_P256', EncryptionContext: { purpose: 'signing' } }));
    const { Plaintext, KeyId } = await kms.send(
      new DecryptCommand({ CiphertextBlob: out.PrivateKeyCiphertextBlob, EncryptionContext: { purpose: 'signing' } }),
    );
    expect(KeyId).toBe(arn);
    expect(Buffer.from(Plaintext as Uint8Array)).toEqual(Buffer.from(out.PrivateKeyPlaintext as Uint8Array));
    expect(await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: out.PrivateKeyCiphertextBlob })))).toBeInstanceOf(InvalidCiphertextException);
  });

  it('makes a new pair on every call', async () => {
    const a = await kms.send(new GenerateDataKeyPairCommand({ KeyId: keyId, KeyPairSpec: 'ECC_NIST_P256' }));
    const b = await kms.send(new GenerateDataKeyPairCommand({ KeyId: keyId, KeyPairSpec: 'ECC_NIST_P256' }));
    expect(Buffer.from(a.PublicKey as Uint8Array)).not.toEqual(Buffer.from(b.PublicKey as Uint8Array));
  });

  it('the same seed gives the same data key pairs', async () => {
    const pairOf = async () => {
      const { kms: fresh } = vaultClient({ seed: 'repeatable' });
      const { KeyMetadata } = await fresh.send(new CreateKeyCommand({}));
      return Buffer.from((await fresh.send(new GenerateDataKeyPairCommand({ KeyId: KeyMetadata?.KeyId, KeyPairSpec: 'RSA_2048' }))).PublicKey as Uint8Array);
    };
    expect(await pairOf()).toEqual(await pairOf());
  });

  it('needs a symmetric encryption key: an asymmetric or HMAC key is InvalidKeyUsageException', async () => {
    for (const input of [
      { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' },
      { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' },
    ] as const) {
      const { KeyMetadata } = await kms.send(new CreateKeyCommand(input));
      expect(await kmsErrorOf(kms.send(new GenerateDataKeyPairCommand({ KeyId: KeyMetadata?.KeyId, KeyPairSpec: 'ECC_NIST_P256' })))).toBeInstanceOf(
        InvalidKeyUsageException,
      );
    }
  });

  it('SM2 data key pairs are for the China Regions only', async () => {
    expect(await kmsErrorOf(kms.send(new GenerateDataKeyPairCommand({ KeyId: keyId, KeyPairSpec: 'SM2' })))).toBeInstanceOf(UnsupportedOperationException);
  });

  it('answers DryRunOperationException when DryRun is set', async () => {
    expect((await kmsErrorOf(kms.send(new GenerateDataKeyPairCommand({ KeyId: keyId, KeyPairSpec: 'ECC_NIST_P256', DryRun: true })))).name).toBe(
      'DryRunOperationException',
    );
  });
});
