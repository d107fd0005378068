import type { OperationContext } from '../context/operation-context';
import type { AliasListEntry } from '@aws-sdk/client-kms';
import { aliasArn, keyArn, parseKmsArn } from '../vault/arn';
import { newKeyMaterial } from '../vault/key-material';
import { awsManagedKeyPolicy } from '../auth/aws-managed-key-policy';
import { newAlias, type KeyRecord } from '../vault/key-record';
import { uuidFrom } from '../vault/random';
import { addDays } from '../vault/rotation';

/**
 * The services whose predefined aliases (`alias/aws/<service>`) an account has before any AWS
 * managed key exists: the common ones AWS creates in every account. An `alias/aws/` name outside
 * this list names nothing, as an alias that does not exist.
 */
const PREDEFINED_SERVICES: ReadonlySet<string> = new Set([
  'acm',
  'backup',
  'cloud9',
  'codecommit',
  'connect',
  'dynamodb',
  'ebs',
  'elasticfilesystem',
  'es',
  'fsx',
  'glue',
  'kinesis',
  'kinesisvideo',
  'lambda',
  'lightsail',
  'rds',
  'redshift',
  's3',
  'secretsmanager',
  'sns',
  'sqs',
  'ssm',
  'xray',
]);

/**
 * The predefined aliases of an account and Region that no key is associated with yet, as ListAliases
 * lists them: AliasName and AliasArn only, no TargetKeyId (API Reference, ListAliases: "The response
 * might also include aliases that have no TargetKeyId field. These are predefined aliases that AWS has
 * created but has not yet associated with a KMS key"), and no dates (the AliasListEntry of a
 * predefined alias in real responses carries none). Every account and Region has them; they are not
 * stored, so they count against no alias quota. Sorted by name.
 */
export function unassociatedPredefinedAliases(accountId: string, region: string, associated: { has(aliasName: string): boolean }): AliasListEntry[] {
  const entries: AliasListEntry[] = [];
  for (const service of [...PREDEFINED_SERVICES].sort()) {
    const aliasName = `alias/aws/${service}`;
    if (!associated.has(aliasName)) entries.push({ AliasName: aliasName, AliasArn: aliasArn(region, accountId, aliasName) });
  }
  return entries;
}

/** AWS rotates the material of AWS managed keys every year (Developer Guide, "Rotating keys"). */
const AWS_MANAGED_ROTATION_DAYS = 365;

/**
 * The predefined AWS alias a DescribeKey request names (alias name, or alias ARN of the caller's
 * account and region) when no key is associated with it yet; undefined otherwise.
 */
export function unassociatedPredefinedAlias(context: OperationContext, keyId: string): string | undefined {
  let aliasName = keyId;
  if (keyId.startsWith('arn:')) {
    const arn = parseKmsArn(keyId);
    if (!arn || arn.resourceType !== 'alias' || arn.accountId !== context.caller.accountId || arn.region !== context.region) return undefined;
    aliasName = arn.resource;
  }
  if (!aliasName.startsWith('alias/aws/') || !PREDEFINED_SERVICES.has(aliasName.slice('alias/aws/'.length))) return undefined;
  return context.state.peek(context.caller.accountId, context.region)?.aliases.has(aliasName) ? undefined : aliasName;
}

/**
 * Creates the AWS managed key of a predefined alias and associates the alias with it, as KMS does
 * when DescribeKey names a predefined alias (API Reference, DescribeKey: "If you specify a predefined
 * AWS alias (an AWS alias with no key ID), KMS associates the alias with an AWS managed key").
 */
export function createAwsManagedKey(context: OperationContext, aliasName: string): KeyRecord {
  const { accountId } = context.caller;
  const service = aliasName.slice('alias/aws/'.length);
  const keyId = uuidFrom(context.random);
  const material = newKeyMaterial(context);
  const key: KeyRecord = {
    keyId,
    arn: keyArn(context.region, accountId, keyId),
    accountId,
    region: context.region,
    creationDate: context.now,
    description: `Default key that protects my ${service} data when no other key is defined`,
    keyUsage: 'ENCRYPT_DECRYPT',
    keySpec: 'SYMMETRIC_DEFAULT',
    origin: 'AWS_KMS',
    keyManager: 'AWS',
    state: 'Enabled',
    policy: awsManagedKeyPolicy(accountId, context.region, service),
    tags: new Map(),
    materials: [material],
    currentMaterial: material,
    rotation: { periodDays: AWS_MANAGED_ROTATION_DAYS, nextRotationDate: addDays(context.now, AWS_MANAGED_ROTATION_DAYS) },
  };
  context.state.addKey(key);
  context.state.trackRotation(key);
  context.state.store(accountId, context.region).aliases.set(aliasName, newAlias(aliasName, key, context.now));
  return key;
}
