import { createHash, createPublicKey, verify } from 'node:crypto';
import {
  CreateKeyCommand,
  EncapsulateCommand,
  EncryptCommand,
  DecryptCommand,
  GetPublicKeyCommand,
  SignCommand,
  VerifyCommand,
  type EncryptionAlgorithmSpec,
  type KeySpec,
  type KMSClient,
  type MessageType,
  type SigningAlgorithmSpec,
} from '@aws-sdk/client-kms';
import { vaultClient } from '../helpers/vault-client';

const message = Buffer.from('the same message every time');

/** What one vault produces for a fixed script of randomized operations. */
async function outputs(kms: KMSClient): Promise<string[]> {
  const out: string[] = [];
  const keyOf = async (KeySpec: KeySpec, KeyUsage: 'SIGN_VERIFY' | 'ENCRYPT_DECRYPT' | 'ENCAPSULATE_DECAPSULATE') =>
    (await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage }))).KeyMetadata?.KeyId as string;
  const hex = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('hex');

  const signing: readonly [KeySpec, SigningAlgorithmSpec, MessageType, Buffer][] = [
    ['RSA_2048', 'RSASSA_PSS_SHA_256', 'RAW', message],
    ['RSA_2048', 'RSASSA_PSS_SHA_256', 'DIGEST', createHash('sha256').update(message).digest()],
    ['ECC_NIST_P256', 'ECDSA_SHA_256', 'RAW', message],
    ['ECC_NIST_P256', 'ECDSA_SHA_256', 'DIGEST', createHash('sha256').update(message).digest()],
    ['ECC_NIST_P384', 'ECDSA_SHA_384', 'RAW', message],
    ['ECC_NIST_P521', 'ECDSA_SHA_512', 'RAW', message],
    ['ECC_SECG_P256K1', 'ECDSA_SHA_256', 'RAW', message],
    ['ML_DSA_44', 'ML_DSA_SHAKE_256', 'RAW', message],
  ];
  for (const [KeySpec, SigningAlgorithm, MessageType, Message] of signing) {
    const KeyId = await keyOf(KeySpec, 'SIGN_VERIFY');
    out.push(hex((await kms.send(new SignCommand({ KeyId, Message, MessageType, SigningAlgorithm }))).Signature));
  }
  const encryption: readonly [KeySpec, EncryptionAlgorithmSpec][] = [
    ['RSA_2048', 'RSAES_OAEP_SHA_1'],
    ['RSA_2048', 'RSAES_OAEP_SHA_256'],
  ];
  for (const [KeySpec, EncryptionAlgorithm] of encryption) {
    const KeyId = await keyOf(KeySpec, 'ENCRYPT_DECRYPT');
    out.push(hex((await kms.send(new EncryptCommand({ KeyId, Plaintext: message, EncryptionAlgorithm }))).CiphertextBlob));
  }
  const kem = await keyOf('ML_KEM_768', 'ENCAPSULATE_DECAPSULATE');
  const encapsulated = await kms.send(new EncapsulateCommand({ KeyId: kem, EncapsulationAlgorithm: 'ML_KEM' }));
  out.push(hex(encapsulated.SharedSecretCiphertextBlob), hex(encapsulated.SharedSecret));
  return out;
}

/** SM2 keys exist in the China Regions only. */
async function sm2Outputs(kms: KMSClient): Promise<string[]> {
  const hex = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('hex');
  const signer = (await kms.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY' }))).KeyMetadata?.KeyId;
  const encrypter = (await kms.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'ENCRYPT_DECRYPT' }))).KeyMetadata?.KeyId;
  return [
    hex((await kms.send(new SignCommand({ KeyId: signer, Message: message, SigningAlgorithm: 'SM2DSA' }))).Signature),
    hex((await kms.send(new EncryptCommand({ KeyId: encrypter, Plaintext: message, EncryptionAlgorithm: 'SM2PKE' }))).CiphertextBlob),
  ];
}

