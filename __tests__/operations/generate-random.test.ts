import { GenerateRandomCommand } from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('GenerateRandom (API Reference, GenerateRandom)', () => {
  it('returns NumberOfBytes random bytes, 1 to 1024', async () => {
    const { kms } = vaultClient();
    for (const n of [1, 32, 1024]) expect((await kms.send(new GenerateRandomCommand({ NumberOfBytes: n }))).Plaintext).toHaveLength(n);
    const a = (await kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 }))).Plaintext;
    const b = (await kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 }))).Plaintext;
    expect(Buffer.from(a ?? []).equals(Buffer.from(b ?? []))).toBe(false);
  });

  it('rejects 0 and 1025 with ValidationException, and a missing NumberOfBytes', async () => {
    const { kms } = vaultClient();
    expect((await kmsErrorOf(kms.send(new GenerateRandomCommand({ NumberOfBytes: 0 })))).message).toContain("Value '0' at 'numberOfBytes'");
    expect((await kmsErrorOf(kms.send(new GenerateRandomCommand({ NumberOfBytes: 1025 })))).message).toContain('less than or equal to 1024');
    const missing = await kmsErrorOf(kms.send(new GenerateRandomCommand({})));
    expect(missing.name).toBe('ValidationException');
  });

  it('a CustomKeyStoreId that names no custom key store gives CustomKeyStoreNotFoundException', async () => {
    const { kms } = vaultClient();
    expect((await kmsErrorOf(kms.send(new GenerateRandomCommand({ NumberOfBytes: 8, CustomKeyStoreId: 'cks-1234567890abcdef0' })))).name).toBe('CustomKeyStoreNotFoundException');
  });
});
