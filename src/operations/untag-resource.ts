import type { UntagResourceRequest } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { authorize } from '../auth/authorize';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from './resolve-key';

/**
 * Removes tags from a customer managed key; tag keys it does not have are ignored.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html
 */
export function untagResource(context: OperationContext, input: UntagResourceRequest): Record<string, never> {
  const key = resolveKey(context, input.KeyId as string, { aliases: false });
  authorize(context, 'kms:UntagResource', key, input);
  requireKeyState('UntagResource', key);
  const tagKeys = input.TagKeys ?? [];
  if (tagKeys.some((k) => k.toLowerCase().startsWith('aws:'))) throw kmsError('TagException', messages.reservedTagKey());
  for (const k of tagKeys) key.tags.delete(k);
  return {};
}
