import type { OperationContext } from '../context/operation-context';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { requireKeyState } from '../vault/key-state-rules';
import type { KeyRecord } from '../vault/key-record';
import { resolveKey, type ResolveOptions } from './resolve-key';

/**
 * The prologue of an operation on one key, in KMS's order: find the key the request names
 * (NotFoundException), authorize the running operation's permission on it (AccessDeniedException),
 * then check the key's state against the key-state table (DisabledException, KMSInvalidStateException).
 * The operation, its permission and its row of the table (every operation has one) come from the context.
 */
export function keyForOperation(context: OperationContext, keyId: string, input: unknown, options: ResolveOptions): KeyRecord {
  const key = resolveKey(context, keyId, options);
  authorize(context, permissionOf(context.operation), key, input);
  requireKeyState(context.operation, key);
  return key;
}
