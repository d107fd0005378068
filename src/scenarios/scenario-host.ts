import type { OperationName, OperationTypes } from '../contract/generated';
import type { FaultInjector } from '../faults/fault-injector';
import type { Clock } from '../vault/clock';
import type { RandomSource } from '../vault/random';
import type { VaultState } from '../vault/vault-state';

/**
 * What loading a scenario needs of a vault: its state, its defaults, internal calls through the
 * engine, principals and faults. `KmsVault` is one; naming the needs here keeps scenarios/ from
 * depending on the facade that depends on it.
 */
export interface ScenarioHost {
  readonly accountId: string;
  readonly region: string;
  readonly state: VaultState;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly faults: Pick<FaultInjector, 'inject'>;
  executeInternal<K extends OperationName>(
    operation: K,
    input: OperationTypes[K]['input'],
    options?: { readonly region?: string; readonly accountId?: string; readonly principal?: string },
  ): OperationTypes[K]['output'];
  addPrincipal(arn: string, options?: { readonly policies?: readonly (string | object)[] }): { readonly arn: string; readonly accountId: string };
}
