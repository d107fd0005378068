import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { KeyRecord, MultiRegionGroup } from '../vault/key-record';

/** The group of a multi-Region primary key; UnsupportedOperationException for other keys. */
export function requireMultiRegionPrimary(key: KeyRecord): MultiRegionGroup {
  const group = key.multiRegionGroup;
  if (!group) throw kmsError('UnsupportedOperationException', messages.notMultiRegion(key.arn));
  if (group.primaryRegion !== key.region) {
    throw kmsError('UnsupportedOperationException', messages.notMultiRegionPrimary(key.arn));
  }
  return group;
}
