import { partitionOf } from './arn';

/** The default key policy KMS gives a key created without one: the account's IAM policies decide. */
export function defaultKeyPolicy(accountId: string, region: string): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:${partitionOf(region)}:iam::${accountId}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    },
    null,
    2,
  );
}
