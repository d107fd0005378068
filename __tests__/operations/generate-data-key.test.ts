import { CreateKeyCommand, DecryptCommand, DisableKeyCommand, DisabledException, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

async function setup() {
  const { vault, kms } = vaultClient();
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  return { vault, kms, keyId: KeyMetadata?.KeyId as string, arn: KeyMetadata?.Arn as string };
}

describe('GenerateDataKey (API Reference, GenerateDataKey)', () => {
  it('returns the data key in plaintext and encrypted; Decrypt of the ciphertext gives the same bytes', async () => {
    const { kms, keyId, arn } = await setup();
    const out = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: { k: 'v' } }));
    expect(out.Plaintext).toHaveLength(32);
    expect(out.KeyId).toBe(arn);
    expect(out.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: { k: 'v' } }));
    expect(Buffer.from(back.Plaintext ?? []).equals(Buffer.from(out.Plaintext ?? []))).toBe(true);
  });

  it('sizes the key by KeySpec (AES_128: 16 bytes) or NumberOfBytes (1 to 1024)', async () => {
    const { kms, keyId } = await setup();
    expect((await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_128' }))).Plaintext).toHaveLength(16);
    expect((await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, NumberOfBytes: 1 }))).Plaintext).toHaveLength(1);
    expect((await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, NumberOfBytes: 1024 }))).Plaintext).toHaveLength(1024);
    const low = await kmsErrorOf(kms.send(new GenerateDataKeyCommand({ KeyId: keyId, NumberOfBytes: 0 })));
    expect(low.message).toBe("1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1");
    const high = await kmsErrorOf(kms.send(new GenerateDataKeyCommand({ KeyId: keyId, NumberOfBytes: 1025 })));
    expect(high.message).toBe("1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024");
  });

  it('needs exactly one of KeySpec and NumberOfBytes: ValidationException otherwise', async () => {
    const { kms, keyId } = await setup();
    for (const input of [{ KeyId: keyId }, { KeyId: keyId, KeySpec: 'AES_256' as const, NumberOfBytes: 32 }]) {
      const error = await kmsErrorOf(kms.send(new GenerateDataKeyCommand(input)));
      expect(error.name).toBe('ValidationException');
      expect(error.message).toBe('Please specify either number of bytes or key spec.');
    }
  });

  it('rejects an unknown KeySpec with the enum ValidationException', async () => {
    const { kms, keyId } = await setup();
    const error = await kmsErrorOf(kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_512' as never })));
    expect(error.message).toBe("1 validation error detected: Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]");
  });

  it('fails with DisabledException for a disabled key', async () => {
    const { kms, keyId } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    expect(await kmsErrorOf(kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' })))).toBeInstanceOf(DisabledException);
  });
});
