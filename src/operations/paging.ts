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
