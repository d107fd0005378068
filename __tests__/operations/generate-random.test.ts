import { CustomKeyStoreNotFoundException, GenerateRandomCommand } from '@aws-sdk/client-kms';
import { vaultClient } from '../helpers/vault-client';
import { expectKmsError } from '../helpers/expect-kms-error';

describe('GenerateRandom (API Reference, GenerateRandom)', () => {
  it('GenerateRandom: returns exactly NumberOfBytes bytes for every size from 1 to 1024, without any KMS key (API Reference, GenerateRandom NumberOfBytes)', async () => {
    const { kms } = vaultClient();
    for (let n = 1; n <= 1024; n++) {
      const out = await kms.send(new GenerateRandomCommand({ NumberOfBytes: n }));
      if (out.Plaintext?.length !== n) throw new Error(`NumberOfBytes ${n} gave ${String(out.Plaintext?.length)} bytes`);
    }
  });

  it('GenerateRandom: the response has the bytes as a plain Uint8Array in Plaintext, and nothing for a recipient (API Reference, GenerateRandom response)', async () => {
    const { kms } = vaultClient();
    const out = await kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 }));
    expect(out.Plaintext?.constructor).toBe(Uint8Array);
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(Object.keys(out).sort()).toEqual(['$metadata', 'Plaintext']);
  });

  it('GenerateRandom: the bytes are random: two calls differ and a large draw is not constant', async () => {
    const { kms } = vaultClient();
    const a = Buffer.from((await kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 }))).Plaintext ?? []);
    const b = Buffer.from((await kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 }))).Plaintext ?? []);
    expect(a.equals(b)).toBe(false);
    const big = Buffer.from((await kms.send(new GenerateRandomCommand({ NumberOfBytes: 1024 }))).Plaintext ?? []);
    expect(new Set(big).size).toBeGreaterThan(128);
  });

  it('GenerateRandom: NumberOfBytes outside 1 to 1024 is a ValidationException with the range message (API Reference, GenerateRandom NumberOfBytes)', async () => {
    const { kms } = vaultClient();
    for (const n of [0, -1]) {
      await expectKmsError(kms.send(new GenerateRandomCommand({ NumberOfBytes: n })), {
        type: 'ValidationException',
        status: 400,
        message: `1 validation error detected: Value '${n}' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1`,
      });
    }
    for (const n of [1025, 4096]) {
      await expectKmsError(kms.send(new GenerateRandomCommand({ NumberOfBytes: n })), {
        type: 'ValidationException',
        status: 400,
        message: `1 validation error detected: Value '${n}' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024`,
      });
    }
  });

  it('GenerateRandom: NumberOfBytes is required although the model marks it optional: ValidationException "NumberOfBytes is required." (API Reference, GenerateRandom NumberOfBytes)', async () => {
    const { kms } = vaultClient();
    await expectKmsError(kms.send(new GenerateRandomCommand({})), { type: 'ValidationException', status: 400, message: 'NumberOfBytes is required.' });
  });

  it('GenerateRandom: a CustomKeyStoreId that names no custom key store gives CustomKeyStoreNotFoundException (API Reference, GenerateRandom CustomKeyStoreId)', async () => {
    const { kms } = vaultClient();
    await expectKmsError(kms.send(new GenerateRandomCommand({ NumberOfBytes: 8, CustomKeyStoreId: 'cks-1234567890abcdef0' })), {
      type: CustomKeyStoreNotFoundException,
      status: 400,
    });
  });

  it('GenerateRandom: a failed call leaves the vault unchanged', async () => {
    const { vault, kms } = vaultClient();
    const before = vault.snapshot();
    await expectKmsError(kms.send(new GenerateRandomCommand({ NumberOfBytes: 1025 })), { type: 'ValidationException', status: 400 });
    expect(vault.snapshot()).toEqual(before);
  });

  it('GenerateRandom: with the same seed, two vaults return identical bytes for identical calls; another seed does not', async () => {
    const run = async (seed: string) => {
      const { kms } = vaultClient({ seed });
      const out: string[] = [];
      for (const n of [1, 16, 1024]) out.push(Buffer.from((await kms.send(new GenerateRandomCommand({ NumberOfBytes: n }))).Plaintext ?? []).toString('hex'));
      return out;
    };
    const first = await run('random');
    expect(await run('random')).toEqual(first);
    expect(await run('other')).not.toEqual(first);
  });
});
