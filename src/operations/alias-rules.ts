import { kmsError } from '../errors/kms-error';

/** Alias names must start with `alias/` and may not use the `alias/aws/` prefix reserved for AWS managed keys. */
export function requireCustomerAliasName(aliasName: string): void {
  if (!aliasName.startsWith('alias/') || aliasName.length <= 'alias/'.length) {
    throw kmsError('InvalidAliasNameException', `Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html`);
  }
  if (aliasName.startsWith('alias/aws/')) {
    throw kmsError('InvalidAliasNameException', `Alias ${aliasName} must not begin with 'alias/aws/'. That prefix is reserved for AWS managed keys.`);
  }
}
