import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';

/** Alias names must start with `alias/` and may not use the `alias/aws/` prefix reserved for AWS managed keys. */
export function requireCustomerAliasName(aliasName: string): void {
  if (!aliasName.startsWith('alias/') || aliasName.length <= 'alias/'.length) {
    throw kmsError('ValidationException', messages.aliasPrefix());
  }
  if (aliasName.startsWith('alias/aws/')) {
    // KMS answers NotAuthorizedException (not in the model) for the prefix reserved to AWS managed keys.
    throw kmsError('NotAuthorizedException', '');
  }
}
