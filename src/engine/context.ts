import type { Clock } from '../vault/clock';
import type { RandomSource } from '../vault/random';
import type { VaultState } from '../vault/vault-state';

/** Who is calling: the account (and principal) a request is made as. */
export interface Caller {
  readonly accountId: string;
  readonly principalArn: string;
}

/** Everything an operation handler may use: state, time, randomness and the caller's place. */
export interface OperationContext {
  readonly state: VaultState;
  readonly clock: Clock;
  readonly random: RandomSource;
  /** The region the request was sent to. */
  readonly region: string;
  readonly caller: Caller;
  /** The request time: one instant for the whole request. */
  readonly now: Date;
}

/** An operation handler: validated input in, output without `$metadata` out, KMS errors thrown. */
export type OperationHandler<I = never, O = unknown> = (context: OperationContext, input: I) => O;
