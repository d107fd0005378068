import type { OperationName } from '../contract/generated';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { KeyRecord } from './key-record';
import { KEY_STATE_TABLE, NO_KEY, type KeyStateOutcome, type KeyStateRow, type TableKeyState } from './key-state-table';

export type { KeyStateGatedOperation } from './key-state-table';

/**
 * Throws the exception the key-state table documents for `operation` on a key in its current state
 * (DisabledException, KMSInvalidStateException, KeyUnavailableException, ...); returns when allowed.
 * An operation whose row is "no key" names no key, so no state of `key` concerns it.
 */
export function requireKeyState(operation: OperationName, key: KeyRecord): void {
  const row: KeyStateRow | typeof NO_KEY = KEY_STATE_TABLE[operation];
  if (row === NO_KEY) return;
  const outcome: KeyStateOutcome | undefined = row[key.state as TableKeyState];
  if (outcome === 'ok' || outcome === undefined) return;
  if (operation === 'CancelKeyDeletion' && outcome === 'KMSInvalidStateException') {
    throw kmsError('KMSInvalidStateException', messages.notPendingDeletion(key.arn));
  }
  switch (outcome) {
    case 'DisabledException':
      throw kmsError('DisabledException', messages.disabled(key.arn));
    case 'NotFoundException':
      throw kmsError('NotFoundException', messages.keyNotFound(key.arn));
    case 'KeyUnavailableException':
      throw kmsError('KeyUnavailableException', messages.invalidState(key.arn, key.state));
    case 'UnsupportedOperationException':
      // Only keys with imported key material are PendingImport; the guide's footnote gives the origin.
      if (key.state === 'PendingImport') throw kmsError('UnsupportedOperationException', messages.originNotValid(key.arn, key.origin));
      throw kmsError('UnsupportedOperationException', messages.unsupportedInState(operation, key.arn, key.state));
    default:
      throw kmsError('KMSInvalidStateException', messages.invalidState(key.arn, key.state));
  }
}
