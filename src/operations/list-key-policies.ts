import type { ListKeyPoliciesRequest, ListKeyPoliciesResponse } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { page } from './paging';
import { resolveKey } from './resolve-key';

/**
 * Lists the names of a key's policies: always `default`. Limit (1 to 1000) and Marker page the list.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyPolicies.html
 */
export function listKeyPolicies(context: OperationContext, input: ListKeyPoliciesRequest): ListKeyPoliciesResponse {
  const key = resolveKey(context, input.KeyId as string, { aliases: false });
  authorize(context, permissionOf(context.operation), key, input);
  const p = page('ListKeyPolicies', ['default'], input.Limit ?? 100, input.Marker);
  return { PolicyNames: p.items, ...p.more };
}
