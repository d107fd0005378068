import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { keyForOperation } from './key-for-operation';

/**
 * Removes tags from a customer managed key; tag keys it does not have are ignored.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html
 */
export function untagResource(context: OperationContext, input: HandlerInput<'UntagResource'>): HandlerOutput<'UntagResource'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: false });
  const tagKeys = input.TagKeys ?? [];
  if (tagKeys.some((k) => k.toLowerCase().startsWith('aws:'))) throw kmsError('TagException', messages.reservedTagKey());
  for (const k of tagKeys) key.tags.delete(k);
  return {};
}
