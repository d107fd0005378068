import { createPrivateKey, createPublicKey } from 'node:crypto';
import { CreateKeyCommand, DecryptCommand, DisableKeyCommand, DisabledException, GenerateDataKeyPairWithoutPlaintextCommand } from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('GenerateDataKeyPairWithoutPlaintext (API Reference, GenerateDataKeyPairWithoutPlaintext)', () => {
  it('returns the public key and the encrypted private key only; Decrypt yields the matching private key', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const out = await kms.send(
      new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: KeyMetadata?.KeyId, KeyPairSpec: 'ECC_SECG_P256K1', EncryptionContext: { app: 'x' } }),
    );
    expect(out).not.toHaveProperty('PrivateKeyPlaintext');
    expect(out).toMatchObject({ KeyId: KeyMetadata?.Arn, KeyPairSpec: 'ECC_SECG_P256K1' });
    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: out.PrivateKeyCiphertextBlob, EncryptionContext: { app: 'x' } }));
    const privateKey = createPrivateKey({ key: Buffer.from(Plaintext as Uint8Array), format: 'der', type: 'pkcs8' });
    expect(createPublicKey(privateKey).export({ type: 'spki', format: 'der' })).toEqual(Buffer.from(out.PublicKey as Uint8Array));
  });

  it('fails with DisabledException when the symmetric key is disabled', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await kms.send(new DisableKeyCommand({ KeyId: KeyMetadata?.KeyId }));
    expect(
      await kmsErrorOf(kms.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: KeyMetadata?.KeyId, KeyPairSpec: 'ECC_NIST_P256' }))),
    ).toBeInstanceOf(DisabledException);
  });
});
