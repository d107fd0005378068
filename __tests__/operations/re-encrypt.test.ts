import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyCommand,
  DisabledException,
  DryRunOperationException,
  EncryptCommand,
  IncorrectKeyException,
  InvalidCiphertextException,
  NotFoundException,
  ReEncryptCommand,
} from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

async function setup() {
  const { vault, kms } = vaultClient();
  const source = (await kms.send(new CreateKeyCommand({ Description: 'source' }))).KeyMetadata;
  const destination = (await kms.send(new CreateKeyCommand({ Description: 'destination' }))).KeyMetadata;
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/dest', TargetKeyId: destination?.KeyId }));
  const context = { purpose: 'reencrypt' };
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: source?.KeyId, Plaintext: Buffer.from('moving data'), EncryptionContext: context }));
  return { vault, kms, source: source as { KeyId: string; Arn: string }, destination: destination as { KeyId: string; Arn: string }, context, blob: CiphertextBlob as Uint8Array };
}

describe('ReEncrypt (seed: KMS API Reference, ReEncrypt)', () => {
  it('moves a ciphertext to another key without exposing the plaintext; the response names both keys and algorithms', async () => {
    const { kms, source, destination, context, blob } = await setup();
    const out = await kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: 'alias/dest', DestinationEncryptionContext: { purpose: 'moved' } }));
    expect(out.SourceKeyId).toBe(source.Arn);
    expect(out.KeyId).toBe(destination.Arn);
    expect(out.SourceEncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    expect(out.DestinationEncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    expect(out.SourceKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(out.DestinationKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(out.SourceKeyMaterialId).not.toBe(out.DestinationKeyMaterialId);
    expect(out).not.toHaveProperty('Plaintext');
    expect(out.CiphertextBlob?.constructor).toBe(Uint8Array);
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: { purpose: 'moved' } }));
    expect(Buffer.from(back.Plaintext ?? []).toString()).toBe('moving data');
    expect(back.KeyId).toBe(destination.Arn);
    expect(await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: { purpose: 'moved' }, KeyId: source.KeyId })))).toBeInstanceOf(IncorrectKeyException);
  });

  it('changes only the encryption context when the destination is the same key', async () => {
    const { kms, source, context, blob } = await setup();
    const out = await kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: source.KeyId, DestinationEncryptionContext: { v: '2' } }));
    expect(out.KeyId).toBe(source.Arn);
    expect(out.SourceKeyId).toBe(source.Arn);
    await expect(kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: { v: '2' } }))).resolves.toBeDefined();
  });

  it('needs the source encryption context: without it, InvalidCiphertextException', async () => {
    const { kms, destination, blob } = await setup();
    expect(await kmsErrorOf(kms.send(new ReEncryptCommand({ CiphertextBlob: blob, DestinationKeyId: destination.KeyId })))).toBeInstanceOf(InvalidCiphertextException);
  });

  it('a SourceKeyId that is not the key the blob names gives IncorrectKeyException; the right one is accepted', async () => {
    const { kms, source, destination, context, blob } = await setup();
    const error = await kmsErrorOf(kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceKeyId: destination.KeyId, SourceEncryptionContext: context, DestinationKeyId: destination.KeyId })));
    expect(error).toBeInstanceOf(IncorrectKeyException);
    await expect(kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceKeyId: source.Arn, SourceEncryptionContext: context, DestinationKeyId: destination.KeyId }))).resolves.toBeDefined();
  });

  it('a disabled source or destination key gives DisabledException (Developer Guide, key states)', async () => {
    const a = await setup();
    await a.kms.send(new DisableKeyCommand({ KeyId: a.source.KeyId }));
    expect(await kmsErrorOf(a.kms.send(new ReEncryptCommand({ CiphertextBlob: a.blob, SourceEncryptionContext: a.context, DestinationKeyId: a.destination.KeyId })))).toBeInstanceOf(DisabledException);
    const b = await setup();
    await b.kms.send(new DisableKeyCommand({ KeyId: b.destination.KeyId }));
    expect(await kmsErrorOf(b.kms.send(new ReEncryptCommand({ CiphertextBlob: b.blob, SourceEncryptionContext: b.context, DestinationKeyId: b.destination.KeyId })))).toBeInstanceOf(DisabledException);
  });

  it('an unknown destination gives NotFoundException; DestinationKeyId is required', async () => {
    const { kms, context, blob } = await setup();
    expect(await kmsErrorOf(kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: 'alias/nowhere' })))).toBeInstanceOf(NotFoundException);
    const error = await kmsErrorOf(kms.send(new ReEncryptCommand({ CiphertextBlob: blob } as never)));
    expect(error.message).toBe("1 validation error detected: Value null at 'destinationKeyId' failed to satisfy constraint: Member must not be null");
  });

  it('DryRun answers DryRunOperationException and records no re-encryption (Developer Guide, DryRun)', async () => {
    const { vault, kms, destination, context, blob } = await setup();
    const before = vault.history.length;
    const error = await kmsErrorOf(kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: destination.KeyId, DryRun: true })));
    expect(error).toBeInstanceOf(DryRunOperationException);
    expect(vault.history.slice(before).every((c) => c.error)).toBe(true);
  });
});
