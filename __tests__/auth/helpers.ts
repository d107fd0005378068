import type { KMSClient } from '@aws-sdk/client-kms';
import type { KmsVault } from '../../src';
import { adapterClient } from '../helpers/adapters';

/** The vault's account in these tests, and another one. */
export const ACCOUNT = '111122223333';
export const OTHER = '444455556666';

/** A KMSClient acting as a principal the vault knows, through its credentials (as a user sets it up). */
export function clientAs(vault: KmsVault, arn: string, policies: readonly object[] = []): KMSClient {
  const { credentials } = vault.addPrincipal(arn, { policies });
  return adapterClient(vault, { region: 'us-east-1', credentials });
}

/** An identity policy of one Allow statement. */
export function allow(action: string | string[], resource: string | string[] = '*', condition?: object): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) }] };
}

/** An identity policy of one Deny statement. */
export function deny(action: string | string[], resource: string | string[] = '*', condition?: object): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) }] };
}

/** A key policy: the default statement for `account` (none for `null`), plus `statements`. */
export function keyPolicy(statements: readonly object[], account: string | null = ACCOUNT): string {
  const root =
    account === null
      ? []
      : [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }];
  return JSON.stringify({ Version: '2012-10-17', Id: 'key-test', Statement: [...root, ...statements] });
}
