import {
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyCommand,
  DisabledException,
  DryRunOperationException,
  EncryptCommand,
  IncorrectKeyException,
  InvalidCiphertextException,
  InvalidKeyUsageException,
  NotFoundException,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { randomBytes } from 'node:crypto';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

async function setup(context?: Record<string, string>) {
  const { vault, kms } = vaultClient();
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  const keyId = KeyMetadata?.KeyId as string;
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('secret'), EncryptionContext: context }));
  return { vault, kms, keyId, arn: KeyMetadata?.Arn as string, blob: CiphertextBlob as Uint8Array };
}

describe('Decrypt', () => {
  it('finds the key from the ciphertext; KeyId is optional for symmetric keys (API Reference, Decrypt KeyId)', async () => {
    const { kms, arn, blob } = await setup();
    const out = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));
    expect(Buffer.from(out.Plaintext ?? []).toString()).toBe('secret');
    expect(out.KeyId).toBe(arn);
    expect(out.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    expect(out.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(out.Plaintext?.constructor).toBe(Uint8Array);
  });

  it('requires exactly the encryption context used to encrypt: missing, extra or changed gives InvalidCiphertextException (Developer Guide, encryption context)', async () => {
    const context = { tenant: 'acme', purpose: 'test' };
    const { kms, blob } = await setup(context);
    const ok = await kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { purpose: 'test', tenant: 'acme' } }));
    expect(Buffer.from(ok.Plaintext ?? []).toString()).toBe('secret');
    const wrongs: (Record<string, string> | undefined)[] = [undefined, { tenant: 'acme' }, { ...context, extra: 'x' }, { tenant: 'acmE', purpose: 'test' }];
    for (const wrong of wrongs) {
      const error = await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: wrong })));
      expect(error).toBeInstanceOf(InvalidCiphertextException);
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
  });

  it('binds the context unambiguously: {"ab":"c"} does not open a ciphertext made with {"a":"bc"}', async () => {
    const { kms, blob } = await setup({ a: 'bc' });
    expect(await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { ab: 'c' } })))).toBeInstanceOf(InvalidCiphertextException);
  });

  it('rejects a ciphertext with any byte changed, and random bytes, with InvalidCiphertextException', async () => {
    const { kms, blob } = await setup();
    for (const i of [0, 6, 40, 60, blob.length - 20, blob.length - 1]) {
      const tampered = new Uint8Array(blob);
      tampered[i] = (tampered[i] as number) ^ 0x80;
      expect(await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: tampered })))).toBeInstanceOf(InvalidCiphertextException);
    }
    expect(await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: randomBytes(150) })))).toBeInstanceOf(InvalidCiphertextException);
  });

  it('a KeyId naming another key gives IncorrectKeyException (API Reference, Decrypt KeyId)', async () => {
    const { kms, blob } = await setup();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const error = await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: KeyMetadata?.KeyId })));
    expect(error).toBeInstanceOf(IncorrectKeyException);
    expect(error.message).toBe('The key ID in the request does not identify a CMK that can perform this operation.');
  });

  it('a KeyId naming no key gives NotFoundException', async () => {
    const { kms, blob } = await setup();
    expect(await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: 'alias/none' })))).toBeInstanceOf(NotFoundException);
  });

  it('a disabled key cannot decrypt: DisabledException (Developer Guide, key states)', async () => {
    const { kms, keyId, blob } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    expect(await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: blob })))).toBeInstanceOf(DisabledException);
  });

  it('a ciphertext of a deleted key no longer decrypts', async () => {
    const { vault, kms, keyId, blob } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    vault.clock.advance({ days: 7 });
    expect(await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: blob })))).toBeInstanceOf(InvalidCiphertextException);
  });

  it('an asymmetric EncryptionAlgorithm on a symmetric ciphertext gives InvalidKeyUsageException', async () => {
    const { kms, blob } = await setup();
    expect(await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' })))).toBeInstanceOf(InvalidKeyUsageException);
  });

  it('DryRun checks the ciphertext unless DryRunModifiers has IGNORE_CIPHERTEXT (Developer Guide, DryRun)', async () => {
    const { kms, keyId, blob } = await setup();
    expect(await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: blob, DryRun: true })))).toBeInstanceOf(DryRunOperationException);
    const tampered = new Uint8Array(blob);
    tampered[blob.length - 1] = (tampered[blob.length - 1] as number) ^ 1;
    expect(await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: tampered, DryRun: true })))).toBeInstanceOf(InvalidCiphertextException);
    const ignored = await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: tampered, KeyId: keyId, DryRun: true, DryRunModifiers: ['IGNORE_CIPHERTEXT'] })));
    expect(ignored).toBeInstanceOf(DryRunOperationException);
  });

  it('an empty CiphertextBlob is a ValidationException (API Reference, CiphertextBlob length 1 to 6144)', async () => {
    const { kms } = await setup();
    const error = await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: new Uint8Array(0) })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe("1 validation error detected: Value at 'ciphertextBlob' failed to satisfy constraint: Member must have length greater than or equal to 1");
  });
});