describe('a seed repeats everything (KmsVault seed)', () => {
  it('two vaults with the same seed give the same RSA-OAEP ciphertexts, RSA-PSS, ECDSA (RAW and DIGEST) and ML-DSA signatures and ML-KEM encapsulations', async () => {
    const first = await outputs(vaultClient({ seed: 'repeat' }).kms);
    const second = await outputs(vaultClient({ seed: 'repeat' }).kms);
    expect(second).toEqual(first);
    const other = await outputs(vaultClient({ seed: 'another seed' }).kms);
    other.forEach((value, i) => expect(value).not.toBe(first[i]));
  });

  it('SM2DSA signatures and SM2PKE ciphertexts repeat with the seed too', async () => {
    const first = await sm2Outputs(vaultClient({ seed: 'repeat', clientRegion: 'cn-north-1' }).kms);
    const second = await sm2Outputs(vaultClient({ seed: 'repeat', clientRegion: 'cn-north-1' }).kms);
    expect(second).toEqual(first);
  });

  it('without a seed, randomized outputs are fresh: the same key signs and encrypts differently each time', async () => {
    const { kms } = vaultClient();
    const a = await outputs(kms);
    const b = await outputs(kms);
    a.forEach((value, i) => expect(value).not.toBe(b[i]));
  });

  it('within one seeded vault, repeated calls still differ (each draws new randomness), and each result verifies or decrypts', async () => {
    const { kms } = vaultClient({ seed: 'within' });
    const KeyId = (await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }))).KeyMetadata?.KeyId;
    const one = await kms.send(new EncryptCommand({ KeyId, Plaintext: message, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    const two = await kms.send(new EncryptCommand({ KeyId, Plaintext: message, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    expect(Buffer.from(one.CiphertextBlob ?? []).equals(Buffer.from(two.CiphertextBlob ?? []))).toBe(false);
    for (const { CiphertextBlob } of [one, two]) {
      const opened = await kms.send(new DecryptCommand({ KeyId, CiphertextBlob, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
      expect(Buffer.from(opened.Plaintext ?? []).equals(message)).toBe(true);
    }
  });
});

/** s of a DER ECDSA signature. */
function sOf(signature: Uint8Array): bigint {
  const der = Buffer.from(signature);
  const rLength = der[3] ?? 0;
  const sStart = 4 + rLength + 2;
  return BigInt(`0x${der.subarray(sStart, sStart + (der[sStart - 1] ?? 0)).toString('hex')}`);
}

const ORDERS: Readonly<Record<string, bigint>> = {
  ECC_NIST_P256: BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551'),
  ECC_SECG_P256K1: BigInt('0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141'),
};

describe('ECDSA signatures as KMS makes them: s is not normalized', () => {
  it.each<[KeySpec, MessageType]>([
    ['ECC_SECG_P256K1', 'DIGEST'],
    ['ECC_SECG_P256K1', 'RAW'],
    ['ECC_NIST_P256', 'DIGEST'],
    ['ECC_NIST_P256', 'RAW'],
  ])('%s, %s: between 30% and 70% of 200 signatures have s > n/2, and every one verifies (KMS does not normalize s)', async (KeySpec, MessageType) => {
    const { kms } = vaultClient({ seed: `high-s ${KeySpec} ${MessageType}` });
    const KeyId = (await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage: 'SIGN_VERIFY' }))).KeyMetadata?.KeyId;
    const publicKey = createPublicKey({ key: Buffer.from((await kms.send(new GetPublicKeyCommand({ KeyId }))).PublicKey ?? []), format: 'der', type: 'spki' });
    const digest = createHash('sha256').update(message).digest();
    const n = ORDERS[KeySpec] as bigint;
    let high = 0;
    for (let i = 0; i < 200; i++) {
      const { Signature } = await kms.send(
        new SignCommand({ KeyId, Message: MessageType === 'RAW' ? message : digest, MessageType, SigningAlgorithm: 'ECDSA_SHA_256' }),
      );
      if (sOf(Signature as Uint8Array) > n / 2n) high++;
      if (i < 5) expect(verify('sha256', message, publicKey, Buffer.from(Signature ?? []))).toBe(true);
    }
    expect(high).toBeGreaterThanOrEqual(60);
    expect(high).toBeLessThanOrEqual(140);
    const { Signature } = await kms.send(new SignCommand({ KeyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }));
    expect(
      (await kms.send(new VerifyCommand({ KeyId, Message: digest, MessageType: 'DIGEST', Signature, SigningAlgorithm: 'ECDSA_SHA_256' }))).SignatureValid,
    ).toBe(true);
  });
});
