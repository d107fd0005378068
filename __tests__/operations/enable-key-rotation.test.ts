import {
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyRotationCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GetKeyRotationStatusCommand,
  ListKeyRotationsCommand,
  UnsupportedOperationException,
} from '@aws-sdk/client-kms';
import { expectKmsError } from '../helpers/expect-kms-error';
import { externalKey, importMaterial } from '../helpers/import-material';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

const DAY = 86_400_000;

describe('EnableKeyRotation, GetKeyRotationStatus, DisableKeyRotation', () => {
  it('rotates automatically when the vault clock reaches NextRotationDate, 365 days by default (API Reference, EnableKeyRotation)', async () => {
    const { vault, kms } = vaultClient({ clock: new Date('2026-01-01T00:00:00Z') });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const keyId = KeyMetadata?.KeyId as string;
    const old = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') }));
    await kms.send(new EnableKeyRotationCommand({ KeyId: keyId }));
    const status = await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
    expect(status).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 365, KeyId: KeyMetadata?.Arn });
    expect(status.NextRotationDate?.toISOString()).toBe(new Date(Date.parse('2026-01-01T00:00:00Z') + 365 * DAY).toISOString());

    vault.clock.advance({ days: 364 });
    expect((await kms.send(new ListKeyRotationsCommand({ KeyId: keyId }))).Rotations).toEqual([]);
    vault.clock.advance({ days: 1 });
    const { Rotations } = await kms.send(new ListKeyRotationsCommand({ KeyId: keyId }));
    expect(Rotations?.map((r) => r.RotationType)).toEqual(['AUTOMATIC']);
    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: old.CiphertextBlob }));
    expect(Buffer.from(Plaintext ?? []).toString()).toBe('x');
    const next = await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
    expect(next.NextRotationDate?.toISOString()).toBe(new Date(Date.parse('2026-01-01T00:00:00Z') + 730 * DAY).toISOString());
  });

  it('takes RotationPeriodInDays from 90 to 2560 and rejects others with ValidationException (API Reference, EnableKeyRotation)', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await kms.send(new EnableKeyRotationCommand({ KeyId: KeyMetadata?.KeyId, RotationPeriodInDays: 90 }));
    expect((await kms.send(new GetKeyRotationStatusCommand({ KeyId: KeyMetadata?.KeyId }))).RotationPeriodInDays).toBe(90);
    const error = await kmsErrorOf(kms.send(new EnableKeyRotationCommand({ KeyId: KeyMetadata?.KeyId, RotationPeriodInDays: 89 })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe(
      "1 validation error detected: Value '89' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value greater than or equal to 90",
    );
  });

  it('DisableKeyRotation turns automatic rotation off: no RotationPeriodInDays or NextRotationDate (API Reference, GetKeyRotationStatus)', async () => {
    const { vault, kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await kms.send(new EnableKeyRotationCommand({ KeyId: KeyMetadata?.KeyId }));
    await kms.send(new DisableKeyRotationCommand({ KeyId: KeyMetadata?.KeyId }));
    const status = await kms.send(new GetKeyRotationStatusCommand({ KeyId: KeyMetadata?.KeyId }));
    expect(status.KeyRotationEnabled).toBe(false);
    expect(status.RotationPeriodInDays).toBeUndefined();
    expect(status.NextRotationDate).toBeUndefined();
    vault.clock.advance({ days: 400 });
    expect((await kms.send(new ListKeyRotationsCommand({ KeyId: KeyMetadata?.KeyId }))).Rotations).toEqual([]);
  });

  it('keys with imported key material do not rotate automatically: UnsupportedOperationException naming the origin (API Reference, EnableKeyRotation; Developer Guide, key states footnote)', async () => {
    const { kms } = vaultClient();
    const { keyId, arn } = await externalKey(kms);
    const unsupported = { type: UnsupportedOperationException, status: 400, message: `${arn} origin is EXTERNAL which is not valid for this operation.` };
    await expectKmsError(kms.send(new EnableKeyRotationCommand({ KeyId: keyId })), unsupported);
    await importMaterial(kms, keyId, Buffer.alloc(32, 3));
    await expectKmsError(kms.send(new EnableKeyRotationCommand({ KeyId: keyId })), unsupported);
    await expectKmsError(kms.send(new DisableKeyRotationCommand({ KeyId: keyId })), unsupported);
  });
});
