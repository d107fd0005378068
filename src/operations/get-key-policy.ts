import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { requirePolicyName } from './key-policy-name';
import { resolveKey } from './resolve-key';

/**
 * Returns a key's policy (the only policy name is `default`). Works in every key state.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html
 */
export function getKeyPolicy(context: OperationContext, input: HandlerInput<'GetKeyPolicy'>): HandlerOutput<'GetKeyPolicy'> {
  const key = resolveKey(context, input.KeyId, { aliases: false });
  authorize(context, permissionOf(context.operation), key, input);
  requirePolicyName(input.PolicyName);
  return { Policy: key.policy, PolicyName: 'default' };
}
