import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisabledException,
  EncryptCommand,
  LimitExceededException,
  ListKeyRotationsCommand,
  ReEncryptCommand,
  RotateKeyOnDemandCommand,
  DeleteImportedKeyMaterialCommand,
  KMSInvalidStateException,
} from '@aws-sdk/client-kms';
import { randomBytes } from 'node:crypto';
import { expectKmsError } from '../helpers/expect-kms-error';
import { externalKey, importMaterial } from '../helpers/import-material';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

async function setup() {
  const { vault, kms } = vaultClient();
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  return { vault, kms, keyId: KeyMetadata?.KeyId as string, arn: KeyMetadata?.Arn as string };
}

describe('RotateKeyOnDemand', () => {
  it('adds key material: new ciphertexts use it and older ciphertexts still decrypt (API Reference, RotateKeyOnDemand)', async () => {
    const { kms, keyId, arn } = await setup();
    const before = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('old') }));
    const firstMaterial = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.CurrentKeyMaterialId;
    const out = await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    expect(out.KeyId).toBe(arn);
    const secondMaterial = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.CurrentKeyMaterialId;
    expect(secondMaterial).toMatch(/^[0-9a-f]{64}$/);
    expect(secondMaterial).not.toBe(firstMaterial);

    const after = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('new') }));
    const oldOpen = await kms.send(new DecryptCommand({ CiphertextBlob: before.CiphertextBlob }));
    const newOpen = await kms.send(new DecryptCommand({ CiphertextBlob: after.CiphertextBlob }));
    expect(Buffer.from(oldOpen.Plaintext ?? []).toString()).toBe('old');
    expect(oldOpen.KeyMaterialId).toBe(firstMaterial);
    expect(Buffer.from(newOpen.Plaintext ?? []).toString()).toBe('new');
    expect(newOpen.KeyMaterialId).toBe(secondMaterial);
  });

  it('ReEncrypt under the same key moves an old ciphertext to the current material (Developer Guide, rotating keys)', async () => {
    const { kms, keyId } = await setup();
    const before = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('data') }));
    await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    const moved = await kms.send(new ReEncryptCommand({ CiphertextBlob: before.CiphertextBlob, DestinationKeyId: keyId }));
    const current = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.CurrentKeyMaterialId;
    expect(moved.DestinationKeyMaterialId).toBe(current);
    expect(moved.SourceKeyMaterialId).not.toBe(current);
  });

  it('is listed by ListKeyRotations as an ON_DEMAND rotation dated by the vault clock (API Reference, ListKeyRotations)', async () => {
    const { vault, kms, keyId, arn } = await setup();
    vault.clock.advance({ days: 3 });
    const at = vault.clock.now();
    await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    const { Rotations, Truncated } = await kms.send(new ListKeyRotationsCommand({ KeyId: keyId }));
    expect(Truncated).toBe(false);
    expect(Rotations).toHaveLength(1);
    expect(Rotations?.[0]).toMatchObject({ KeyId: arn, RotationType: 'ON_DEMAND', KeyMaterialState: 'CURRENT' });
    expect(Math.abs((Rotations?.[0]?.RotationDate?.getTime() ?? 0) - at.getTime())).toBeLessThan(1000);
    const all = await kms.send(new ListKeyRotationsCommand({ KeyId: keyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }));
    expect(all.Rotations?.map((r) => r.KeyMaterialState)).toEqual(['NON_CURRENT', 'CURRENT']);
  });

  it('fails with DisabledException for a disabled key (Developer Guide, key states)', async () => {
    const { kms, keyId } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    const error = await kmsErrorOf(kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId })));
    expect(error).toBeInstanceOf(DisabledException);
  });

  it('stops at the per-key quota of on-demand rotations with LimitExceededException (Developer Guide, on-demand rotation quota)', async () => {
    const { kms, keyId, arn } = await setup();
    let rotations = 0;
    for (;;) {
      try {
        await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
        rotations++;
      } catch (error) {
        expect(error).toBeInstanceOf(LimitExceededException);
        // Recorded wording (LocalStack test_key_rotations_limits).
        expect((error as Error).message).toBe(
          `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${arn}`,
        );
        break;
      }
      if (rotations > 100) throw new Error('no limit');
    }
    expect(rotations).toBe(25);
  });

  describe('symmetric keys with imported key material', () => {
    it('rotates into new material imported with ImportType NEW_KEY_MATERIAL (PENDING_ROTATION until then); old ciphertexts still decrypt (API Reference, RotateKeyOnDemand, ListKeyRotations KeyMaterialState)', async () => {
      const { kms } = vaultClient();
      const { keyId } = await externalKey(kms);
      const first = await importMaterial(kms, keyId, randomBytes(32));
      const old = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('old') }));
      const next = await importMaterial(kms, keyId, randomBytes(32), { ImportType: 'NEW_KEY_MATERIAL', KeyMaterialDescription: 'next' });
      expect(next.KeyMaterialId).not.toBe(first.KeyMaterialId);
      const pending = await kms.send(new ListKeyRotationsCommand({ KeyId: keyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }));
      expect(pending.Rotations?.map((r) => [r.KeyMaterialId, r.KeyMaterialState, r.ImportState])).toEqual([
        [first.KeyMaterialId, 'CURRENT', 'IMPORTED'],
        [next.KeyMaterialId, 'PENDING_ROTATION', 'IMPORTED'],
      ]);
      expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.CurrentKeyMaterialId).toBe(first.KeyMaterialId);

      await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
      expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.CurrentKeyMaterialId).toBe(next.KeyMaterialId);
      const rotations = await kms.send(new ListKeyRotationsCommand({ KeyId: keyId }));
      expect(rotations.Rotations).toEqual([
        expect.objectContaining({ KeyMaterialId: next.KeyMaterialId, KeyMaterialState: 'CURRENT', RotationType: 'ON_DEMAND', KeyMaterialDescription: 'next' }),
      ]);
      const fresh = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('new') }));
      expect((await kms.send(new DecryptCommand({ CiphertextBlob: fresh.CiphertextBlob }))).KeyMaterialId).toBe(next.KeyMaterialId);
      const opened = await kms.send(new DecryptCommand({ CiphertextBlob: old.CiphertextBlob }));
      expect(Buffer.from(opened.Plaintext ?? []).toString()).toBe('old');
      expect(opened.KeyMaterialId).toBe(first.KeyMaterialId);
    });

    it('without new material pending rotation: KMSInvalidStateException (recordings of real AWS); pending material can be deleted and other material imported in its place (API Reference, RotateKeyOnDemand; ListKeyRotations KeyMaterialState)', async () => {
      const { kms } = vaultClient();
      const { keyId, arn } = await externalKey(kms);
      await importMaterial(kms, keyId, randomBytes(32));
      await expectKmsError(kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId })), {
        type: KMSInvalidStateException,
        status: 400,
        message: `No available key material pending rotation for the key: ${arn}.`,
      });
      const pending = await importMaterial(kms, keyId, randomBytes(32), { ImportType: 'NEW_KEY_MATERIAL' });
      await kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId, KeyMaterialId: pending.KeyMaterialId }));
      expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('Enabled');
      expect((await kms.send(new ListKeyRotationsCommand({ KeyId: keyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }))).Rotations).toHaveLength(1);
      await importMaterial(kms, keyId, randomBytes(32), { ImportType: 'NEW_KEY_MATERIAL' });
      await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    });
  });
});
