import {
  DecryptCommand,
  DisableKeyCommand,
  DisabledException,
  DryRunOperationException,
  GenerateDataKeyWithoutPlaintextCommand,
  GetKeyLastUsageCommand,
  InvalidCiphertextException,
  KMSInvalidStateException,
  NotFoundException,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { vaultWithAliasedKey, type VaultClientOptions } from '../helpers/vault-client';
import { DRY_RUN_MESSAGE, INVALID_CIPHERTEXT_MESSAGE, expectKmsError } from '../helpers/expect-kms-error';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const ONE_OF_SPEC_OR_BYTES = { type: 'ValidationException', status: 400, message: 'Please specify either number of bytes or key spec.' } as const;

function setup(options: VaultClientOptions = {}) {
  return vaultWithAliasedKey('alias/data', options);
}

describe('GenerateDataKeyWithoutPlaintext (API Reference, GenerateDataKeyWithoutPlaintext)', () => {
  it('GenerateDataKeyWithoutPlaintext: returns the encrypted data key, its key ARN and key material, and no Plaintext (API Reference, GenerateDataKeyWithoutPlaintext response)', async () => {
    const { kms, keyId, arn } = await setup();
    const out = await kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
    expect(out).not.toHaveProperty('Plaintext');
    expect(Object.keys(out).sort()).toEqual(['$metadata', 'CiphertextBlob', 'KeyId', 'KeyMaterialId']);
    expect(out.KeyId).toBe(arn);
    expect(out.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(out.CiphertextBlob?.constructor).toBe(Uint8Array);
    expect(out.$metadata.httpStatusCode).toBe(200);
  });

  it('GenerateDataKeyWithoutPlaintext: Decrypt of the CiphertextBlob gives a data key of the requested size, under the same key material (API Reference, GenerateDataKeyWithoutPlaintext)', async () => {
    const { kms, keyId, arn } = await setup();
    const cases = [
      [{ KeySpec: 'AES_128' as const }, 16],
      [{ KeySpec: 'AES_256' as const }, 32],
      [{ NumberOfBytes: 1 }, 1],
      [{ NumberOfBytes: 1024 }, 1024],
    ] as const;
    for (const [size, length] of cases) {
      const out = await kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, ...size }));
      const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob }));
      expect(back.Plaintext).toHaveLength(length);
      expect(back.KeyId).toBe(arn);
      expect(back.KeyMaterialId).toBe(out.KeyMaterialId);
    }
  });

  it('GenerateDataKeyWithoutPlaintext: with an encryption context, the data key decrypts only with that context (Developer Guide, encryption context)', async () => {
    const { kms, keyId } = await setup();
    const out = await kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, KeySpec: 'AES_128', EncryptionContext: { a: '1' } }));
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: { a: '1' } }));
    expect(back.Plaintext).toHaveLength(16);
    const wrongs: (Record<string, string> | undefined)[] = [undefined, { a: '2' }, { a: '1', b: '2' }];
    for (const wrong of wrongs) {
      await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: wrong })), {
        type: InvalidCiphertextException,
        status: 400,
        message: INVALID_CIPHERTEXT_MESSAGE,
      });
    }
  });

  it('GenerateDataKeyWithoutPlaintext: KeyId may be a key id, key ARN, alias name or alias ARN (API Reference, GenerateDataKeyWithoutPlaintext KeyId)', async () => {
    const { kms, keyId, arn } = await setup();
    for (const name of [keyId, arn, 'alias/data', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/data`]) {
      const out = await kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: name, KeySpec: 'AES_256' }));
      expect(out.KeyId).toBe(arn);
    }
  });

  it('GenerateDataKeyWithoutPlaintext: each call makes a new data key (API Reference, GenerateDataKeyWithoutPlaintext)', async () => {
    const { kms, keyId } = await setup();
    const keys = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const out = await kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
      const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob }));
      keys.add(Buffer.from(back.Plaintext ?? []).toString('hex'));
    }
    expect(keys.size).toBe(3);
  });

  it('GenerateDataKeyWithoutPlaintext: exactly one of KeySpec and NumberOfBytes; NumberOfBytes 1 to 1024 (API Reference, GenerateDataKeyWithoutPlaintext)', async () => {
    const { kms, keyId } = await setup();
    await expectKmsError(kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId })), ONE_OF_SPEC_OR_BYTES);
    await expectKmsError(kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, KeySpec: 'AES_128', NumberOfBytes: 16 })), ONE_OF_SPEC_OR_BYTES);
    await expectKmsError(kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, NumberOfBytes: 0 })), {
      type: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
    await expectKmsError(kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, NumberOfBytes: 1025 })), {
      type: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
    });
  });

  it('GenerateDataKeyWithoutPlaintext: a key that does not exist gives NotFoundException (400) with its ARN', async () => {
    const { kms } = await setup();
    const id = '1234abcd-12ab-34cd-56ef-1234567890ab';
    await expectKmsError(kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: id, KeySpec: 'AES_256' })), {
      type: NotFoundException,
      status: 400,
      message: `Key 'arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}' does not exist`,
    });
  });

  it('GenerateDataKeyWithoutPlaintext: a disabled key gives DisabledException (400); a key pending deletion KMSInvalidStateException (400) (Developer Guide, key states)', async () => {
    const a = await setup();
    await a.kms.send(new DisableKeyCommand({ KeyId: a.keyId }));
    await expectKmsError(a.kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: a.keyId, KeySpec: 'AES_256' })), {
      type: DisabledException,
      status: 400,
      message: `${a.arn} is disabled.`,
    });
    const b = await setup();
    await b.kms.send(new ScheduleKeyDeletionCommand({ KeyId: b.keyId, PendingWindowInDays: 7 }));
    await expectKmsError(b.kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: 'alias/data', KeySpec: 'AES_256' })), {
      type: KMSInvalidStateException,
      status: 400,
      message: `${b.arn} is pending deletion.`,
    });
  });

  it('GenerateDataKeyWithoutPlaintext: DryRun answers DryRunOperationException (400; recordings win over the API Reference, which says 412) and uses no key (Developer Guide, programming-dryrun)', async () => {
    const { vault, kms, keyId } = await setup();
    const before = vault.snapshot();
    await expectKmsError(kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, NumberOfBytes: 64, DryRun: true })), {
      type: DryRunOperationException,
      status: 400,
      message: DRY_RUN_MESSAGE,
    });
    expect(vault.snapshot()).toEqual(before);
    expect((await kms.send(new GetKeyLastUsageCommand({ KeyId: keyId }))).KeyLastUsage).toBeUndefined();
  });

  it('GenerateDataKeyWithoutPlaintext: with the same seed, two vaults produce identical ciphertexts for identical calls', async () => {
    const run = async () => {
      const { kms, keyId } = await setup({ seed: 'without-plaintext', clock: new Date('2026-01-01T00:00:00Z') });
      const out = await kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
      return Buffer.from(out.CiphertextBlob ?? []).toString('hex');
    };
    expect(await run()).toBe(await run());
  });
});
