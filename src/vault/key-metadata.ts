import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { KeyRecord } from './key-record';
import { hasKeyMaterial, importExpiration } from './imported-material';
import { algorithmsOf, isSymmetricEncryptionSpec } from './key-specs';

/**
 * The algorithm lists of a key's spec and usage (EncryptionAlgorithms, SigningAlgorithms,
 * MacAlgorithms, KeyAgreementAlgorithms, EncapsulationAlgorithms), fresh arrays, as DescribeKey and
 * GetPublicKey report them.
 */
export function usageAlgorithms(
  key: Pick<KeyRecord, 'keySpec' | 'keyUsage'>,
): Pick<KeyMetadata, 'EncryptionAlgorithms' | 'SigningAlgorithms' | 'MacAlgorithms' | 'KeyAgreementAlgorithms' | 'EncapsulationAlgorithms'> {
  const out: Pick<KeyMetadata, 'EncryptionAlgorithms' | 'SigningAlgorithms' | 'MacAlgorithms' | 'KeyAgreementAlgorithms' | 'EncapsulationAlgorithms'> = {};
  for (const [member, list] of Object.entries(algorithmsOf(key.keySpec, key.keyUsage))) {
    (out as Record<string, unknown>)[member] = [...(list as readonly string[])];
  }
  return out;
}

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
    ...usageAlgorithms(key),
    MultiRegion: key.multiRegionGroup !== undefined,
  };
  // Only symmetric encryption keys have versions of key material (they alone rotate); a key waiting
  // for its first import has none yet.
  // Keys in custom key stores have one backing key and no versions (KeyMetadata, CurrentKeyMaterialId).
  if (isSymmetricEncryptionSpec(key.keySpec) && hasKeyMaterial(key) && !key.customKeyStore) m.CurrentKeyMaterialId = key.currentMaterial.id;
  const store = key.customKeyStore;
  if (store) {
    if (store.cloudHsmClusterId !== undefined) m.CloudHsmClusterId = store.cloudHsmClusterId;
    m.CustomKeyStoreId = store.customKeyStoreId;
    if (store.xksKeyId !== undefined) m.XksKeyConfiguration = { Id: store.xksKeyId };
  }
  Object.assign(m, importExpiration(key));
  const group = key.multiRegionGroup;
  if (group) {
    const primary = group.members.get(group.primaryRegion);
    m.MultiRegionConfiguration = {
      MultiRegionKeyType: key.region === group.primaryRegion ? 'PRIMARY' : 'REPLICA',
      PrimaryKey: { Arn: primary?.arn, Region: group.primaryRegion },
      ReplicaKeys: [...group.members.values()].filter((k) => k.region !== group.primaryRegion).map((k) => ({ Arn: k.arn, Region: k.region })),
    };
  }
  if (key.state === 'PendingDeletion' && key.deletionDate) m.DeletionDate = new Date(key.deletionDate.getTime());
  // KeyMetadata: the window is reported only while a primary key waits for its replicas to be deleted
  // (PendingReplicaDeletion); once its deletion date is known, DeletionDate takes its place.
  if (key.state === 'PendingReplicaDeletion') m.PendingDeletionWindowInDays = key.pendingWindowInDays;
  return m;
}
