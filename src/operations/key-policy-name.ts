import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';

/** A key has one policy, named `default` (API Reference, GetKeyPolicy PolicyName); any other name names nothing. */
export function requirePolicyName(name: string | undefined): void {
  if (name !== undefined && name !== 'default') throw kmsError('NotFoundException', messages.policyNameNotFound());
}
