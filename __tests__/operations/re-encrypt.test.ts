import { randomBytes } from 'node:crypto';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyCommand,
  DisabledException,
  DryRunOperationException,
  EncryptCommand,
  GenerateDataKeyCommand,
  GetKeyLastUsageCommand,
  IncorrectKeyException,
  InvalidCiphertextException,
  InvalidKeyUsageException,
  KMSInvalidStateException,
  NotFoundException,
  ReEncryptCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { vaultClient } from '../helpers/vault-client';
import { DRY_RUN_MESSAGE, INCORRECT_KEY_MESSAGE, INVALID_CIPHERTEXT_MESSAGE, expectKmsError } from '../helpers/expect-kms-error';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const INVALID_CIPHERTEXT = { type: InvalidCiphertextException, status: 400, message: INVALID_CIPHERTEXT_MESSAGE } as const;
const INCORRECT_KEY = { type: IncorrectKeyException, status: 400, message: INCORRECT_KEY_MESSAGE } as const;
const DRY_RUN = { type: DryRunOperationException, status: 400, message: DRY_RUN_MESSAGE } as const;

interface Key {
  KeyId: string;
  Arn: string;
}

/** Keys `source` (alias/src) and `destination` (alias/dest), and 'moving data' encrypted under source with a context. */
async function setup(options: Parameters<typeof vaultClient>[0] = {}) {
  const { vault, kms } = vaultClient(options);
  const source = (await kms.send(new CreateKeyCommand({ Description: 'source' }))).KeyMetadata as Key;
  const destination = (await kms.send(new CreateKeyCommand({ Description: 'destination' }))).KeyMetadata as Key;
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/src', TargetKeyId: source.KeyId }));
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/dest', TargetKeyId: destination.KeyId }));
  const context = { purpose: 'reencrypt' };
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: source.KeyId, Plaintext: Buffer.from('moving data'), EncryptionContext: context }));
  return { vault, kms, source, destination, context, blob: CiphertextBlob as Uint8Array };
}

function flipped(blob: Uint8Array, index: number): Uint8Array {
  const copy = new Uint8Array(blob);
  copy[index] = (copy[index] as number) ^ 0x01;
  return copy;
}

