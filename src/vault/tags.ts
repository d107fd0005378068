import type { Tag } from '@aws-sdk/client-kms';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';

/** Tags as a map, after the checks KMS makes: no reserved `aws:` prefix, no key given twice. */
export function validateTags(tags: readonly Tag[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const tag of tags) {
    const key = tag.TagKey ?? '';
    if (key.toLowerCase().startsWith('aws:')) throw kmsError('TagException', messages.reservedTagKey());
    if (out.has(key)) throw kmsError('TagException', messages.duplicateTagKeys());
    out.set(key, tag.TagValue ?? '');
  }
  return out;
}
