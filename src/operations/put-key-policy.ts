import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { checkPolicyLockout, validateKeyPolicy } from '../auth/key-policy-rules';
import { requirePolicyName } from './key-policy-name';
import { resolveKey } from './resolve-key';

/**
 * Replaces a key's policy. The new policy is checked (MalformedPolicyDocumentException) and, unless
 * BypassPolicyLockoutSafetyCheck is true, must let the caller change it again (the lockout safety
 * check). Works in every key state.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
 */
export function putKeyPolicy(context: OperationContext, input: HandlerInput<'PutKeyPolicy'>): HandlerOutput<'PutKeyPolicy'> {
  const key = resolveKey(context, input.KeyId, { aliases: false });
  authorize(context, permissionOf(context.operation), key, input);
  requirePolicyName(input.PolicyName);
  const policy = input.Policy;
  validateKeyPolicy(policy);
  if (input.BypassPolicyLockoutSafetyCheck !== true) checkPolicyLockout(context, policy, key.arn, input);
  key.policy = policy;
  return {};
}
