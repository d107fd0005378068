import type { KeyNamer } from './fault-injector';
import type { Caller, OperationContext } from '../context/operation-context';
import { resolveKey } from '../operations/resolve-key';
import type { VaultState } from '../vault/vault-state';
import type { Clock } from '../vault/clock';
import type { RandomSource } from '../vault/random';

/** Names keys for fault matching: the ARN of the key a name resolves to in `region`, never throwing. */
export function keyNamer(vault: { state: VaultState; clock: Clock; random: RandomSource; caller: Caller }, region: string): KeyNamer {
  return (name) => {
    const context: OperationContext = { state: vault.state, clock: vault.clock, random: vault.random, region, caller: vault.caller, now: vault.clock.now(), operation: 'DescribeKey', request: {} };
    try {
      return resolveKey(context, name, { aliases: true }).arn;
    } catch {
      return undefined;
    }
  };
}
