import { kmsError } from '../errors/kms-error';
import type { OperationContext } from '../engine/context';
import type { KeyRecord } from '../vault/key-record';

/** A KMS permission, as written in key policies (`kms:Encrypt`, `kms:ReEncryptFrom`, ...). */
export type KmsAction = `kms:${string}`;

/**
 * Decides whether the caller may perform `action` on `key`. The single place key policies and grants
 * will be evaluated; for now the key's own account may do everything and other accounts nothing,
 * which is what KMS's default key policy says.
 */
export function authorize(context: OperationContext, action: KmsAction, key: KeyRecord): void {
  if (key.accountId === context.caller.accountId) return;
  throw kmsError(
    'AccessDeniedException',
    `User: ${context.caller.principalArn} is not authorized to perform: ${action} on resource: ${key.arn} because no resource-based policy allows the ${action} action`,
  );
}
