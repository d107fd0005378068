import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { KeyRecord } from './key-record';
import { KEY_STATE_TABLE, type TableKeyState } from './key-state-table';

/** An operation that the KMS Developer Guide's key-state table governs. */
export type KeyStateGatedOperation = keyof typeof KEY_STATE_TABLE;

/**
 * Throws the exception the key-state table documents for `operation` on a key in its current state
 * (DisabledException, KMSInvalidStateException, KeyUnavailableException, ...); returns when allowed.
 */
export function requireKeyState(operation: KeyStateGatedOperation, key: KeyRecord): void {
  const outcome = (KEY_STATE_TABLE[operation] as Record<TableKeyState, string>)[key.state as TableKeyState];
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
