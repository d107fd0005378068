import { createHash, createPublicKey, verify as nodeVerify, constants } from 'node:crypto';
import {
  CreateKeyCommand,
  DisableKeyCommand,
  DisabledException,
  GetPublicKeyCommand,
  InvalidKeyUsageException,
  SignCommand,
  type KeySpec,
  type SigningAlgorithmSpec,
} from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

const { kms } = vaultClient({ seed: 'sign' });

async function signingKey(KeySpec: KeySpec): Promise<{ keyId: string; arn: string; publicKey: ReturnType<typeof createPublicKey> }> {
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage: 'SIGN_VERIFY' }));
  const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: KeyMetadata?.KeyId }));
  return {
    keyId: KeyMetadata?.KeyId as string,
    arn: KeyMetadata?.Arn as string,
    publicKey: createPublicKey({ key: Buffer.from(PublicKey as Uint8Array), format: 'der', type: 'spki' }),
  };
}

describe('Sign (API Reference, Sign)', () => {
  let rsa: Awaited<ReturnType<typeof signingKey>>;
  let p256: Awaited<ReturnType<typeof signingKey>>;
  beforeAll(async () => {
    rsa = await signingKey('RSA_2048');
    p256 = await signingKey('ECC_NIST_P256');
  });
  const message = Buffer.from('the message to sign');

  it.each<[SigningAlgorithmSpec, string]>([
    ['RSASSA_PKCS1_V1_5_SHA_256', 'sha256'],
    ['RSASSA_PKCS1_V1_5_SHA_384', 'sha384'],
    ['RSASSA_PKCS1_V1_5_SHA_512', 'sha512'],
  ])('signs a RAW message with %s: RSASSA-PKCS1-v1_5 over the %s hash', async (SigningAlgorithm, hash) => {
    const out = await kms.send(new SignCommand({ KeyId: rsa.keyId, Message: message, SigningAlgorithm }));
    expect(out).toMatchObject({ KeyId: rsa.arn, SigningAlgorithm });
    expect(out.Signature).toHaveLength(256);
    expect(nodeVerify(hash, message, rsa.publicKey, Buffer.from(out.Signature as Uint8Array))).toBe(true);
  });

  it.each<[SigningAlgorithmSpec, string, number]>([
    ['RSASSA_PSS_SHA_256', 'sha256', 32],
    ['RSASSA_PSS_SHA_384', 'sha384', 48],
    ['RSASSA_PSS_SHA_512', 'sha512', 64],
  ])('%s uses RSASSA-PSS with MGF1(%s) and a salt as long as the digest (%i bytes)', async (SigningAlgorithm, hash, saltLength) => {
    const { Signature } = await kms.send(new SignCommand({ KeyId: rsa.keyId, Message: message, SigningAlgorithm }));
    const key = { key: rsa.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength };
    expect(nodeVerify(hash, message, key, Buffer.from(Signature as Uint8Array))).toBe(true);
    expect(nodeVerify(hash, message, { ...key, saltLength: saltLength - 1 }, Buffer.from(Signature as Uint8Array))).toBe(false);
  });

  it('signs a DIGEST without hashing it again: the signature verifies over the original message', async () => {
    const digest = createHash('sha256').update(message).digest();
    for (const [key, SigningAlgorithm] of [
      [rsa, 'RSASSA_PSS_SHA_256'],
      [rsa, 'RSASSA_PKCS1_V1_5_SHA_256'],
      [p256, 'ECDSA_SHA_256'],
    ] as const) {
      const { Signature } = await kms.send(new SignCommand({ KeyId: key.keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm }));
      const options =
        SigningAlgorithm === 'RSASSA_PSS_SHA_256' ? { key: key.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : key.publicKey;
      expect(nodeVerify('sha256', message, options, Buffer.from(Signature as Uint8Array))).toBe(true);
    }
  });

  it('returns ECDSA signatures DER-encoded (RFC 3279 Ecdsa-Sig-Value)', async () => {
    const { Signature } = await kms.send(new SignCommand({ KeyId: p256.keyId, Message: message, SigningAlgorithm: 'ECDSA_SHA_256' }));
    const der = Buffer.from(Signature as Uint8Array);
    expect(der[0]).toBe(0x30);
    expect(der[1]).toBe(der.length - 2);
    expect(nodeVerify('sha256', message, { key: p256.publicKey, dsaEncoding: 'der' }, der)).toBe(true);
  });

  it('rejects a DIGEST of the wrong length with ValidationException "Digest is invalid length for algorithm ..."', async () => {
    const error = await kmsErrorOf(
      kms.send(new SignCommand({ KeyId: p256.keyId, Message: Buffer.alloc(20), MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' })),
    );
    expect(error).toMatchObject({
      name: 'ValidationException',
      message: 'Digest is invalid length for algorithm ECDSA_SHA_256.',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('rejects an algorithm the key spec does not support with InvalidKeyUsageException', async () => {
    const error = await kmsErrorOf(kms.send(new SignCommand({ KeyId: p256.keyId, Message: message, SigningAlgorithm: 'ECDSA_SHA_384' })));
    expect(error).toBeInstanceOf(InvalidKeyUsageException);
    expect(error.message).toBe('Algorithm ECDSA_SHA_384 is incompatible with key spec ECC_NIST_P256.');
  });

  it('refuses keys whose usage is not SIGN_VERIFY: "<arn> key usage is ENCRYPT_DECRYPT which is not valid for Sign."', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const error = await kmsErrorOf(kms.send(new SignCommand({ KeyId: KeyMetadata?.KeyId, Message: message, SigningAlgorithm: 'ECDSA_SHA_256' })));
    expect(error).toBeInstanceOf(InvalidKeyUsageException);
    expect(error.message).toBe(`${KeyMetadata?.Arn} key usage is ENCRYPT_DECRYPT which is not valid for Sign.`);
  });

  it('fails with DisabledException on a disabled key (key-state table)', async () => {
    const key = await signingKey('ECC_NIST_P256');
    await kms.send(new DisableKeyCommand({ KeyId: key.keyId }));
    expect(await kmsErrorOf(kms.send(new SignCommand({ KeyId: key.keyId, Message: message, SigningAlgorithm: 'ECDSA_SHA_256' })))).toBeInstanceOf(
      DisabledException,
    );
  });

  it('answers DryRunOperationException instead of signing when DryRun is set', async () => {
    const error = await kmsErrorOf(kms.send(new SignCommand({ KeyId: p256.keyId, Message: message, SigningAlgorithm: 'ECDSA_SHA_256', DryRun: true })));
    expect(error).toMatchObject({ name: 'DryRunOperationException', $metadata: { httpStatusCode: 400 } });
  });

  it('ED25519_SHA_512 needs MessageType RAW and ED25519_PH_SHA_512 needs DIGEST (not interchangeable)', async () => {
    const ed = await signingKey('ECC_NIST_EDWARDS25519');
    const raw = await kms.send(new SignCommand({ KeyId: ed.keyId, Message: message, SigningAlgorithm: 'ED25519_SHA_512' }));
    expect(nodeVerify(null, message, ed.publicKey, Buffer.from(raw.Signature as Uint8Array))).toBe(true);
    const digest = createHash('sha512').update(message).digest();
    expect(
      (await kms.send(new SignCommand({ KeyId: ed.keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ED25519_PH_SHA_512' }))).Signature,
    ).toHaveLength(64);
    expect(
      (await kmsErrorOf(kms.send(new SignCommand({ KeyId: ed.keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ED25519_SHA_512' })))).name,
    ).toBe('ValidationException');
    expect((await kmsErrorOf(kms.send(new SignCommand({ KeyId: ed.keyId, Message: message, SigningAlgorithm: 'ED25519_PH_SHA_512' })))).name).toBe(
      'ValidationException',
    );
  });

  it('EXTERNAL_MU is only for ML-DSA keys: ValidationException with ECDSA', async () => {
    const error = await kmsErrorOf(
      kms.send(new SignCommand({ KeyId: p256.keyId, Message: Buffer.alloc(64), MessageType: 'EXTERNAL_MU', SigningAlgorithm: 'ECDSA_SHA_256' })),
    );
    expect(error.name).toBe('ValidationException');
  });
});
