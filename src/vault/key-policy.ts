import { kmsError } from '../errors/kms-error';
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

/** Parses a key policy document; MalformedPolicyDocumentException when it is not a JSON policy. */
export function parsePolicy(policy: string): unknown {
  let doc: unknown;
  try {
    doc = JSON.parse(policy);
  } catch {
    throw kmsError('MalformedPolicyDocumentException', 'The policy document is not valid JSON.');
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || !('Statement' in doc)) {
    throw kmsError('MalformedPolicyDocumentException', 'The policy document must contain a Statement.');
  }
  return doc;
}
