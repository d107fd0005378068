import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { createAwsManagedKey, unassociatedPredefinedAlias } from './aws-managed-keys';
import { keyMetadata } from '../vault/key-metadata';
import { resolveKey } from './resolve-key';

/**
 * Describes a key named by key id, key ARN, alias name or alias ARN. Works in every key state. A
 * predefined AWS alias (`alias/aws/s3`, ...) not yet associated with a key gets its AWS managed key.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html
 */
export function describeKey(context: OperationContext, input: HandlerInput<'DescribeKey'>): HandlerOutput<'DescribeKey'> {
  const keyId = input.KeyId;
  const predefined = unassociatedPredefinedAlias(context, keyId);
  const key = predefined === undefined ? resolveKey(context, keyId, { aliases: true }) : createAwsManagedKey(context, predefined);
  authorize(context, permissionOf(context.operation), key, input);
  return { KeyMetadata: keyMetadata(key) };
}
