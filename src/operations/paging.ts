import { createHash } from 'node:crypto';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';

/** One page of a List operation: its items, and the response fields that say how to continue. */
export interface Page<T> {
  readonly items: T[];
  /** `Truncated`, and `NextMarker` when there is more. */
  readonly more: { readonly Truncated: boolean; readonly NextMarker?: string };
}

const PREFIX = 'kvm1';

/**
 * Cuts `items` into the page that starts at `marker`. Markers are opaque to callers and tied to the
 * operation; one the vault did not issue gives InvalidMarkerException.
 */
export function page<T>(operation: string, items: readonly T[], limit: number, marker: string | undefined): Page<T> {
  let start = 0;
  if (marker !== undefined) {
    const decoded = Buffer.from(marker, 'base64url').toString('utf8');
    const m = /^kvm1:([A-Za-z]+):(\d{1,9})$/.exec(decoded);
    if (!m || m[1] !== operation || Buffer.from(decoded, 'utf8').toString('base64url') !== marker) {
      throw kmsError('InvalidMarkerException', messages.invalidMarker());
    }
    start = Number(m[2]);
  }
  const slice = items.slice(start, start + limit);
  const next = start + slice.length;
  if (next < items.length) {
    return { items: slice, more: { Truncated: true, NextMarker: Buffer.from(`${PREFIX}:${operation}:${next}`, 'utf8').toString('base64url') } };
  }
  return { items: slice, more: { Truncated: false } };
}

/**
 * Cuts `items` into the page that follows the item whose position key the marker names. Each item has
 * a position key (`keyOf`) that does not change while it exists, and the items are listed in the order
 * of their keys (code-unit order), so the next page continues after the last item returned whatever was
 * added, removed or moved between pages: an item present throughout is listed exactly once. `keyPattern`
 * says what a key looks like; a marker the vault did not issue gives InvalidMarkerException.
 */
export function pageByKey<T>(
  operation: string,
  items: readonly T[],
  keyOf: (item: T) => string,
  keyPattern: RegExp,
  limit: number,
  marker: string | undefined,
): Page<T> {
  const keyed = items.map((item) => ({ item, key: keyOf(item) })).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  let after: string | undefined;
  if (marker !== undefined) {
    const decoded = Buffer.from(marker, 'base64url').toString('utf8');
    const m = /^kvm1:([A-Za-z]+):after:([0-9a-f]{12}):(.+)$/s.exec(decoded);
    after = m && m[1] === operation && m[2] === checksum(operation, m[3] ?? '') ? m[3] : undefined;
    if (after === undefined || !keyPattern.test(after) || Buffer.from(decoded, 'utf8').toString('base64url') !== marker) {
      throw kmsError('InvalidMarkerException', messages.invalidMarker());
    }
  }
  const from = after === undefined ? keyed : keyed.filter((k) => k.key > after);
  const slice = from.slice(0, limit);
  const last = slice[slice.length - 1];
  if (last !== undefined && from.length > slice.length) {
    return {
      items: slice.map((k) => k.item),
      more: {
        Truncated: true,
        NextMarker: Buffer.from(`${PREFIX}:${operation}:after:${checksum(operation, last.key)}:${last.key}`, 'utf8').toString('base64url'),
      },
    };
  }
  return { items: slice.map((k) => k.item), more: { Truncated: false } };
}

/** A check on a keyed marker, so that one altered or made up by a client is refused rather than followed. */
function checksum(operation: string, key: string): string {
  return createHash('sha256').update(`${operation}\n${key}`, 'utf8').digest('hex').slice(0, 12);
}
