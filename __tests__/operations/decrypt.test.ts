import { randomBytes } from 'node:crypto';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyCommand,
  DisabledException,
  DryRunOperationException,
  EncryptCommand,
  GetKeyLastUsageCommand,
  IncorrectKeyException,
  InvalidCiphertextException,
  InvalidKeyUsageException,
  KMSInvalidStateException,
  NotFoundException,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { vaultClient } from '../helpers/vault-client';
import { DRY_RUN_MESSAGE, INCORRECT_KEY_MESSAGE, INVALID_CIPHERTEXT_MESSAGE, expectKmsError } from '../helpers/expect-kms-error';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const INVALID_CIPHERTEXT = { type: InvalidCiphertextException, status: 400, message: INVALID_CIPHERTEXT_MESSAGE } as const;
const INCORRECT_KEY = { type: IncorrectKeyException, status: 400, message: INCORRECT_KEY_MESSAGE } as const;

/** A key with alias `alias/dec`, another key with alias `alias/other`, and 'secret' encrypted under the first. */
async function setup(context?: Record<string, string>) {
  const { vault, kms } = vaultClient();
  const key = (await kms.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string; Arn: string };
  const other = (await kms.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string; Arn: string };
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/dec', TargetKeyId: key.KeyId }));
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/other', TargetKeyId: other.KeyId }));
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('secret'), EncryptionContext: context }));
  return { vault, kms, keyId: key.KeyId, arn: key.Arn, other, blob: CiphertextBlob as Uint8Array };
}

function flipped(blob: Uint8Array, index: number): Uint8Array {
  const copy = new Uint8Array(blob);
  copy[index] = (copy[index] as number) ^ 0x01;
  return copy;
}

