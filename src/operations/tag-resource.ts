import type { TagResourceRequest } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { authorize } from '../auth/authorize';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from './resolve-key';
import { mergeTags, validateTags } from '../vault/tags';

/**
 * Adds or overwrites tags of a customer managed key.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html
 */
export function tagResource(context: OperationContext, input: TagResourceRequest): Record<string, never> {
  const key = resolveKey(context, input.KeyId as string, { aliases: false });
  authorize(context, 'kms:TagResource', key, input);
  requireKeyState('TagResource', key);
  const merged = mergeTags(key.tags, validateTags(input.Tags ?? []));
  key.tags.clear();
  for (const [k, v] of merged) key.tags.set(k, v);
  return {};
}
