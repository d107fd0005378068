import {
  DecryptCommand,
  DisableKeyCommand,
  DisabledException,
  DryRunOperationException,
  GenerateDataKeyCommand,
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

describe('GenerateDataKey (API Reference, GenerateDataKey)', () => {
  it('GenerateDataKey: returns the data key in plaintext and encrypted; Decrypt of the CiphertextBlob gives the same bytes (API Reference, GenerateDataKey)', async () => {
    const { kms, keyId, arn } = await setup();
    const out = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
    expect(out.KeyId).toBe(arn);
    expect(out.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(out.$metadata.httpStatusCode).toBe(200);
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob }));
    expect(Buffer.from(back.Plaintext ?? []).equals(Buffer.from(out.Plaintext ?? []))).toBe(true);
    expect(back.KeyId).toBe(arn);
    expect(back.KeyMaterialId).toBe(out.KeyMaterialId);
  });

  it('GenerateDataKey: Plaintext and CiphertextBlob are plain Uint8Arrays, as the SDK returns blobs', async () => {
    const { kms, keyId } = await setup();
    const out = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
    expect(out.Plaintext?.constructor).toBe(Uint8Array);
    expect(out.CiphertextBlob?.constructor).toBe(Uint8Array);
  });

  it('GenerateDataKey: with an encryption context, the data key decrypts only with that context (Developer Guide, encryption context)', async () => {
    const { kms, keyId } = await setup();
    const out = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: { file: 'report.pdf' } }));
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: { file: 'report.pdf' } }));
    expect(Buffer.from(back.Plaintext ?? []).equals(Buffer.from(out.Plaintext ?? []))).toBe(true);
    const wrongs: (Record<string, string> | undefined)[] = [undefined, { file: 'other.pdf' }, { file: 'report.pdf', extra: '1' }];
    for (const wrong of wrongs) {
      await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: wrong })), {
        type: InvalidCiphertextException,
        status: 400,
        message: INVALID_CIPHERTEXT_MESSAGE,
      });
    }
  });

  it('GenerateDataKey: KeyId may be a key id, key ARN, alias name or alias ARN (API Reference, GenerateDataKey KeyId)', async () => {
    const { kms, keyId, arn } = await setup();
    for (const name of [keyId, arn, 'alias/data', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/data`]) {
      const out = await kms.send(new GenerateDataKeyCommand({ KeyId: name, KeySpec: 'AES_128' }));
      expect(out.KeyId).toBe(arn);
      const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, KeyId: name }));
      expect(Buffer.from(back.Plaintext ?? []).equals(Buffer.from(out.Plaintext ?? []))).toBe(true);
    }
  });

  it('GenerateDataKey: KeySpec AES_128 gives a 16-byte key and AES_256 a 32-byte key (API Reference, GenerateDataKey KeySpec)', async () => {
    const { kms, keyId } = await setup();
    for (const [spec, size] of [
      ['AES_128', 16],
      ['AES_256', 32],
    ] as const) {
      const out = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: spec }));
      expect(out.Plaintext).toHaveLength(size);
      const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob }));
      expect(back.Plaintext).toHaveLength(size);
    }
  });

  it('GenerateDataKey: NumberOfBytes gives a key of that many bytes, from 1 to 1024 (API Reference, GenerateDataKey NumberOfBytes)', async () => {
    const { kms, keyId } = await setup();
    for (const size of [1, 64, 1024]) {
      const out = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, NumberOfBytes: size }));
      expect(out.Plaintext).toHaveLength(size);
      const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob }));
      expect(Buffer.from(back.Plaintext ?? []).equals(Buffer.from(out.Plaintext ?? []))).toBe(true);
    }
  });

  it('GenerateDataKey: NumberOfBytes 0 and 1025 are ValidationExceptions with the range messages (API Reference, GenerateDataKey NumberOfBytes)', async () => {
    const { kms, keyId } = await setup();
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: keyId, NumberOfBytes: 0 })), {
      type: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: keyId, NumberOfBytes: 1025 })), {
      type: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
    });
  });

  it('GenerateDataKey: exactly one of KeySpec and NumberOfBytes: neither, or both, is a ValidationException (API Reference, GenerateDataKey)', async () => {
    const { kms, keyId } = await setup();
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: keyId })), ONE_OF_SPEC_OR_BYTES);
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', NumberOfBytes: 32 })), ONE_OF_SPEC_OR_BYTES);
  });

  it('GenerateDataKey: a KeySpec outside the DataKeySpec enum is a ValidationException (API Reference, GenerateDataKey KeySpec)', async () => {
    const { kms, keyId } = await setup();
    const error = await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_512' as never })), {
      type: 'ValidationException',
      status: 400,
    });
    expect(
      error.message.startsWith("1 validation error detected: Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: ["),
    ).toBe(true);
  });

  it('GenerateDataKey: KeyId is required (API Reference, GenerateDataKey request parameters)', async () => {
    const { kms } = await setup();
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeySpec: 'AES_256' } as never)), {
      type: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    });
  });

  it('GenerateDataKey: each call returns a new data key (API Reference, GenerateDataKey: a unique data key)', async () => {
    const { kms, keyId } = await setup();
    const a = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
    const b = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
    expect(Buffer.from(a.Plaintext ?? []).equals(Buffer.from(b.Plaintext ?? []))).toBe(false);
    expect(Buffer.from(a.CiphertextBlob ?? []).equals(Buffer.from(b.CiphertextBlob ?? []))).toBe(false);
  });

  it('GenerateDataKey: a key that does not exist gives NotFoundException (400) with its ARN', async () => {
    const { kms } = await setup();
    const id = '1234abcd-12ab-34cd-56ef-1234567890ab';
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: id, KeySpec: 'AES_256' })), {
      type: NotFoundException,
      status: 400,
      message: `Key 'arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}' does not exist`,
    });
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/none', KeySpec: 'AES_256' })), {
      type: NotFoundException,
      status: 400,
      message: `Alias arn:aws:kms:${REGION}:${ACCOUNT}:alias/none is not found.`,
    });
  });

  it('GenerateDataKey: a disabled key gives DisabledException (400) "<key ARN> is disabled." (Developer Guide, key states)', async () => {
    const { kms, keyId, arn } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/data', KeySpec: 'AES_256' })), {
      type: DisabledException,
      status: 400,
      message: `${arn} is disabled.`,
    });
  });

  it('GenerateDataKey: a key pending deletion gives KMSInvalidStateException (400) "<key ARN> is pending deletion." (Developer Guide, key states)', async () => {
    const { kms, keyId, arn } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' })), {
      type: KMSInvalidStateException,
      status: 400,
      message: `${arn} is pending deletion.`,
    });
  });

  it('GenerateDataKey: DryRun answers DryRunOperationException (400; recordings win over the API Reference, which says 412), returns no key and uses no key (Developer Guide, programming-dryrun)', async () => {
    const { vault, kms, keyId } = await setup();
    const before = vault.snapshot();
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', DryRun: true })), {
      type: DryRunOperationException,
      status: 400,
      message: DRY_RUN_MESSAGE,
    });
    expect(vault.snapshot()).toEqual(before);
    expect((await kms.send(new GetKeyLastUsageCommand({ KeyId: keyId }))).KeyLastUsage).toBeUndefined();
    // A DryRun of an invalid request reports the real failure.
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: keyId, DryRun: true })), ONE_OF_SPEC_OR_BYTES);
  });

  it('GenerateDataKey: a failed call leaves the vault unchanged and is not a use of the key', async () => {
    const { vault, kms, keyId } = await setup();
    const before = vault.snapshot();
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: keyId, NumberOfBytes: 1025 })), { type: 'ValidationException', status: 400 });
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_128', NumberOfBytes: 16 })), ONE_OF_SPEC_OR_BYTES);
    expect(vault.snapshot()).toEqual(before);
    expect((await kms.send(new GetKeyLastUsageCommand({ KeyId: keyId }))).KeyLastUsage).toBeUndefined();
  });

  it('GenerateDataKey: with the same seed, two vaults produce identical data keys and ciphertexts for identical calls', async () => {
    const run = async () => {
      const { kms, keyId } = await setup({ seed: 'data-key', clock: new Date('2026-01-01T00:00:00Z') });
      const a = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
      const b = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, NumberOfBytes: 48, EncryptionContext: { k: 'v' } }));
      return [a, b].flatMap((out) => [Buffer.from(out.Plaintext ?? []).toString('hex'), Buffer.from(out.CiphertextBlob ?? []).toString('hex')]);
    };
    const first = await run();
    expect(new Set(first).size).toBe(4);
    expect(await run()).toEqual(first);
  });
});
