import { CreateKeyCommand, DescribeKeyCommand, UnsupportedOperationException, type KeySpec, type KeyUsageType } from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

/** Every pairing of key spec and key usage CreateKey accepts (API Reference, CreateKey KeyUsage), with the algorithms DescribeKey then reports. */
const ALLOWED: [KeySpec, KeyUsageType, Record<string, string[]>][] = [
  ['RSA_2048', 'ENCRYPT_DECRYPT', { EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] }],
  [
    'RSA_3072',
    'SIGN_VERIFY',
    {
      SigningAlgorithms: [
        'RSASSA_PKCS1_V1_5_SHA_256',
        'RSASSA_PKCS1_V1_5_SHA_384',
        'RSASSA_PKCS1_V1_5_SHA_512',
        'RSASSA_PSS_SHA_256',
        'RSASSA_PSS_SHA_384',
        'RSASSA_PSS_SHA_512',
      ],
    },
  ],
  ['RSA_4096', 'ENCRYPT_DECRYPT', { EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] }],
  ['ECC_NIST_P256', 'SIGN_VERIFY', { SigningAlgorithms: ['ECDSA_SHA_256'] }],
  ['ECC_NIST_P256', 'KEY_AGREEMENT', { KeyAgreementAlgorithms: ['ECDH'] }],
  ['ECC_NIST_P384', 'SIGN_VERIFY', { SigningAlgorithms: ['ECDSA_SHA_384'] }],
  ['ECC_NIST_P384', 'KEY_AGREEMENT', { KeyAgreementAlgorithms: ['ECDH'] }],
  ['ECC_NIST_P521', 'SIGN_VERIFY', { SigningAlgorithms: ['ECDSA_SHA_512'] }],
  ['ECC_NIST_P521', 'KEY_AGREEMENT', { KeyAgreementAlgorithms: ['ECDH'] }],
  ['ECC_SECG_P256K1', 'SIGN_VERIFY', { SigningAlgorithms: ['ECDSA_SHA_256'] }],
  ['ECC_NIST_EDWARDS25519', 'SIGN_VERIFY', { SigningAlgorithms: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'] }],
  ['HMAC_224', 'GENERATE_VERIFY_MAC', { MacAlgorithms: ['HMAC_SHA_224'] }],
  ['HMAC_256', 'GENERATE_VERIFY_MAC', { MacAlgorithms: ['HMAC_SHA_256'] }],
  ['HMAC_384', 'GENERATE_VERIFY_MAC', { MacAlgorithms: ['HMAC_SHA_384'] }],
  ['HMAC_512', 'GENERATE_VERIFY_MAC', { MacAlgorithms: ['HMAC_SHA_512'] }],
  ['ML_DSA_44', 'SIGN_VERIFY', { SigningAlgorithms: ['ML_DSA_SHAKE_256'] }],
  ['ML_DSA_65', 'SIGN_VERIFY', { SigningAlgorithms: ['ML_DSA_SHAKE_256'] }],
  ['ML_DSA_87', 'SIGN_VERIFY', { SigningAlgorithms: ['ML_DSA_SHAKE_256'] }],
  ['ML_KEM_512', 'ENCAPSULATE_DECAPSULATE', { EncapsulationAlgorithms: ['ML_KEM'] }],
  ['ML_KEM_768', 'ENCAPSULATE_DECAPSULATE', { EncapsulationAlgorithms: ['ML_KEM'] }],
  ['ML_KEM_1024', 'ENCAPSULATE_DECAPSULATE', { EncapsulationAlgorithms: ['ML_KEM'] }],
];

const REJECTED: [KeySpec, KeyUsageType][] = [
  ['RSA_2048', 'KEY_AGREEMENT'],
  ['RSA_2048', 'GENERATE_VERIFY_MAC'],
  ['ECC_NIST_P256', 'ENCRYPT_DECRYPT'],
  ['ECC_SECG_P256K1', 'KEY_AGREEMENT'],
  ['ECC_NIST_EDWARDS25519', 'KEY_AGREEMENT'],
  ['HMAC_256', 'SIGN_VERIFY'],
  ['ML_DSA_44', 'ENCRYPT_DECRYPT'],
  ['ML_KEM_768', 'SIGN_VERIFY'],
  ['SYMMETRIC_DEFAULT', 'SIGN_VERIFY'],
];

describe('CreateKey key specs (API Reference, CreateKey; Developer Guide, Key spec reference)', () => {
  const { kms } = vaultClient({ seed: 'key-specs' });

  it.each(ALLOWED)('creates a %s key with KeyUsage %s, and DescribeKey reports its algorithms', async (KeySpec, KeyUsage, algorithms) => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage }));
    expect(KeyMetadata).toMatchObject({ KeySpec, CustomerMasterKeySpec: KeySpec, KeyUsage, KeyState: 'Enabled', Enabled: true, ...algorithms });
    for (const member of ['EncryptionAlgorithms', 'SigningAlgorithms', 'MacAlgorithms', 'KeyAgreementAlgorithms', 'EncapsulationAlgorithms']) {
      if (!(member in algorithms)) expect(KeyMetadata).not.toHaveProperty(member);
    }
    // Only symmetric encryption keys have rotating key material versions.
    expect(KeyMetadata).not.toHaveProperty('CurrentKeyMaterialId');
    expect((await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId }))).KeyMetadata).toEqual(KeyMetadata);
  });

  it.each(REJECTED)('rejects KeySpec %s with KeyUsage %s: ValidationException', async (KeySpec, KeyUsage) => {
    const error = await kmsErrorOf(kms.send(new CreateKeyCommand({ KeySpec, KeyUsage })));
    expect(error).toMatchObject({
      name: 'ValidationException',
      message: `KeyUsage ${KeyUsage} is not compatible with KeySpec ${KeySpec}`,
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('needs a KeyUsage for every key spec but SYMMETRIC_DEFAULT (recorded message)', async () => {
    const error = await kmsErrorOf(kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_256' })));
    expect(error).toMatchObject({
      name: 'ValidationException',
      message: 'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.',
    });
  });

  it('accepts the deprecated CustomerMasterKeySpec as KeySpec', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ CustomerMasterKeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
    expect(KeyMetadata?.KeySpec).toBe('ECC_NIST_P256');
  });

  it('offers SM2 only in the China Regions: UnsupportedOperationException elsewhere', async () => {
    const error = await kmsErrorOf(kms.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY' })));
    expect(error).toBeInstanceOf(UnsupportedOperationException);
    expect(error.message).toBe('KeySpec SM2 is not supported in this Region');
    const china = vaultClient({ clientRegion: 'cn-north-1' }).kms;
    for (const KeyUsage of ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'KEY_AGREEMENT'] as const) {
      const { KeyMetadata } = await china.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage }));
      expect(KeyMetadata?.Arn).toMatch(/^arn:aws-cn:kms:cn-north-1:/);
    }
  });

  it('does not offer the ML-KEM key specs in the China Regions', async () => {
    const china = vaultClient({ clientRegion: 'cn-northwest-1' }).kms;
    expect(await kmsErrorOf(china.send(new CreateKeyCommand({ KeySpec: 'ML_KEM_768', KeyUsage: 'ENCAPSULATE_DECAPSULATE' })))).toBeInstanceOf(
      UnsupportedOperationException,
    );
  });

  it('creates asymmetric keys quickly: key pairs are made on first use, not by CreateKey', async () => {
    const started = performance.now();
    for (let i = 0; i < 5; i++) await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_4096', KeyUsage: 'SIGN_VERIFY' }));
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('makes asymmetric multi-Region keys (mrk- ids) as it makes symmetric ones', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', MultiRegion: true }));
    expect(KeyMetadata?.KeyId).toMatch(/^mrk-/);
  });
});
