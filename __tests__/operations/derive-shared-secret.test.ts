import { createECDH, createPublicKey, diffieHellman, generateKeyPairSync } from 'node:crypto';
import { CreateKeyCommand, DeriveSharedSecretCommand, GetPublicKeyCommand, InvalidKeyUsageException } from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('DeriveSharedSecret (API Reference, DeriveSharedSecret)', () => {
  const { kms } = vaultClient({ seed: 'ecdh' });

  it.each([
    ['ECC_NIST_P256', 'prime256v1', 32],
    ['ECC_NIST_P384', 'secp384r1', 48],
    ['ECC_NIST_P521', 'secp521r1', 66],
  ] as const)('%s: returns the raw ECDH secret the peer computes from the KMS public key', async (KeySpec, namedCurve, length) => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage: 'KEY_AGREEMENT' }));
    const peer = generateKeyPairSync('ec', { namedCurve });
    const out = await kms.send(
      new DeriveSharedSecretCommand({
        KeyId: KeyMetadata?.KeyId,
        KeyAgreementAlgorithm: 'ECDH',
        PublicKey: peer.publicKey.export({ type: 'spki', format: 'der' }),
      }),
    );
    expect(out).toMatchObject({ KeyId: KeyMetadata?.Arn, KeyAgreementAlgorithm: 'ECDH', KeyOrigin: 'AWS_KMS' });
    expect(out.SharedSecret).toHaveLength(length);
    const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: KeyMetadata?.KeyId }));
    const theirs = diffieHellman({
      privateKey: peer.privateKey,
      publicKey: createPublicKey({ key: Buffer.from(PublicKey as Uint8Array), format: 'der', type: 'spki' }),
    });
    expect(Buffer.from(out.SharedSecret as Uint8Array)).toEqual(theirs);
  });

  it("SM2 key agreement keys (China Regions) agree: A with B's public key gives what B gives with A's", async () => {
    const china = vaultClient({ clientRegion: 'cn-northwest-1' }).kms;
    const a = (await china.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'KEY_AGREEMENT' }))).KeyMetadata?.KeyId;
    const b = (await china.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'KEY_AGREEMENT' }))).KeyMetadata?.KeyId;
    const publicOf = async (KeyId: string | undefined) => (await china.send(new GetPublicKeyCommand({ KeyId }))).PublicKey;
    const ab = await china.send(new DeriveSharedSecretCommand({ KeyId: a, KeyAgreementAlgorithm: 'ECDH', PublicKey: await publicOf(b) }));
    const ba = await china.send(new DeriveSharedSecretCommand({ KeyId: b, KeyAgreementAlgorithm: 'ECDH', PublicKey: await publicOf(a) }));
    expect(ab.SharedSecret).toHaveLength(32);
    expect(Buffer.from(ab.SharedSecret as Uint8Array)).toEqual(Buffer.from(ba.SharedSecret as Uint8Array));
  });

  it('a peer key on another curve, or bytes that are no SubjectPublicKeyInfo, is ValidationException', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' }));
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ type: 'spki', format: 'der' });
    for (const PublicKey of [p384, createECDH('prime256v1').generateKeys()]) {
      const error = await kmsErrorOf(kms.send(new DeriveSharedSecretCommand({ KeyId: KeyMetadata?.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey })));
      expect(error.name).toBe('ValidationException');
    }
  });

  it('refuses keys whose usage is not KEY_AGREEMENT with InvalidKeyUsageException', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
    const peer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'der' });
    const error = await kmsErrorOf(kms.send(new DeriveSharedSecretCommand({ KeyId: KeyMetadata?.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: peer })));
    expect(error).toBeInstanceOf(InvalidKeyUsageException);
    expect(error.message).toBe(`${KeyMetadata?.Arn} key usage is SIGN_VERIFY which is not valid for DeriveSharedSecret.`);
  });

  it('answers DryRunOperationException when DryRun is set', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' }));
    const peer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'der' });
    expect(
      (await kmsErrorOf(kms.send(new DeriveSharedSecretCommand({ KeyId: KeyMetadata?.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: peer, DryRun: true }))))
        .name,
    ).toBe('DryRunOperationException');
  });
});
