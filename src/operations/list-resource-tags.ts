import type { Tag } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { resolveKey } from './resolve-key';
import { page } from './paging';

/**
 * Lists the tags of a key, paged with Limit (1 to 50, default 50) and Marker.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html
 */
export function listResourceTags(context: OperationContext, input: HandlerInput<'ListResourceTags'>): HandlerOutput<'ListResourceTags'> {
  const key = resolveKey(context, input.KeyId, { aliases: false });
  authorize(context, permissionOf(context.operation), key, input);
  const tags: Tag[] = [...key.tags].map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
  const p = page('ListResourceTags', tags, input.Limit ?? 50, input.Marker);
  return { Tags: p.items, ...p.more };
}
