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
    MultiRegion: key.multiRegionGroup !== undefined,
    CurrentKeyMaterialId: key.currentMaterial.id,
  };
  const group = key.multiRegionGroup;
  if (group) {
    const primary = group.members.get(group.primaryRegion);
    m.MultiRegionConfiguration = {
      MultiRegionKeyType: key.region === group.primaryRegion ? 'PRIMARY' : 'REPLICA',
      PrimaryKey: { Arn: primary?.arn, Region: group.primaryRegion },
      ReplicaKeys: [...group.members.values()].filter((k) => k.region !== group.primaryRegion).map((k) => ({ Arn: k.arn, Region: k.region })),
    };
  }
  if (key.state === 'PendingDeletion' && key.deletionDate) {
    m.DeletionDate = new Date(key.deletionDate.getTime());
    m.PendingDeletionWindowInDays = key.pendingWindowInDays;
  }
  return m;
}
