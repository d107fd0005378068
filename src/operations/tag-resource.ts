import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { keyForOperation } from './key-for-operation';
import { mergeTags, validateTags } from '../vault/tags';

/**
 * Adds or overwrites tags of a customer managed key.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html
 */
export function tagResource(context: OperationContext, input: HandlerInput<'TagResource'>): HandlerOutput<'TagResource'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: false });
  const merged = mergeTags(key.tags, validateTags(input.Tags ?? []));
  key.tags.clear();
  for (const [k, v] of merged) key.tags.set(k, v);
  return {};
}
