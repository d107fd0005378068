import { createHash, createPrivateKey, sign as nodeSign } from 'node:crypto';
import {
  CreateKeyCommand,
  GenerateDataKeyPairCommand,
  GetPublicKeyCommand,
  KMSInvalidSignatureException,
  SignCommand,
  VerifyCommand,
} from '@aws-sdk/client-kms';
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

const { kms } = vaultClient({ seed: 'verify' });
const message = Buffer.from('signed by KMS');

describe('Verify (API Reference, Verify)', () => {
  let keyId: string;
  let arn: string;
  beforeAll(async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P384', KeyUsage: 'SIGN_VERIFY' }));
    keyId = KeyMetadata?.KeyId as string;
    arn = KeyMetadata?.Arn as string;
  });

  it('answers SignatureValid: true for a signature Sign made', async () => {
    const { Signature } = await kms.send(new SignCommand({ KeyId: keyId, Message: message, SigningAlgorithm: 'ECDSA_SHA_384' }));
    expect(await kms.send(new VerifyCommand({ KeyId: keyId, Message: message, Signature, SigningAlgorithm: 'ECDSA_SHA_384' }))).toMatchObject({
      KeyId: arn,
      SignatureValid: true,
      SigningAlgorithm: 'ECDSA_SHA_384',
    });
  });

  it('a signature over another message fails with KMSInvalidSignatureException (HTTP 400)', async () => {
    const { Signature } = await kms.send(new SignCommand({ KeyId: keyId, Message: message, SigningAlgorithm: 'ECDSA_SHA_384' }));
    const error = await kmsErrorOf(
      kms.send(new VerifyCommand({ KeyId: keyId, Message: Buffer.from('another'), Signature, SigningAlgorithm: 'ECDSA_SHA_384' })),
    );
    expect(error).toBeInstanceOf(KMSInvalidSignatureException);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('bytes that are no signature at all fail with KMSInvalidSignatureException, not an internal error', async () => {
    const error = await kmsErrorOf(
      kms.send(new VerifyCommand({ KeyId: keyId, Message: message, Signature: Buffer.from('garbage'), SigningAlgorithm: 'ECDSA_SHA_384' })),
    );
    expect(error).toBeInstanceOf(KMSInvalidSignatureException);
  });

  it('a message signed RAW verifies as a DIGEST of its hash, and vice versa', async () => {
    const digest = createHash('sha384').update(message).digest();
    const { Signature } = await kms.send(new SignCommand({ KeyId: keyId, Message: message, SigningAlgorithm: 'ECDSA_SHA_384' }));
    expect(
      (await kms.send(new VerifyCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', Signature, SigningAlgorithm: 'ECDSA_SHA_384' })))
        .SignatureValid,
    ).toBe(true);
    const digestSigned = await kms.send(new SignCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_384' }));
    expect(
      (await kms.send(new VerifyCommand({ KeyId: keyId, Message: message, Signature: digestSigned.Signature, SigningAlgorithm: 'ECDSA_SHA_384' })))
        .SignatureValid,
    ).toBe(true);
  });

  it('a valid signature by another key pair (a data key pair on the same curve) is KMSInvalidSignatureException', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const pair = await kms.send(new GenerateDataKeyPairCommand({ KeyId: KeyMetadata?.KeyId, KeyPairSpec: 'ECC_NIST_P384' }));
    const foreign = nodeSign('sha384', message, createPrivateKey({ key: Buffer.from(pair.PrivateKeyPlaintext as Uint8Array), format: 'der', type: 'pkcs8' }));
    expect(
      await kmsErrorOf(kms.send(new VerifyCommand({ KeyId: keyId, Message: message, Signature: foreign, SigningAlgorithm: 'ECDSA_SHA_384' }))),
    ).toBeInstanceOf(KMSInvalidSignatureException);
  });

  it('ML-DSA: a signature of the 64-byte external μ (EXTERNAL_MU) verifies as a RAW signature of the message (Developer Guide, ML-DSA keys)', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ML_DSA_65', KeyUsage: 'SIGN_VERIFY' }));
    const id = KeyMetadata?.KeyId as string;
    const raw = await kms.send(new SignCommand({ KeyId: id, Message: message, SigningAlgorithm: 'ML_DSA_SHAKE_256' }));
    expect(raw.Signature).toHaveLength(ml_dsa65.lengths.signature as number);
    expect(
      (await kms.send(new VerifyCommand({ KeyId: id, Message: message, Signature: raw.Signature, SigningAlgorithm: 'ML_DSA_SHAKE_256' }))).SignatureValid,
    ).toBe(true);
    // FIPS 204: μ = SHAKE256(tr || 0x00 || 0x00 || M, 64) with tr = SHAKE256(pk, 64), empty context.
    const spki = Buffer.from((await kms.send(new GetPublicKeyCommand({ KeyId: id }))).PublicKey as Uint8Array);
    const pk = spki.subarray(spki.length - (ml_dsa65.lengths.publicKey as number));
    const tr = createHash('shake256', { outputLength: 64 }).update(pk).digest();
    const mu = createHash('shake256', { outputLength: 64 })
      .update(tr)
      .update(Buffer.from([0, 0]))
      .update(message)
      .digest();
    const external = await kms.send(new SignCommand({ KeyId: id, Message: mu, MessageType: 'EXTERNAL_MU', SigningAlgorithm: 'ML_DSA_SHAKE_256' }));
    expect(
      (await kms.send(new VerifyCommand({ KeyId: id, Message: message, Signature: external.Signature, SigningAlgorithm: 'ML_DSA_SHAKE_256' }))).SignatureValid,
    ).toBe(true);
    expect(ml_dsa65.verify(external.Signature as Uint8Array, message, pk)).toBe(true);
    const bad = await kmsErrorOf(
      kms.send(new VerifyCommand({ KeyId: id, Message: Buffer.from('x'), Signature: raw.Signature, SigningAlgorithm: 'ML_DSA_SHAKE_256' })),
    );
    expect(bad).toBeInstanceOf(KMSInvalidSignatureException);
    const shortMu = await kmsErrorOf(
      kms.send(new SignCommand({ KeyId: id, Message: Buffer.alloc(32), MessageType: 'EXTERNAL_MU', SigningAlgorithm: 'ML_DSA_SHAKE_256' })),
    );
    expect(shortMu.name).toBe('ValidationException');
    const digest = await kmsErrorOf(
      kms.send(new SignCommand({ KeyId: id, Message: Buffer.alloc(64), MessageType: 'DIGEST', SigningAlgorithm: 'ML_DSA_SHAKE_256' })),
    );
    expect(digest.name).toBe('ValidationException');
  });
});
