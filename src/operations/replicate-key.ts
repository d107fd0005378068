import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { keyArn, partitionOf } from '../vault/arn';
import type { KeyRecord } from '../vault/key-record';
import { keyMetadata } from '../vault/key-metadata';
import { defaultKeyPolicy } from '../vault/key-policy';
import { checkPolicyLockout, validateKeyPolicy } from '../auth/key-policy-rules';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from './resolve-key';
import { requireMultiRegionPrimary } from './multi-region-rules';
import { validateTags } from '../vault/tags';
import { NO_KEY_MATERIAL } from '../vault/imported-material';

/**
 * Replicates a multi-Region primary key into another region of the same partition. The replica has
 * the same key id and key material; its policy, description, tags and aliases are its own. It is
 * `Creating` in the response and `Enabled` from the next request on, as KMS completes it asynchronously.
 *
 * A primary key with imported key material (Origin EXTERNAL) gives a replica with the same key id, key
 * spec, key usage and origin but no key material: `Creating`, then `PendingImport` until the same key
 * material is imported into it with its own GetParametersForImport and ImportKeyMaterial (Developer
 * Guide, "Importing key material into multi-Region keys": "the replicate process returns a replica key
 * with no key material and a key state of PendingImport"; "KMS does not copy or synchronize the key
 * material from a primary key with imported key material to its replica keys").
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ReplicateKey.html
 */
export function replicateKey(context: OperationContext, input: HandlerInput<'ReplicateKey'>): HandlerOutput<'ReplicateKey'> {
  const primary = resolveKey(context, input.KeyId, { aliases: false });
  authorize(context, permissionOf(context.operation), primary, input);
  requireKeyState('ReplicateKey', primary);
  const group = requireMultiRegionPrimary(primary);
  const region = input.ReplicaRegion;
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
  const imported = primary.origin === 'EXTERNAL';

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
    // Shared, not copied: related multi-Region keys rotate together. Imported key material is each
    // Region's own: imported, expiring and deleted per Region (vault/imported-material.ts).
    materials: imported ? [] : primary.materials,
    currentMaterial: imported ? NO_KEY_MATERIAL : primary.currentMaterial,
    multiRegionGroup: group,
  };
  group.members.set(region, replica);
  context.state.addKey(replica);
  context.state.settleLater(replica, 'Creating', imported ? 'PendingImport' : 'Enabled');
  // Recorded (LocalStack test_replicate_key, 2025): ReplicaKeyMetadata has no CurrentKeyMaterialId,
  // which DescribeKey on the replica shows.
  const { CurrentKeyMaterialId: _omitted, ...metadata } = keyMetadata(replica);
  // Recorded (same test): a replica created without tags has no ReplicaTags member, not an empty list.
  const replicaTags = [...tags].map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
  return { ReplicaKeyMetadata: metadata, ReplicaPolicy: policy, ...(replicaTags.length > 0 ? { ReplicaTags: replicaTags } : {}) };
}
