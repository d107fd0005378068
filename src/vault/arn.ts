/** The AWS partition a region belongs to. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

/** `arn:aws:kms:<region>:<account>:key/<keyId>` */
export function keyArn(region: string, accountId: string, keyId: string): string {
  return `arn:${partitionOf(region)}:kms:${region}:${accountId}:key/${keyId}`;
}

/** `arn:aws:kms:<region>:<account>:<aliasName>` (the alias name keeps its `alias/` prefix). */
export function aliasArn(region: string, accountId: string, aliasName: string): string {
  return `arn:${partitionOf(region)}:kms:${region}:${accountId}:${aliasName}`;
}

/** The parts of a KMS ARN. */
export interface KmsArn {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly resourceType: 'key' | 'alias';
  /** The key id, or the alias name with its `alias/` prefix. */
  readonly resource: string;
}

const ARN = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):(key|alias)\/(.+)$/;

/** Parses a KMS key or alias ARN; undefined when `value` is not one. */
export function parseKmsArn(value: string): KmsArn | undefined {
  const m = ARN.exec(value);
  if (!m) return undefined;
  const [, partition, region, accountId, resourceType, rest] = m as unknown as [string, string, string, string, 'key' | 'alias', string];
  return { partition, region, accountId, resourceType, resource: resourceType === 'alias' ? `alias/${rest}` : rest };
}
