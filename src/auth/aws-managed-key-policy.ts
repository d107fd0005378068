import { partitionOf } from '../vault/arn';

/** The endpoint prefix `kms:ViaService` names for a predefined alias's service, where it differs from the alias. */
const VIA_SERVICE: Readonly<Record<string, string>> = { ebs: 'ec2', kinesisvideo: 'kinesisvideo', xray: 'xray' };

/**
 * The key policy AWS gives the AWS managed key of `alias/aws/<service>` (Developer Guide, "AWS managed
 * keys"; the policy shown in the console for such keys): principals of the account may use the key only
 * through the owning service (`kms:ViaService` and `kms:CallerAccount`), and the account may read the
 * key's metadata directly. So calling Encrypt with `alias/aws/s3` directly is AccessDeniedException,
 * unless the client says it comes through S3 (`viaService`).
 */
export function awsManagedKeyPolicy(accountId: string, region: string, service: string): string {
  const via = `${VIA_SERVICE[service] ?? service}.${region}.amazonaws.com`;
  const sid = `Allow access through ${service} for all principals in the account that are authorized to use ${service}`;
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: `auto-${service}-2`,
      Statement: [
        {
          Sid: sid,
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
          Resource: '*',
          Condition: { StringEquals: { 'kms:CallerAccount': accountId, 'kms:ViaService': via } },
        },
        {
          Sid: 'Allow direct access to key metadata to the account',
          Effect: 'Allow',
          Principal: { AWS: `arn:${partitionOf(region)}:iam::${accountId}:root` },
          Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
          Resource: '*',
        },
      ],
    },
    null,
    2,
  );
}