describe('ReEncrypt (API Reference, ReEncrypt)', () => {
  it('ReEncrypt: moves a ciphertext to another key; Decrypt then gives the original plaintext under the destination key and its context', async () => {
    const { kms, destination, context, blob } = await setup();
    const out = await kms.send(
      new ReEncryptCommand({
        CiphertextBlob: blob,
        SourceEncryptionContext: context,
        DestinationKeyId: destination.KeyId,
        DestinationEncryptionContext: { purpose: 'moved' },
      }),
    );
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: { purpose: 'moved' } }));
    expect(Buffer.from(back.Plaintext ?? []).toString()).toBe('moving data');
    expect(back.KeyId).toBe(destination.Arn);
  });

  it('ReEncrypt: the response has CiphertextBlob, KeyId = destination key ARN, SourceKeyId = source key ARN, both algorithms SYMMETRIC_DEFAULT and both key-material ids, and no plaintext (API Reference, ReEncrypt response)', async () => {
    const { kms, source, destination, context, blob } = await setup();
    const original = await kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: context }));
    const out = await kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: 'alias/dest' }));
    expect(out.KeyId).toBe(destination.Arn);
    expect(out.SourceKeyId).toBe(source.Arn);
    expect(out.SourceEncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    expect(out.DestinationEncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    expect(out.SourceKeyMaterialId).toBe(original.KeyMaterialId);
    const moved = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob }));
    expect(out.DestinationKeyMaterialId).toBe(moved.KeyMaterialId);
    expect(out.DestinationKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(out.SourceKeyMaterialId).not.toBe(out.DestinationKeyMaterialId);
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(Object.keys(out).sort()).toEqual([
      '$metadata',
      'CiphertextBlob',
      'DestinationEncryptionAlgorithm',
      'DestinationKeyMaterialId',
      'KeyId',
      'SourceEncryptionAlgorithm',
      'SourceKeyId',
      'SourceKeyMaterialId',
    ]);
  });

  it('ReEncrypt: the CiphertextBlob is a plain Uint8Array, as the SDK returns blobs', async () => {
    const { kms, destination, context, blob } = await setup();
    const out = await kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: destination.KeyId }));
    expect(out.CiphertextBlob?.constructor).toBe(Uint8Array);
  });

  it('ReEncrypt: DestinationKeyId may be a key id, key ARN, alias name or alias ARN; KeyId is always the key ARN (API Reference, ReEncrypt DestinationKeyId)', async () => {
    const { kms, destination, context, blob } = await setup();
    for (const name of [destination.KeyId, destination.Arn, 'alias/dest', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/dest`]) {
      const out = await kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: name }));
      expect(out.KeyId).toBe(destination.Arn);
      const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, KeyId: destination.KeyId }));
      expect(Buffer.from(back.Plaintext ?? []).toString()).toBe('moving data');
    }
  });

  it('ReEncrypt: SourceKeyId may name the encrypting key by key id, key ARN, alias name or alias ARN; SourceKeyId in the response is its ARN (API Reference, ReEncrypt SourceKeyId)', async () => {
    const { kms, source, destination, context, blob } = await setup();
    for (const name of [source.KeyId, source.Arn, 'alias/src', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/src`]) {
      const out = await kms.send(
        new ReEncryptCommand({ CiphertextBlob: blob, SourceKeyId: name, SourceEncryptionContext: context, DestinationKeyId: destination.KeyId }),
      );
      expect(out.SourceKeyId).toBe(source.Arn);
    }
  });

  it('ReEncrypt: a SourceKeyId naming another key than the one that encrypted gives IncorrectKeyException (API Reference, ReEncrypt SourceKeyId)', async () => {
    const { kms, destination, context, blob } = await setup();
    for (const name of [destination.KeyId, destination.Arn, 'alias/dest']) {
      await expectKmsError(
        kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceKeyId: name, SourceEncryptionContext: context, DestinationKeyId: destination.KeyId })),
        INCORRECT_KEY,
      );
    }
  });

  it('ReEncrypt: the re-encrypted ciphertext no longer names the source key: Decrypt or ReEncrypt naming the source key gives IncorrectKeyException', async () => {
    const { kms, source, destination, context, blob } = await setup();
    const out = await kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: destination.KeyId }));
    const moved = Buffer.from(out.CiphertextBlob ?? []);
    // The header's key-material id (bytes 5..36) is now the destination's.
    expect(moved.subarray(5, 37).toString('hex')).toBe(out.DestinationKeyMaterialId);
    expect(Buffer.from(blob).subarray(5, 37).toString('hex')).toBe(out.SourceKeyMaterialId);
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: moved, KeyId: source.KeyId })), INCORRECT_KEY);
    await expectKmsError(kms.send(new ReEncryptCommand({ CiphertextBlob: moved, SourceKeyId: source.KeyId, DestinationKeyId: source.KeyId })), INCORRECT_KEY);
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: moved }));
    expect(back.KeyId).toBe(destination.Arn);
  });

  it('ReEncrypt: to the same key makes a new ciphertext that decrypts under that key (API Reference, ReEncrypt: reencrypt under the same KMS key)', async () => {
    const { kms, source, context, blob } = await setup();
    const out = await kms.send(
      new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: source.KeyId, DestinationEncryptionContext: context }),
    );
    expect(out.KeyId).toBe(source.Arn);
    expect(out.SourceKeyId).toBe(source.Arn);
    expect(out.DestinationKeyMaterialId).toBe(out.SourceKeyMaterialId);
    expect(Buffer.from(out.CiphertextBlob ?? []).equals(Buffer.from(blob))).toBe(false);
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: context }));
    expect(Buffer.from(back.Plaintext ?? []).toString()).toBe('moving data');
  });

  it('ReEncrypt: changing only the encryption context: the new ciphertext needs the new context and no longer opens with the old one (API Reference, ReEncrypt: change the encryption context)', async () => {
    const { kms, source, context, blob } = await setup();
    const out = await kms.send(
      new ReEncryptCommand({
        CiphertextBlob: blob,
        SourceEncryptionContext: context,
        DestinationKeyId: source.KeyId,
        DestinationEncryptionContext: { v: '2' },
      }),
    );
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: { v: '2' } }));
    expect(Buffer.from(back.Plaintext ?? []).toString()).toBe('moving data');
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: context })), INVALID_CIPHERTEXT);
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob })), INVALID_CIPHERTEXT);
  });

  it('ReEncrypt: without a DestinationEncryptionContext the new ciphertext has none (Developer Guide, encryption context)', async () => {
    const { kms, destination, context, blob } = await setup();
    const out = await kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: destination.KeyId }));
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob }));
    expect(Buffer.from(back.Plaintext ?? []).toString()).toBe('moving data');
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: context })), INVALID_CIPHERTEXT);
  });

  it('ReEncrypt: after rotation, re-encrypting under the same key moves an old ciphertext to the current key material (Developer Guide, key rotation)', async () => {
    const { kms, source, context, blob } = await setup();
    await kms.send(new RotateKeyOnDemandCommand({ KeyId: source.KeyId }));
    const out = await kms.send(
      new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: source.KeyId, DestinationEncryptionContext: context }),
    );
    expect(out.DestinationKeyMaterialId).not.toBe(out.SourceKeyMaterialId);
    const fresh = await kms.send(new EncryptCommand({ KeyId: source.KeyId, Plaintext: Buffer.from('x') }));
    const current = await kms.send(new DecryptCommand({ CiphertextBlob: fresh.CiphertextBlob }));
    expect(out.DestinationKeyMaterialId).toBe(current.KeyMaterialId);
  });

  it('ReEncrypt: re-encrypts GenerateDataKey ciphertexts; the data key survives the move (API Reference, ReEncrypt)', async () => {
    const { kms, source, destination } = await setup();
    const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId: source.KeyId, KeySpec: 'AES_256', EncryptionContext: { file: 'a' } }));
    const out = await kms.send(
      new ReEncryptCommand({
        CiphertextBlob: dataKey.CiphertextBlob,
        SourceEncryptionContext: { file: 'a' },
        DestinationKeyId: destination.KeyId,
        DestinationEncryptionContext: { file: 'a' },
      }),
    );
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: { file: 'a' } }));
    expect(Buffer.from(back.Plaintext ?? []).equals(Buffer.from(dataKey.Plaintext ?? []))).toBe(true);
  });

  it('ReEncrypt: the source encryption context must match exactly: missing, extra or changed gives InvalidCiphertextException (Developer Guide, encryption context)', async () => {
    const { kms, destination, context, blob } = await setup();
    const wrongs: (Record<string, string> | undefined)[] = [undefined, { purpose: 'REENCRYPT' }, { ...context, extra: 'x' }, { other: 'reencrypt' }];
    for (const wrong of wrongs) {
      await expectKmsError(
        kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: wrong, DestinationKeyId: destination.KeyId })),
        INVALID_CIPHERTEXT,
      );
    }
  });

  it('ReEncrypt: a ciphertext with a changed byte, or a foreign blob, gives InvalidCiphertextException (API Reference, InvalidCiphertextException)', async () => {
    const { kms, destination, context, blob } = await setup();
    for (const i of [0, 5, 36, 38, 45, 60, blob.length - 17, blob.length - 1]) {
      await expectKmsError(
        kms.send(new ReEncryptCommand({ CiphertextBlob: flipped(blob, i), SourceEncryptionContext: context, DestinationKeyId: destination.KeyId })),
        INVALID_CIPHERTEXT,
      );
    }
    await expectKmsError(kms.send(new ReEncryptCommand({ CiphertextBlob: randomBytes(150), DestinationKeyId: destination.KeyId })), INVALID_CIPHERTEXT);
  });

  it('ReEncrypt: a disabled source key gives DisabledException (400) naming the source key (Developer Guide, key states)', async () => {
    const { kms, source, destination, context, blob } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: source.KeyId }));
    await expectKmsError(kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: destination.KeyId })), {
      type: DisabledException,
      status: 400,
      message: `${source.Arn} is disabled.`,
    });
  });

  it('ReEncrypt: a disabled destination key gives DisabledException (400) naming the destination key (Developer Guide, key states)', async () => {
    const { kms, destination, context, blob } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: destination.KeyId }));
    await expectKmsError(kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: 'alias/dest' })), {
      type: DisabledException,
      status: 400,
      message: `${destination.Arn} is disabled.`,
    });
  });

  it('ReEncrypt: a source or destination key pending deletion gives KMSInvalidStateException (400) (Developer Guide, key states)', async () => {
    const a = await setup();
    await a.kms.send(new ScheduleKeyDeletionCommand({ KeyId: a.source.KeyId, PendingWindowInDays: 7 }));
    await expectKmsError(
      a.kms.send(new ReEncryptCommand({ CiphertextBlob: a.blob, SourceEncryptionContext: a.context, DestinationKeyId: a.destination.KeyId })),
      {
        type: KMSInvalidStateException,
        status: 400,
        message: `${a.source.Arn} is pending deletion.`,
      },
    );
    const b = await setup();
    await b.kms.send(new ScheduleKeyDeletionCommand({ KeyId: b.destination.KeyId, PendingWindowInDays: 7 }));
    await expectKmsError(
      b.kms.send(new ReEncryptCommand({ CiphertextBlob: b.blob, SourceEncryptionContext: b.context, DestinationKeyId: b.destination.KeyId })),
      {
        type: KMSInvalidStateException,
        status: 400,
        message: `${b.destination.Arn} is pending deletion.`,
      },
    );
  });

  it('ReEncrypt: a DestinationKeyId or SourceKeyId that names no key gives NotFoundException (400) with its ARN', async () => {
    const { kms, destination, context, blob } = await setup();
    const id = '1234abcd-12ab-34cd-56ef-1234567890ab';
    await expectKmsError(kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: id })), {
      type: NotFoundException,
      status: 400,
      message: `Key 'arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}' does not exist`,
    });
    await expectKmsError(kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: 'alias/nowhere' })), {
      type: NotFoundException,
      status: 400,
      message: `Alias arn:aws:kms:${REGION}:${ACCOUNT}:alias/nowhere is not found.`,
    });
    await expectKmsError(
      kms.send(
        new ReEncryptCommand({ CiphertextBlob: blob, SourceKeyId: 'alias/nowhere', SourceEncryptionContext: context, DestinationKeyId: destination.KeyId }),
      ),
      {
        type: NotFoundException,
        status: 400,
        message: `Alias arn:aws:kms:${REGION}:${ACCOUNT}:alias/nowhere is not found.`,
      },
    );
  });

  it('ReEncrypt: DestinationKeyId is required (API Reference, ReEncrypt request parameters)', async () => {
    const { kms, blob } = await setup();
    await expectKmsError(kms.send(new ReEncryptCommand({ CiphertextBlob: blob } as never)), {
      type: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value null at 'destinationKeyId' failed to satisfy constraint: Member must not be null",
    });
  });

  it('ReEncrypt: an asymmetric Source- or DestinationEncryptionAlgorithm with symmetric keys gives InvalidKeyUsageException; SYMMETRIC_DEFAULT is accepted (API Reference, ReEncrypt)', async () => {
    const { kms, destination, context, blob } = await setup();
    const base = { CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: destination.KeyId };
    const ok = await kms.send(
      new ReEncryptCommand({ ...base, SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT', DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT' }),
    );
    expect(ok.KeyId).toBe(destination.Arn);
    // AWS's wording for this case is not on record, so only class and status are checked.
    await expectKmsError(kms.send(new ReEncryptCommand({ ...base, SourceEncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })), {
      type: InvalidKeyUsageException,
      status: 400,
    });
    await expectKmsError(kms.send(new ReEncryptCommand({ ...base, DestinationEncryptionAlgorithm: 'RSAES_OAEP_SHA_1' })), {
      type: InvalidKeyUsageException,
      status: 400,
    });
  });

  it('ReEncrypt: DryRun answers DryRunOperationException (400; recordings win over the API Reference, which says 412), makes nothing and uses no key (Developer Guide, programming-dryrun)', async () => {
    const { vault, kms, source, destination, context, blob } = await setup();
    const before = vault.snapshot();
    await expectKmsError(
      kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: destination.KeyId, DryRun: true })),
      DRY_RUN,
    );
    expect(vault.snapshot()).toEqual(before);
    expect((await kms.send(new GetKeyLastUsageCommand({ KeyId: destination.KeyId }))).KeyLastUsage).toBeUndefined();
    expect((await kms.send(new GetKeyLastUsageCommand({ KeyId: source.KeyId }))).KeyLastUsage?.Operation).toBe('Encrypt');
    // Without IGNORE_CIPHERTEXT a DryRun still checks the ciphertext and its context.
    await expectKmsError(kms.send(new ReEncryptCommand({ CiphertextBlob: blob, DestinationKeyId: destination.KeyId, DryRun: true })), INVALID_CIPHERTEXT);
  });

  it('ReEncrypt: DryRun with DryRunModifiers IGNORE_CIPHERTEXT checks the SourceKeyId and destination keys only: no blob or a foreign blob gives DryRunOperationException (API Reference, ReEncrypt DryRunModifiers)', async () => {
    const { kms, source, destination, blob } = await setup();
    const dryRun = { SourceKeyId: source.KeyId, DestinationKeyId: destination.KeyId, DryRun: true, DryRunModifiers: ['IGNORE_CIPHERTEXT' as const] };
    for (const input of [{ ...dryRun }, { ...dryRun, CiphertextBlob: randomBytes(100) }, { ...dryRun, CiphertextBlob: blob }]) {
      await expectKmsError(kms.send(new ReEncryptCommand(input)), DRY_RUN);
    }
    // The keys must still exist.
    await expectKmsError(kms.send(new ReEncryptCommand({ ...dryRun, DestinationKeyId: 'alias/nowhere' })), { type: NotFoundException, status: 400 });
  });

  it('ReEncrypt: a failed call leaves the vault unchanged and uses neither key (API Reference, GetKeyLastUsage)', async () => {
    const { vault, kms, destination, context, blob } = await setup();
    const before = vault.snapshot();
    await expectKmsError(kms.send(new ReEncryptCommand({ CiphertextBlob: blob, DestinationKeyId: destination.KeyId })), INVALID_CIPHERTEXT);
    await expectKmsError(
      kms.send(
        new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, SourceKeyId: destination.KeyId, DestinationKeyId: destination.KeyId }),
      ),
      INCORRECT_KEY,
    );
    expect(vault.snapshot()).toEqual(before);
    expect((await kms.send(new GetKeyLastUsageCommand({ KeyId: destination.KeyId }))).KeyLastUsage).toBeUndefined();
  });

  it('ReEncrypt: with the same seed, two vaults produce identical re-encrypted ciphertexts for identical calls', async () => {
    const run = async () => {
      const { kms, destination, context, blob } = await setup({ seed: 'reencrypt', clock: new Date('2026-01-01T00:00:00Z') });
      const out = await kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: destination.KeyId }));
      return [Buffer.from(blob).toString('base64'), Buffer.from(out.CiphertextBlob ?? []).toString('base64')];
    };
    const first = await run();
    expect(first[1]).not.toBe(first[0]);
    expect(await run()).toEqual(first);
  });
});
