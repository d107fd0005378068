/**
 * A key-rotation job tested against the vault clock: automatic rotation every 90 days, then a job
 * that moves stored ciphertexts to the key's current material with ReEncrypt (the plaintext never
 * leaves KMS). Old ciphertexts keep decrypting throughout, as in KMS.
 * Run: npx tsx examples/key-rotation-job.ts
 */
import assert from 'node:assert/strict';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  KMSClient,
  ListKeyRotationsCommand,
  ReEncryptCommand,
  RotateKeyOnDemandCommand,
} from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin } from 'kms-vault-mock';

interface StoredRecord {
  readonly id: string;
  ciphertext: Uint8Array;
}

/** The key material a ciphertext was made under, as Decrypt reports it. */
async function materialOf(kms: KMSClient, record: StoredRecord): Promise<string | undefined> {
  const { KeyMaterialId } = await kms.send(new DecryptCommand({ CiphertextBlob: record.ciphertext, EncryptionContext: { record: record.id } }));
  return KeyMaterialId;
}

/** The job under test: re-encrypts every record not under the key's current material. Returns how many it moved. */
async function rotateStoredCiphertexts(kms: KMSClient, keyId: string, records: StoredRecord[]): Promise<number> {
  const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
  let moved = 0;
  for (const record of records) {
    if ((await materialOf(kms, record)) === KeyMetadata?.CurrentKeyMaterialId) continue;
    const context = { record: record.id };
    const { CiphertextBlob } = await kms.send(
      new ReEncryptCommand({
        CiphertextBlob: record.ciphertext,
        SourceEncryptionContext: context,
        DestinationKeyId: keyId,
        DestinationEncryptionContext: context,
      }),
    );
    assert.ok(CiphertextBlob);
    record.ciphertext = CiphertextBlob;
    moved++;
  }
  return moved;
}

async function main(): Promise<void> {
  const vault = new KmsVault({ seed: 'rotation', clock: new Date('2026-01-01T00:00:00Z') });
  const kms = new KMSClient({ region: 'us-east-1' });
  kms.middlewareStack.use(vaultPlugin(vault));

  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'records' }));
  const keyId = KeyMetadata?.KeyId ?? '';
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/records', TargetKeyId: keyId }));
  await kms.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 90 }));

  const records: StoredRecord[] = [];
  for (const id of ['a', 'b', 'c']) {
    const { CiphertextBlob } = await kms.send(
      new EncryptCommand({ KeyId: 'alias/records', Plaintext: Buffer.from(`record ${id}`), EncryptionContext: { record: id } }),
    );
    records.push({ id, ciphertext: CiphertextBlob ?? new Uint8Array() });
  }
  const original = await materialOf(kms, records[0] as StoredRecord);

  // Nothing to do before the key rotates.
  assert.equal(await rotateStoredCiphertexts(kms, keyId, records), 0);

  // 91 days later KMS has rotated the key on its own schedule.
  vault.clock.advance({ days: 91 });
  const { Rotations } = await kms.send(new ListKeyRotationsCommand({ KeyId: keyId }));
  assert.deepEqual(
    Rotations?.map((r) => r.RotationType),
    ['AUTOMATIC'],
  );
  console.log(`after 91 days          ${Rotations?.length} automatic rotation, on ${Rotations?.[0]?.RotationDate?.toISOString().slice(0, 10)}`);

  // Old ciphertexts still decrypt; the job moves them to the new material.
  assert.equal(await materialOf(kms, records[1] as StoredRecord), original);
  assert.equal(await rotateStoredCiphertexts(kms, keyId, records), 3);
  assert.equal(await rotateStoredCiphertexts(kms, keyId, records), 0);
  const { KeyMetadata: rotated } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
  for (const record of records) assert.equal(await materialOf(kms, record), rotated?.CurrentKeyMaterialId);
  console.log(`job, first run         3 records moved to material ${rotated?.CurrentKeyMaterialId?.slice(0, 12)}...`);

  // An on-demand rotation (say, after an incident) makes them stale again.
  await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
  assert.equal(await rotateStoredCiphertexts(kms, keyId, records), 3);
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: records[2]?.ciphertext, EncryptionContext: { record: 'c' } }));
  assert.equal(Buffer.from(Plaintext ?? []).toString(), 'record c');
  console.log('RotateKeyOnDemand      3 records moved again; they decrypt to what was stored');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
