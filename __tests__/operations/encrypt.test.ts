import { execFileSync } from 'node:child_process';
import {
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyCommand,
  DisabledException,
  DryRunOperationException,
  EncryptCommand,
  GetKeyLastUsageCommand,
  InvalidCiphertextException,
  InvalidGrantTokenException,
  InvalidKeyUsageException,
  KMSInvalidStateException,
  NotFoundException,
  ScheduleKeyDeletionCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { vaultClient, vaultWithAliasedKey, type VaultClientOptions } from '../helpers/vault-client';
import { DRY_RUN_MESSAGE, INVALID_CIPHERTEXT_MESSAGE, expectKmsError } from '../helpers/expect-kms-error';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';

function setup(options: VaultClientOptions = {}) {
  return vaultWithAliasedKey('alias/enc', options);
}

async function decryptToText(kms: KMSClient, blob: Uint8Array | undefined, context?: Record<string, string>): Promise<string> {
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: context }));
  return Buffer.from(out.Plaintext ?? []).toString();
}

describe('Encrypt (API Reference, Encrypt)', () => {
  it('Encrypt: KeyId may be a key id, key ARN, alias name or alias ARN; the response names the key ARN and SYMMETRIC_DEFAULT (API Reference, Encrypt KeyId)', async () => {
    const { kms, keyId, arn } = await setup();
    for (const name of [keyId, arn, 'alias/enc', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/enc`]) {
      const out = await kms.send(new EncryptCommand({ KeyId: name, Plaintext: Buffer.from('hello') }));
      expect(out.KeyId).toBe(arn);
      expect(out.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
      expect(out.$metadata.httpStatusCode).toBe(200);
      expect(Object.keys(out).sort()).toEqual(['$metadata', 'CiphertextBlob', 'EncryptionAlgorithm', 'KeyId']);
      expect(await decryptToText(kms, out.CiphertextBlob)).toBe('hello');
    }
  });

  it('Encrypt: the CiphertextBlob is a plain Uint8Array, as the SDK returns blobs (API Reference, Encrypt response CiphertextBlob)', async () => {
    const { kms, keyId } = await setup();
    const out = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') }));
    expect(out.CiphertextBlob?.constructor).toBe(Uint8Array);
  });

  it('Encrypt: a round trip with an encryption context needs that context to decrypt; without a context none is needed (Developer Guide, encryption context)', async () => {
    const { kms, keyId } = await setup();
    const context = { tenant: 'acme', purpose: 'round-trip' };
    const withContext = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('with context'), EncryptionContext: context }));
    expect(await decryptToText(kms, withContext.CiphertextBlob, context)).toBe('with context');
    // The order of the pairs does not matter, only the pairs themselves.
    expect(await decryptToText(kms, withContext.CiphertextBlob, { purpose: 'round-trip', tenant: 'acme' })).toBe('with context');
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: withContext.CiphertextBlob })), {
      type: InvalidCiphertextException,
      status: 400,
      message: INVALID_CIPHERTEXT_MESSAGE,
    });

    const without = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('no context') }));
    expect(await decryptToText(kms, without.CiphertextBlob)).toBe('no context');
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: without.CiphertextBlob, EncryptionContext: { any: 'pair' } })), {
      type: InvalidCiphertextException,
      status: 400,
      message: INVALID_CIPHERTEXT_MESSAGE,
    });
  });

  it('Encrypt: the same plaintext encrypts to a different ciphertext each time, and both decrypt', async () => {
    const { kms, keyId } = await setup();
    const a = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('same') }));
    const b = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('same') }));
    expect(Buffer.from(a.CiphertextBlob ?? []).equals(Buffer.from(b.CiphertextBlob ?? []))).toBe(false);
    expect(await decryptToText(kms, a.CiphertextBlob)).toBe('same');
    expect(await decryptToText(kms, b.CiphertextBlob)).toBe('same');
  });

  it('Encrypt: Plaintext takes 1 to 4096 bytes; 4097 bytes is a ValidationException with the documented message (API Reference, Encrypt Plaintext)', async () => {
    const { kms, keyId } = await setup();
    const largest = new Uint8Array(4096).fill(7);
    const out = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: largest }));
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob }));
    expect(Buffer.from(back.Plaintext ?? []).equals(Buffer.from(largest))).toBe(true);

    await expectKmsError(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array(4097) })), {
      type: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
    });
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array(0) })), {
      type: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
  });

  it('Encrypt: KeyId and Plaintext are required (API Reference, Encrypt request parameters)', async () => {
    const { kms } = await setup();
    await expectKmsError(kms.send(new EncryptCommand({} as never)), {
      type: 'ValidationException',
      status: 400,
      message:
        "2 validation errors detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null; Value null at 'plaintext' failed to satisfy constraint: Member must not be null",
    });
  });

  it('Encrypt: a key id, key ARN or alias that names no key gives NotFoundException (400) naming the ARN (API Reference, Encrypt errors)', async () => {
    const { kms } = await setup();
    const id = '1234abcd-12ab-34cd-56ef-1234567890ab';
    const missingArn = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;
    for (const name of [id, missingArn]) {
      await expectKmsError(kms.send(new EncryptCommand({ KeyId: name, Plaintext: Buffer.from('x') })), {
        type: NotFoundException,
        status: 400,
        message: `Key '${missingArn}' does not exist`,
      });
    }
    for (const name of ['alias/none', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/none`]) {
      await expectKmsError(kms.send(new EncryptCommand({ KeyId: name, Plaintext: Buffer.from('x') })), {
        type: NotFoundException,
        status: 400,
        message: `Alias arn:aws:kms:${REGION}:${ACCOUNT}:alias/none is not found.`,
      });
    }
  });

  it('Encrypt: a key ARN of another region names no key in the region the request goes to: NotFoundException (Developer Guide, regional keys)', async () => {
    const { kms, keyId } = await setup();
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: `arn:aws:kms:us-west-2:${ACCOUNT}:key/${keyId}`, Plaintext: Buffer.from('x') })), {
      type: NotFoundException,
      status: 400,
      message: 'Invalid arn us-west-2',
    });
  });

  it('Encrypt: a disabled key gives DisabledException (400) "<key ARN> is disabled." (Developer Guide, key states)', async () => {
    const { kms, keyId, arn } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    for (const name of [keyId, 'alias/enc']) {
      await expectKmsError(kms.send(new EncryptCommand({ KeyId: name, Plaintext: Buffer.from('x') })), {
        type: DisabledException,
        status: 400,
        message: `${arn} is disabled.`,
      });
    }
  });

  it('Encrypt: a key pending deletion gives KMSInvalidStateException (400) "<key ARN> is pending deletion." (Developer Guide, key states)', async () => {
    const { kms, keyId, arn } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: 'alias/enc', Plaintext: Buffer.from('x') })), {
      type: KMSInvalidStateException,
      status: 400,
      message: `${arn} is pending deletion.`,
    });
  });

  it('Encrypt: SYMMETRIC_DEFAULT is the only EncryptionAlgorithm of a symmetric key; RSAES_OAEP_* and SM2PKE give InvalidKeyUsageException (API Reference, Encrypt EncryptionAlgorithm)', async () => {
    const { kms, keyId } = await setup();
    const ok = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' }));
    expect(await decryptToText(kms, ok.CiphertextBlob)).toBe('x');
    for (const algorithm of ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'SM2PKE'] as const) {
      // AWS's wording for this case is not on record, so only class and status are checked.
      await expectKmsError(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), EncryptionAlgorithm: algorithm })), {
        type: InvalidKeyUsageException,
        status: 400,
      });
    }
  });

  it('Encrypt: DryRun answers DryRunOperationException (400; recordings win over the API Reference, which says 412) when the call would succeed, and encrypts nothing (Developer Guide, programming-dryrun)', async () => {
    const { vault, kms, keyId, arn } = await setup();
    const before = vault.snapshot();
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), DryRun: true })), {
      type: DryRunOperationException,
      status: 400,
      message: DRY_RUN_MESSAGE,
    });
    expect(vault.snapshot()).toEqual(before);
    expect((await kms.send(new GetKeyLastUsageCommand({ KeyId: keyId }))).KeyLastUsage).toBeUndefined();
    // DryRun reports the failure the real call would have.
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), DryRun: true })), {
      type: DisabledException,
      status: 400,
      message: `${arn} is disabled.`,
    });
  });

  it('Encrypt: a DryRun draws no randomness, so a seeded vault encrypts afterwards exactly as if it had not been made', async () => {
    const run = async (dryRunFirst: boolean) => {
      const { kms, keyId } = await setup({ seed: 'dry-run', clock: new Date('2026-01-01T00:00:00Z') });
      if (dryRunFirst) await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), DryRun: true })).catch(() => undefined);
      const out = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') }));
      return Buffer.from(out.CiphertextBlob ?? []).toString('base64');
    };
    expect(await run(true)).toBe(await run(false));
  });

  it('Encrypt: a failed call leaves the vault unchanged and is not a use of the key (API Reference, GetKeyLastUsage)', async () => {
    const { vault, kms, keyId } = await setup();
    const before = vault.snapshot();
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array(4097) })), { type: 'ValidationException', status: 400 });
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })), {
      type: InvalidKeyUsageException,
      status: 400,
    });
    expect(vault.snapshot()).toEqual(before);
    expect((await kms.send(new GetKeyLastUsageCommand({ KeyId: keyId }))).KeyLastUsage).toBeUndefined();
  });

  it('Encrypt: grant tokens the vault never issued give InvalidGrantTokenException (API Reference, Encrypt GrantTokens)', async () => {
    const { kms, keyId } = await setup();
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), GrantTokens: ['not-a-token'] })), {
      type: InvalidGrantTokenException,
      status: 400,
    });
  });

  it('Encrypt: with the same seed, two vaults produce identical key ids and ciphertexts for identical calls; another seed does not', async () => {
    const run = async (seed: string) => {
      const { kms } = vaultClient({ seed, clock: new Date('2026-01-01T00:00:00Z') });
      const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
      const blobs: string[] = [];
      for (const text of ['a', 'b', 'a']) {
        const out = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.from(text), EncryptionContext: { n: text } }));
        blobs.push(Buffer.from(out.CiphertextBlob ?? []).toString('base64'));
      }
      return [KeyMetadata?.KeyId, ...blobs];
    };
    const first = await run('42');
    expect(await run('42')).toEqual(first);
    expect(await run('43')).not.toEqual(first);
  });

  it('Encrypt (interop): after the 41-byte header, the blob is a DER CMS EncryptedData with aes-256-gcm parameters that openssl asn1parse reads', async () => {
    const { kms, keyId } = await setup();
    const plaintext = Buffer.from('hello world');
    const out = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext }));
    const blob = Buffer.from(out.CiphertextBlob ?? []);
    // The header: version bytes as in real KMS blobs (base64 "AQICAHj"), key-material id, DER length.
    expect(blob.subarray(0, 5).toString('hex')).toBe('0102020078');
    const der = blob.subarray(41);
    expect(blob.readUInt32BE(37)).toBe(der.length);

    const parsed = execFileSync('openssl', ['asn1parse', '-inform', 'DER'], { input: der }).toString();
    const fields = parsed
      .trim()
      .split('\n')
      .map((line) =>
        line
          .replace(/^\s*\d+:d=\d+\s+hl=\d+\s+l=\s*\d+\s+/, '')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    expect(fields[0]).toBe('cons: SEQUENCE');
    expect(fields[1]).toBe('prim: OBJECT :pkcs7-encryptedData');
    expect(fields).toContain('prim: INTEGER :00');
    expect(fields).toContain('prim: OBJECT :pkcs7-data');
    expect(fields).toContain('prim: OBJECT :aes-256-gcm');
    // GCMParameters: a 12-byte nonce and a 16-byte (0x10) ICV.
    expect(parsed).toMatch(/l=\s*12 prim: OCTET STRING\s+\[HEX DUMP\]:[0-9A-F]{24}\n/);
    expect(fields).toContain('prim: INTEGER :10');
    // The encrypted content: the ciphertext followed by the 16-byte tag.
    expect(parsed).toMatch(new RegExp(`l=\\s*${plaintext.length + 16} prim: cont \\[ 0 \\]`));
  });
});
