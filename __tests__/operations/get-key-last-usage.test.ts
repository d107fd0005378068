import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GetKeyLastUsageCommand,
  NotFoundException,
  ReEncryptCommand,
} from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('GetKeyLastUsage', () => {
  it('has no KeyLastUsage for an unused key; TrackingStartDate is on or before the creation date (API Reference, GetKeyLastUsage)', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const out = await kms.send(new GetKeyLastUsageCommand({ KeyId: KeyMetadata?.KeyId }));
    expect(out.KeyId).toBe(KeyMetadata?.Arn);
    expect(out.KeyLastUsage).toBeUndefined();
    expect(out.KeyCreationDate?.getTime()).toBe(KeyMetadata?.CreationDate?.getTime());
    expect((out.TrackingStartDate?.getTime() ?? Infinity) <= (out.KeyCreationDate?.getTime() ?? 0)).toBe(true);
  });

  it('reports the last successful cryptographic operation, its time and request id; not DescribeKey, not failures', async () => {
    const { vault, kms } = vaultClient({ clock: new Date('2026-03-01T00:00:00Z') });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    vault.clock.advance({ hours: 1 });
    const enc = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.from('x') }));
    await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId }));
    await kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob, EncryptionContext: { wrong: 'context' } })).catch(() => undefined);
    const { KeyLastUsage } = await kms.send(new GetKeyLastUsageCommand({ KeyId: KeyMetadata?.Arn }));
    expect(KeyLastUsage?.Operation).toBe('Encrypt');
    expect(KeyLastUsage?.Timestamp?.toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(KeyLastUsage?.KmsRequestId).toBe(enc.$metadata.requestId);
    expect(KeyLastUsage?.CloudTrailEventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('ReEncrypt counts as a use of both the source and the destination key (API Reference, GetKeyLastUsage)', async () => {
    const { kms } = vaultClient();
    const a = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId;
    const b = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId;
    const enc = await kms.send(new EncryptCommand({ KeyId: a, Plaintext: Buffer.from('x') }));
    await kms.send(new ReEncryptCommand({ CiphertextBlob: enc.CiphertextBlob, DestinationKeyId: b }));
    expect((await kms.send(new GetKeyLastUsageCommand({ KeyId: a }))).KeyLastUsage?.Operation).toBe('ReEncrypt');
    expect((await kms.send(new GetKeyLastUsageCommand({ KeyId: b }))).KeyLastUsage?.Operation).toBe('ReEncrypt');
  });

  it('takes a key id or key ARN, not an alias (API Reference, GetKeyLastUsage KeyId)', async () => {
    const { kms } = vaultClient();
    expect(await kmsErrorOf(kms.send(new GetKeyLastUsageCommand({ KeyId: 'alias/x' })))).toBeInstanceOf(NotFoundException);
  });
});
