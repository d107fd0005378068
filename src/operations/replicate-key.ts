import type { ReplicateKeyRequest, ReplicateKeyResponse } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { NotImplementedError } from '../errors/library-error';
import { keyArn, partitionOf } from '../vault/arn';
import type { KeyRecord } from '../vault/key-record';
import { keyMetadata } from '../vault/key-metadata';
import { defaultKeyPolicy } from '../vault/key-policy';
import { checkPolicyLockout, validateKeyPolicy } from '../auth/key-policy-rules';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from './resolve-key';
import { requireMultiRegionPrimary } from './multi-region-rules';
import { validateTags } from '../vault/tags';

/**
 * Replicates a multi-Region primary key into another region of the same partition. The replica has
 * the same key id and key material; its policy, description, tags and aliases are its own. It is
 * `Creating` in the response and `Enabled` from the next request on, as KMS completes it asynchronously.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ReplicateKey.html
 */
export function replicateKey(context: OperationContext, input: ReplicateKeyRequest): ReplicateKeyResponse {
  const primary = resolveKey(context, input.KeyId as string, { aliases: false });
  authorize(context, permissionOf(context.operation), primary, input);
  requireKeyState('ReplicateKey', primary);
  const group = requireMultiRegionPrimary(primary);
  if (primary.origin === 'EXTERNAL') {
    // A replica of a key with imported key material starts PendingImport and takes its own import of
    // the same material (Developer Guide, key states): the vault does not model that yet.
    throw new NotImplementedError('kms-vault-mock does not implement ReplicateKey for keys with imported key material (Origin EXTERNAL) yet.');
  }
  const region = input.ReplicaRegion as string;
  if (partitionOf(region) !== partitionOf(primary.region)) {
    throw kmsError('ValidationException', messages.replicaPartition(region));
  }
  if (group.members.has(region)) {
    throw kmsError('AlreadyExistsException', messages.replicaExists(region, keyArn(region, primary.accountId, primary.keyId)));
  }
  const policy = input.Policy ?? defaultKeyPolicy(primary.accountId, region);
  if (input.Policy !== undefined) {
    validateKeyPolicy(policy);
    if (input.BypassPolicyLockoutSafetyCheck !== true) checkPolicyLockout(context, policy, keyArn(region, primary.accountId, primary.keyId), input);
  }
  const tags = validateTags(input.Tags ?? []);

  const replica: KeyRecord = {
    keyId: primary.keyId,
    arn: keyArn(region, primary.accountId, primary.keyId),
    accountId: primary.accountId,
    region,
    creationDate: context.now,
    description: input.Description ?? '',
    keyUsage: primary.keyUsage,
    keySpec: primary.keySpec,
    origin: primary.origin,
    keyManager: primary.keyManager,
    state: 'Enabled',
    policy,
    tags,
    // Shared, not copied: related multi-Region keys rotate together.
    materials: primary.materials,
    currentMaterial: primary.currentMaterial,
    multiRegionGroup: group,
  };
  group.members.set(region, replica);
  context.state.addKey(replica);
  context.state.settleLater(replica, 'Creating', 'Enabled');
  // Recorded (LocalStack test_replicate_key, 2025): ReplicaKeyMetadata has no CurrentKeyMaterialId,
  // which DescribeKey on the replica shows.
  const { CurrentKeyMaterialId: _omitted, ...metadata } = keyMetadata(replica);
  // Recorded (same test): a replica created without tags has no ReplicaTags member, not an empty list.
  const replicaTags = [...tags].map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
  return { ReplicaKeyMetadata: metadata, ReplicaPolicy: policy, ...(replicaTags.length > 0 ? { ReplicaTags: replicaTags } : {}) };
}