describe('Decrypt (API Reference, Decrypt)', () => {
  it('Decrypt: KeyId is optional for symmetric ciphertexts, KMS finds the key in the blob; the response names key ARN, algorithm and key material (API Reference, Decrypt KeyId)', async () => {
    const { kms, arn, blob } = await setup();
    const out = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));
    expect(Buffer.from(out.Plaintext ?? []).toString()).toBe('secret');
    expect(out.KeyId).toBe(arn);
    expect(out.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    expect(out.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(out.$metadata.httpStatusCode).toBe(200);
  });

  it('Decrypt: the Plaintext is a plain Uint8Array, as the SDK returns blobs', async () => {
    const { kms, blob } = await setup();
    const out = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));
    expect(out.Plaintext?.constructor).toBe(Uint8Array);
  });

  it('Decrypt: KeyId naming the encrypting key by key id, key ARN, alias name or alias ARN is accepted (API Reference, Decrypt KeyId)', async () => {
    const { kms, keyId, arn, blob } = await setup();
    for (const name of [keyId, arn, 'alias/dec', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/dec`]) {
      const out = await kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: name }));
      expect(Buffer.from(out.Plaintext ?? []).toString()).toBe('secret');
      expect(out.KeyId).toBe(arn);
    }
  });

  it('Decrypt: a KeyId that differs from the key that encrypted gives IncorrectKeyException, however the other key is named (API Reference, Decrypt KeyId)', async () => {
    const { kms, other, blob } = await setup();
    for (const name of [other.KeyId, other.Arn, 'alias/other', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/other`]) {
      await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: name })), INCORRECT_KEY);
    }
  });

  it('Decrypt: a KeyId that names no key gives NotFoundException (400) with the ARN it would have', async () => {
    const { kms, blob } = await setup();
    const id = '1234abcd-12ab-34cd-56ef-1234567890ab';
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: id })), {
      type: NotFoundException,
      status: 400,
      message: `Key 'arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}' does not exist`,
    });
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: 'alias/none' })), {
      type: NotFoundException,
      status: 400,
      message: `Alias arn:aws:kms:${REGION}:${ACCOUNT}:alias/none is not found.`,
    });
  });

  it('Decrypt: the encryption context must match exactly (case-sensitive); missing, extra or changed pairs give InvalidCiphertextException; order does not matter (Developer Guide, encryption context)', async () => {
    const context = { tenant: 'acme', purpose: 'test' };
    const { kms, blob } = await setup(context);
    const ok = await kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { purpose: 'test', tenant: 'acme' } }));
    expect(Buffer.from(ok.Plaintext ?? []).toString()).toBe('secret');
    const wrongs: (Record<string, string> | undefined)[] = [
      undefined,
      {},
      { tenant: 'acme' },
      { ...context, extra: 'x' },
      { tenant: 'acmE', purpose: 'test' },
      { Tenant: 'acme', purpose: 'test' },
      { tenant: 'acme', purpose: 'test ' },
    ];
    for (const wrong of wrongs) {
      await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: wrong })), INVALID_CIPHERTEXT);
    }
  });

  it('Decrypt: a ciphertext made without a context does not decrypt with one (Developer Guide, encryption context)', async () => {
    const { kms, blob } = await setup();
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { unexpected: 'pair' } })), INVALID_CIPHERTEXT);
  });

  it('Decrypt: the context is bound unambiguously: {"ab":"c"} does not open a ciphertext made with {"a":"bc"} (Developer Guide, encryption context)', async () => {
    const { kms, blob } = await setup({ a: 'bc' });
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { ab: 'c' } })), INVALID_CIPHERTEXT);
  });

  it('Decrypt: a ciphertext with any single byte changed gives InvalidCiphertextException (API Reference, InvalidCiphertextException)', async () => {
    const { kms, blob } = await setup();
    for (let i = 0; i < blob.length; i++) {
      await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: flipped(blob, i) })), INVALID_CIPHERTEXT);
    }
  });

  it('Decrypt: with KeyId naming the right key, a changed byte outside the key reference still gives InvalidCiphertextException', async () => {
    const { kms, keyId, blob } = await setup();
    // Bytes 5..36 name the key material; everything else is version, length, DER, nonce, content and tag.
    for (const i of [0, 4, 37, 40, 41, 60, blob.length - 17, blob.length - 1]) {
      await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: flipped(blob, i), KeyId: keyId })), INVALID_CIPHERTEXT);
    }
  });

  it('Decrypt: a truncated or extended ciphertext gives InvalidCiphertextException', async () => {
    const { kms, blob } = await setup();
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob.subarray(0, blob.length - 1) })), INVALID_CIPHERTEXT);
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: Buffer.concat([blob, Buffer.from([0])]) })), INVALID_CIPHERTEXT);
  });

  it('Decrypt: a foreign blob (random bytes) gives InvalidCiphertextException, with or without KeyId (API Reference, Decrypt: KMS cannot decrypt ciphertext from other libraries)', async () => {
    const { kms, keyId } = await setup();
    for (const size of [1, 41, 150, 6144]) {
      await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: randomBytes(size) })), INVALID_CIPHERTEXT);
    }
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: randomBytes(150), KeyId: keyId })), INVALID_CIPHERTEXT);
  });

  it('Decrypt: CiphertextBlob takes 1 to 6144 bytes: empty and 6145 bytes are ValidationExceptions (API Reference, Decrypt CiphertextBlob)', async () => {
    const { kms } = await setup();
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: new Uint8Array(0) })), {
      type: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value at 'ciphertextBlob' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: new Uint8Array(6145) })), {
      type: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value at 'ciphertextBlob' failed to satisfy constraint: Member must have length less than or equal to 6144",
    });
  });

  it('Decrypt: a disabled key cannot decrypt: DisabledException (400) "<key ARN> is disabled." (Developer Guide, key states)', async () => {
    const { kms, keyId, arn, blob } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob })), { type: DisabledException, status: 400, message: `${arn} is disabled.` });
  });

  it('Decrypt: a key pending deletion cannot decrypt: KMSInvalidStateException (400) "<key ARN> is pending deletion." (Developer Guide, key states)', async () => {
    const { kms, keyId, arn, blob } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob })), {
      type: KMSInvalidStateException,
      status: 400,
      message: `${arn} is pending deletion.`,
    });
  });

  it('Decrypt: once the key is deleted its ciphertexts no longer decrypt (Developer Guide, deleting keys)', async () => {
    const { vault, kms, keyId, blob } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    vault.clock.advance({ days: 7 });
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob })), INVALID_CIPHERTEXT);
  });

  it('Decrypt: after rotation, a ciphertext made under the old key material still decrypts, and names that material (Developer Guide, key rotation)', async () => {
    const { kms, keyId, blob } = await setup();
    const before = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));
    await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    const after = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));
    expect(Buffer.from(after.Plaintext ?? []).toString()).toBe('secret');
    expect(after.KeyMaterialId).toBe(before.KeyMaterialId);
    const fresh = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('new') }));
    const freshOut = await kms.send(new DecryptCommand({ CiphertextBlob: fresh.CiphertextBlob }));
    expect(freshOut.KeyMaterialId).not.toBe(before.KeyMaterialId);
  });

  it('Decrypt: EncryptionAlgorithm SYMMETRIC_DEFAULT is accepted; an asymmetric algorithm on a symmetric ciphertext gives InvalidKeyUsageException (API Reference, Decrypt EncryptionAlgorithm)', async () => {
    const { kms, blob } = await setup();
    const ok = await kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' }));
    expect(Buffer.from(ok.Plaintext ?? []).toString()).toBe('secret');
    for (const algorithm of ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'SM2PKE'] as const) {
      // AWS's wording for this case is not on record, so only class and status are checked.
      await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionAlgorithm: algorithm })), {
        type: InvalidKeyUsageException,
        status: 400,
      });
    }
  });

  it('Decrypt: DryRun answers DryRunOperationException (400; recordings win over the API Reference, which says 412) for a call that would succeed, and is not a use of the key (Developer Guide, programming-dryrun)', async () => {
    const { vault, kms, keyId, blob } = await setup();
    const before = vault.snapshot();
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob, DryRun: true })), {
      type: DryRunOperationException,
      status: 400,
      message: DRY_RUN_MESSAGE,
    });
    expect(vault.snapshot()).toEqual(before);
    // The last use of the key is still the Encrypt that made the blob.
    expect((await kms.send(new GetKeyLastUsageCommand({ KeyId: keyId }))).KeyLastUsage?.Operation).toBe('Encrypt');
  });

  it('Decrypt: DryRun validates the ciphertext: a changed blob or the wrong context still gives InvalidCiphertextException (Developer Guide, programming-dryrun)', async () => {
    const { kms, blob } = await setup({ k: 'v' });
    await expectKmsError(
      kms.send(new DecryptCommand({ CiphertextBlob: flipped(blob, blob.length - 1), EncryptionContext: { k: 'v' }, DryRun: true })),
      INVALID_CIPHERTEXT,
    );
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { k: 'w' }, DryRun: true })), INVALID_CIPHERTEXT);
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { k: 'v' }, DryRun: true })), {
      type: DryRunOperationException,
      status: 400,
      message: DRY_RUN_MESSAGE,
    });
  });

  it("Decrypt: DryRun with DryRunModifiers IGNORE_CIPHERTEXT checks the KeyId key only: no blob, a foreign blob or another key's blob all give DryRunOperationException (API Reference, Decrypt DryRunModifiers)", async () => {
    const { kms, keyId, other, blob } = await setup({ k: 'v' });
    const dryRun = { KeyId: keyId, DryRun: true, DryRunModifiers: ['IGNORE_CIPHERTEXT' as const] };
    for (const input of [
      { ...dryRun },
      { ...dryRun, CiphertextBlob: randomBytes(100) },
      { ...dryRun, CiphertextBlob: flipped(blob, 20) },
      { ...dryRun, CiphertextBlob: blob },
      { ...dryRun, KeyId: other.KeyId, CiphertextBlob: blob },
    ]) {
      await expectKmsError(kms.send(new DecryptCommand(input)), { type: DryRunOperationException, status: 400, message: DRY_RUN_MESSAGE });
    }
  });

  it('Decrypt: DryRunModifiers apply only with DryRun; without it the ciphertext is decrypted and checked as usual (API Reference, Decrypt DryRunModifiers)', async () => {
    const { kms, keyId, blob } = await setup();
    const out = await kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: keyId, DryRunModifiers: ['IGNORE_CIPHERTEXT'] }));
    expect(Buffer.from(out.Plaintext ?? []).toString()).toBe('secret');
    await expectKmsError(
      kms.send(new DecryptCommand({ CiphertextBlob: randomBytes(100), KeyId: keyId, DryRunModifiers: ['IGNORE_CIPHERTEXT'] })),
      INVALID_CIPHERTEXT,
    );
  });

  it('Decrypt: a failed call leaves the vault unchanged and is not a use of the key (API Reference, GetKeyLastUsage)', async () => {
    const { vault, kms, keyId, other, blob } = await setup({ k: 'v' });
    const before = vault.snapshot();
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob })), INVALID_CIPHERTEXT);
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { k: 'v' }, KeyId: other.KeyId })), INCORRECT_KEY);
    expect(vault.snapshot()).toEqual(before);
    const usage = await kms.send(new GetKeyLastUsageCommand({ KeyId: keyId }));
    expect(usage.KeyLastUsage?.Operation).toBe('Encrypt');
    expect((await kms.send(new GetKeyLastUsageCommand({ KeyId: other.KeyId }))).KeyLastUsage).toBeUndefined();
  });
});
