import type { Tag } from '@aws-sdk/client-kms';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';

/** The most tags a KMS key can have (Developer Guide, resource quotas). */
export const MAX_TAGS_PER_KEY = 50;

/** Tags as a map, after the checks KMS makes: no reserved `aws:` prefix, no key given twice. */
export function validateTags(tags: readonly Tag[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const tag of tags) {
    const key = tag.TagKey ?? '';
    if (key.toLowerCase().startsWith('aws:')) throw kmsError('TagException', messages.reservedTagKey());
    if (out.has(key)) throw kmsError('TagException', messages.duplicateTagKeys());
    out.set(key, tag.TagValue ?? '');
  }
  if (out.size > MAX_TAGS_PER_KEY) throw kmsError('TagException', messages.tooManyTags());
  return out;
}

/** `current` with `added` merged in (values of existing keys replaced); TagException past the quota. */
export function mergeTags(current: ReadonlyMap<string, string>, added: ReadonlyMap<string, string>): Map<string, string> {
  const merged = new Map(current);
  for (const [k, v] of added) merged.set(k, v);
  if (merged.size > MAX_TAGS_PER_KEY) throw kmsError('TagException', messages.tooManyTags());
  return merged;
}
