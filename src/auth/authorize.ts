import { kmsError } from '../errors/kms-error';
import type { OperationContext } from '../engine/context';
import type { KeyRecord } from '../vault/key-record';
import { policyAllows } from './key-policy-evaluation';

/** A KMS permission, as written in key policies (`kms:Encrypt`, `kms:ReEncryptFrom`, ...). */
export type KmsAction = `kms:${string}`;

/**
 * Decides whether the caller may perform `action` on `key`: the single place key policies (and later
 * grants) are evaluated. The key's own account may do everything, as KMS's default key policy lets the
 * account's IAM policies decide; another account needs the key policy to allow it.
 */
export function authorize(context: OperationContext, action: KmsAction, key: KeyRecord): void {
  if (key.accountId === context.caller.accountId) return;
  if (policyAllows(key.policy, context.caller, action)) return;
  throw kmsError(
    'AccessDeniedException',
    `User: ${context.caller.principalArn} is not authorized to perform: ${action} on resource: ${key.arn} because no resource-based policy allows the ${action} action`,
  );
}
