import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { resolveKey } from './resolve-key';

/**
 * Lists the names of a key's policies: always `default`, in one untruncated page.
 *
 * A key has exactly one policy and Limit is at least 1, so this operation never issues a NextMarker,
 * and its contract lists no InvalidMarkerException: a Marker (which can only be one the vault did not
 * issue) does not change the answer. See docs/research/list-key-policies-marker.md.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyPolicies.html
 */
export function listKeyPolicies(context: OperationContext, input: HandlerInput<'ListKeyPolicies'>): HandlerOutput<'ListKeyPolicies'> {
  const key = resolveKey(context, input.KeyId, { aliases: false });
  authorize(context, permissionOf(context.operation), key, input);
  return { PolicyNames: ['default'], Truncated: false };
}
