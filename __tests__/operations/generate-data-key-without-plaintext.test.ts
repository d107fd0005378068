import { CreateKeyCommand, DecryptCommand, DryRunOperationException, GenerateDataKeyWithoutPlaintextCommand } from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('GenerateDataKeyWithoutPlaintext (API Reference, GenerateDataKeyWithoutPlaintext)', () => {
  it('returns only the encrypted data key, which Decrypt opens to a key of the requested size', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const out = await kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: KeyMetadata?.KeyId, KeySpec: 'AES_128', EncryptionContext: { a: '1' } }));
    expect(out).not.toHaveProperty('Plaintext');
    expect(out.KeyId).toBe(KeyMetadata?.Arn);
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: { a: '1' } }));
    expect(back.Plaintext).toHaveLength(16);
  });

  it('answers DryRun with DryRunOperationException', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    expect(await kmsErrorOf(kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: KeyMetadata?.KeyId, NumberOfBytes: 64, DryRun: true })))).toBeInstanceOf(DryRunOperationException);
  });
});
