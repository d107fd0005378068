import type { DescribeKeyRequest, DescribeKeyResponse } from '@aws-sdk/client-kms';
import type { OperationContext } from '../engine/context';
import { authorize } from '../auth/authorize';
import { keyMetadata } from '../vault/key-metadata';
import { resolveKey } from '../vault/resolve-key';

/**
 * Describes a key named by key id, key ARN, alias name or alias ARN. Works in every key state.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html
 */
export function describeKey(context: OperationContext, input: DescribeKeyRequest): DescribeKeyResponse {
  const key = resolveKey(context, input.KeyId as string, { aliases: true });
  authorize(context, 'kms:DescribeKey', key);
  return { KeyMetadata: keyMetadata(key) };
}
