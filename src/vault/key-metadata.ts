import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { KeyRecord } from './key-record';

/** KeyMetadata exactly as DescribeKey reports it: only the fields AWS returns for this kind of key. */
export function keyMetadata(key: KeyRecord): KeyMetadata {
  const m: KeyMetadata = {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: new Date(key.creationDate.getTime()),
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.state,
    Origin: key.origin,
    KeyManager: key.keyManager,
    CustomerMasterKeySpec: key.keySpec as KeyMetadata['CustomerMasterKeySpec'],
    KeySpec: key.keySpec,
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: key.multiRegion,
    CurrentKeyMaterialId: key.currentMaterial.id,
  };
  if (key.state === 'PendingDeletion' && key.deletionDate) {
    m.DeletionDate = new Date(key.deletionDate.getTime());
    m.PendingDeletionWindowInDays = key.pendingWindowInDays;
  }
  return m;
}
