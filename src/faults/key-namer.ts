import type { KeyNamer } from './fault-injector';
import { parseKmsArn } from '../vault/arn';
import type { VaultState } from '../vault/vault-state';

/**
 * Names keys for fault matching: the ARN of the key that a key id, key ARN, alias name or alias ARN
 * names in `region` (ids and alias names in `accountId`), read from the state; undefined when it
 * names none. Never throws, and runs no operation: a fault is decided before the request is.
 */
export function keyNamer(state: VaultState, accountId: string, region: string): KeyNamer {
  return (name) => {
    if (name.startsWith('alias/')) return aliasTarget(state, accountId, region, name);
    if (name.startsWith('arn:')) {
      const arn = parseKmsArn(name);
      // A request goes to one regional endpoint: an ARN of another region names nothing there.
      if (!arn || arn.region !== region) return undefined;
      if (arn.resourceType === 'alias') return aliasTarget(state, arn.accountId, arn.region, arn.resource);
      const key = state.peek(arn.accountId, arn.region)?.keys.get(arn.resource);
      return key && key.arn === name ? key.arn : undefined;
    }
    return state.peek(accountId, region)?.keys.get(name)?.arn;
  };
}

function aliasTarget(state: VaultState, accountId: string, region: string, aliasName: string): string | undefined {
  const store = state.peek(accountId, region);
  const alias = store?.aliases.get(aliasName);
  return alias ? store?.keys.get(alias.targetKeyId)?.arn : undefined;
}
