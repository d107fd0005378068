import { createPublicKey } from 'node:crypto';
import {
  CreateKeyCommand,
  GetPublicKeyCommand,
  KMSInvalidStateException,
  ScheduleKeyDeletionCommand,
  UnsupportedOperationException,
} from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('GetPublicKey (API Reference, GetPublicKey)', () => {
  it('returns the DER SubjectPublicKeyInfo with the key spec, usage and algorithms', async () => {
    const { kms } = vaultClient({ seed: 'public' });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }));
    const out = await kms.send(new GetPublicKeyCommand({ KeyId: KeyMetadata?.Arn }));
    expect(out).toMatchObject({
      KeyId: KeyMetadata?.Arn,
      KeySpec: 'RSA_2048',
      CustomerMasterKeySpec: 'RSA_2048',
      KeyUsage: 'ENCRYPT_DECRYPT',
      EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'],
    });
    expect(out).not.toHaveProperty('SigningAlgorithms');
    const key = createPublicKey({ key: Buffer.from(out.PublicKey as Uint8Array), format: 'der', type: 'spki' });
    expect(key.asymmetricKeyType).toBe('rsa');
    expect(key.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
  });

  it.each([
    ['ECC_NIST_P256', 'SIGN_VERIFY', 'ec', 'prime256v1'],
    ['ECC_NIST_P384', 'KEY_AGREEMENT', 'ec', 'secp384r1'],
    ['ECC_NIST_P521', 'SIGN_VERIFY', 'ec', 'secp521r1'],
    ['ECC_SECG_P256K1', 'SIGN_VERIFY', 'ec', 'secp256k1'],
    ['ECC_NIST_EDWARDS25519', 'SIGN_VERIFY', 'ed25519', undefined],
  ] as const)('a %s key (%s) has a %s public key on %s', async (KeySpec, KeyUsage, type, curve) => {
    const { kms } = vaultClient({ seed: 'public' });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage }));
    const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: KeyMetadata?.KeyId }));
    const key = createPublicKey({ key: Buffer.from(PublicKey as Uint8Array), format: 'der', type: 'spki' });
    expect(key.asymmetricKeyType).toBe(type);
    expect(key.asymmetricKeyDetails?.namedCurve).toBe(curve);
  });

  it('names ML-DSA and ML-KEM public keys by their NIST OIDs (2.16.840.1.101.3.4.3.18, 2.16.840.1.101.3.4.4.2)', async () => {
    const { kms } = vaultClient({ seed: 'public' });
    const dsa = await kms.send(new CreateKeyCommand({ KeySpec: 'ML_DSA_65', KeyUsage: 'SIGN_VERIFY' }));
    const kem = await kms.send(new CreateKeyCommand({ KeySpec: 'ML_KEM_768', KeyUsage: 'ENCAPSULATE_DECAPSULATE' }));
    const dsaKey = Buffer.from((await kms.send(new GetPublicKeyCommand({ KeyId: dsa.KeyMetadata?.KeyId }))).PublicKey as Uint8Array);
    const kemOut = await kms.send(new GetPublicKeyCommand({ KeyId: kem.KeyMetadata?.KeyId }));
    const kemKey = Buffer.from(kemOut.PublicKey as Uint8Array);
    expect(dsaKey.includes(Buffer.from('0609608648016503040312', 'hex'))).toBe(true);
    expect(dsaKey).toHaveLength(1952 + 22);
    expect(kemKey.includes(Buffer.from('0609608648016503040402', 'hex'))).toBe(true);
    expect(kemKey).toHaveLength(1184 + 22);
    expect(kemOut.EncapsulationAlgorithms).toEqual(['ML_KEM']);
  });

  it('gives the same public keys for the same seed, and other keys for another seed', async () => {
    const publicKeyOf = async (seed: string) => {
      const { kms } = vaultClient({ seed });
      const out: string[] = [];
      for (const [KeySpec, KeyUsage] of [
        ['RSA_2048', 'SIGN_VERIFY'],
        ['ECC_SECG_P256K1', 'SIGN_VERIFY'],
        ['ECC_NIST_EDWARDS25519', 'SIGN_VERIFY'],
        ['ML_KEM_512', 'ENCAPSULATE_DECAPSULATE'],
      ] as const) {
        const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage }));
        out.push(Buffer.from((await kms.send(new GetPublicKeyCommand({ KeyId: KeyMetadata?.KeyId }))).PublicKey as Uint8Array).toString('hex'));
      }
      return out;
    };
    const first = await publicKeyOf('same seed');
    expect(await publicKeyOf('same seed')).toEqual(first);
    const other = await publicKeyOf('another seed');
    first.forEach((key, i) => expect(other[i]).not.toBe(key));
  });

  it('a multi-Region replica has the same key pair as its primary', async () => {
    const { vault, kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', MultiRegion: true }));
    vault.execute('ReplicateKey', { KeyId: KeyMetadata?.KeyId, ReplicaRegion: 'eu-west-1' });
    const primary = (await kms.send(new GetPublicKeyCommand({ KeyId: KeyMetadata?.KeyId }))).PublicKey;
    vault.execute('DescribeKey', { KeyId: KeyMetadata?.KeyId }, { region: 'eu-west-1' });
    expect(vault.execute('GetPublicKey', { KeyId: KeyMetadata?.KeyId }, { region: 'eu-west-1' }).PublicKey).toEqual(primary);
  });

  it('symmetric encryption keys and HMAC keys have no public key: UnsupportedOperationException', async () => {
    const { kms } = vaultClient();
    for (const input of [{}, { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }] as const) {
      const { KeyMetadata } = await kms.send(new CreateKeyCommand(input));
      expect(await kmsErrorOf(kms.send(new GetPublicKeyCommand({ KeyId: KeyMetadata?.KeyId })))).toBeInstanceOf(UnsupportedOperationException);
    }
  });

  it('fails with KMSInvalidStateException for a key pending deletion (key-state table)', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: KeyMetadata?.KeyId, PendingWindowInDays: 7 }));
    const error = await kmsErrorOf(kms.send(new GetPublicKeyCommand({ KeyId: KeyMetadata?.KeyId })));
    expect(error).toBeInstanceOf(KMSInvalidStateException);
    expect(error.message).toBe(`${KeyMetadata?.Arn} is pending deletion.`);
  });
});
