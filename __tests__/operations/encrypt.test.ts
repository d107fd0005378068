import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyCommand,
  DisabledException,
  DryRunOperationException,
  EncryptCommand,
  InvalidKeyUsageException,
  KMSInvalidStateException,
  NotFoundException,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

async function setup() {
  const { vault, kms } = vaultClient();
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/enc', TargetKeyId: KeyMetadata?.KeyId }));
  return { vault, kms, keyId: KeyMetadata?.KeyId as string, arn: KeyMetadata?.Arn as string };
}

describe('Encrypt', () => {
  it('accepts key id, key ARN, alias name and alias ARN; responds with the key ARN and SYMMETRIC_DEFAULT (API Reference, Encrypt KeyId)', async () => {
    const { kms, keyId, arn } = await setup();
    for (const name of [keyId, arn, 'alias/enc', 'arn:aws:kms:us-east-1:111122223333:alias/enc']) {
      const out = await kms.send(new EncryptCommand({ KeyId: name, Plaintext: Buffer.from('hello') }));
      expect(out.KeyId).toBe(arn);
      expect(out.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
      expect(out.CiphertextBlob?.constructor).toBe(Uint8Array);
      const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob }));
      expect(Buffer.from(back.Plaintext ?? []).toString()).toBe('hello');
    }
  });

  it('makes a different ciphertext each time for the same plaintext (random nonce)', async () => {
    const { kms, keyId } = await setup();
    const a = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('same') }));
    const b = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('same') }));
    expect(Buffer.from(a.CiphertextBlob ?? []).equals(Buffer.from(b.CiphertextBlob ?? []))).toBe(false);
  });

  it('takes up to 4096 bytes: 4097 gives the documented ValidationException (API Reference, Encrypt Plaintext)', async () => {
    const { kms, keyId } = await setup();
    await expect(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array(4096) }))).resolves.toBeDefined();
    const error = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array(4097) })));
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096");
  });

  it('requires KeyId and Plaintext (API Reference, Encrypt: required parameters)', async () => {
    const { kms } = await setup();
    const error = await kmsErrorOf(kms.send(new EncryptCommand({} as never)));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe(
      "2 validation errors detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null; Value null at 'plaintext' failed to satisfy constraint: Member must not be null",
    );
  });

  it('fails with NotFoundException (404) for a key that does not exist, naming its ARN', async () => {
    const { kms } = await setup();
    const id = '1234abcd-12ab-34cd-56ef-1234567890ab';
    const error = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: id, Plaintext: Buffer.from('x') })));
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(error.$fault).toBe('client');
    expect(error.message).toBe(`Key 'arn:aws:kms:us-east-1:111122223333:key/${id}' does not exist`);
    const alias = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: 'alias/none', Plaintext: Buffer.from('x') })));
    expect(alias.message).toBe('Alias arn:aws:kms:us-east-1:111122223333:alias/none is not found.');
  });

  it('fails with DisabledException (409) for a disabled key (Developer Guide, key states)', async () => {
    const { kms, keyId, arn } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    const error = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') })));
    expect(error).toBeInstanceOf(DisabledException);
    expect(error.$metadata.httpStatusCode).toBe(409);
    expect(error.message).toBe(`${arn} is disabled.`);
  });

  it('fails with KMSInvalidStateException (409) for a key pending deletion (Developer Guide, key states)', async () => {
    const { kms, keyId, arn } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
    const error = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') })));
    expect(error).toBeInstanceOf(KMSInvalidStateException);
    expect(error.$metadata.httpStatusCode).toBe(409);
    expect(error.message).toBe(`${arn} is pending deletion.`);
  });

  it('rejects an asymmetric EncryptionAlgorithm for a symmetric key with InvalidKeyUsageException (API Reference, Encrypt EncryptionAlgorithm)', async () => {
    const { kms, keyId } = await setup();
    const error = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })));
    expect(error).toBeInstanceOf(InvalidKeyUsageException);
  });

  it('answers DryRun with DryRunOperationException (412) when the call would succeed, and does nothing (Developer Guide, DryRun)', async () => {
    const { vault, kms, keyId } = await setup();
    const error = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), DryRun: true })));
    expect(error).toBeInstanceOf(DryRunOperationException);
    expect(error.$metadata.httpStatusCode).toBe(412);
    expect(error.message).toBe('The request would have succeeded, but the DryRun option is set.');
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    expect(await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), DryRun: true })))).toBeInstanceOf(DisabledException);
    expect(vault.history.filter((c) => c.operation === 'Encrypt' && c.output)).toHaveLength(0);
  });

  it('rejects grant tokens the vault never issued with InvalidGrantTokenException (API Reference, GrantTokens)', async () => {
    const { kms, keyId } = await setup();
    const error = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), GrantTokens: ['not-a-token'] })));
    expect(error.name).toBe('InvalidGrantTokenException');
  });

  it('with the same seed, two vaults produce identical key ids and ciphertexts', async () => {
    const run = async () => {
      const { kms } = vaultClient({ seed: 42, clock: new Date('2026-01-01T00:00:00Z') });
      const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
      const out = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.from('x'), EncryptionContext: { a: 'b' } }));
      return [KeyMetadata?.KeyId, Buffer.from(out.CiphertextBlob ?? []).toString('base64')];
    };
    expect(await run()).toEqual(await run());
  });
});
