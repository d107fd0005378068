import type { OperationName, OperationTypes } from '../contract/generated';
import { OPERATION_NAMES } from '../contract/generated';
import type { Caller } from '../engine/context';
import { execute } from '../engine/execute';
import { KmsVaultMockError } from '../errors/library-error';
import { type Clock, VaultClock } from './clock';
import { SeededRandom, systemRandom, type RandomSource } from './random';
import { VaultState } from './vault-state';
import type { CallRecord } from './call-history';
import { forgetReceivedCommands } from '../adapters/received-commands';
import { FaultInjector } from '../faults/fault-injector';
import { keyNamer } from './key-namer';
import type { LoadedScenario, Scenario } from '../scenarios/scenario';
import { loadScenario } from '../scenarios/load-scenario';
import { snapshotState } from '../scenarios/snapshot';

/** Options of a {@link KmsVault}. */
export interface KmsVaultOptions {
  /** The AWS account the vault's clients act as. Default `111122223333`. */
  readonly accountId?: string;
  /** The region of clients that configure none. Default `us-east-1`. */
  readonly region?: string;
  /** Makes key ids, key material and ciphertexts the same from run to run. For tests only. */
  readonly seed?: string | number;
  /** The time source: a `Clock`, or a `Date` to start a frozen clock at. Default: the system clock. */
  readonly clock?: Clock | Date;
}

/** Where a call through {@link KmsVault.execute} is made from. */
export interface ExecuteOptions {
  /** The region the request is sent to. Default: the vault's region. */
  readonly region?: string;
  /** The account the request is made as (its root principal). Default: the vault's account. */
  readonly accountId?: string;
}

const ACCOUNT = /^\d{12}$/;
const REGION = /^([a-z]+-){2,3}\d+$/;
const KNOWN = new Set<string>(OPERATION_NAMES);

/**
 * An in-memory AWS KMS: keys, aliases and their material, per account and region. Plug it into a
 * `KMSClient` with {@link vaultPlugin}; one vault can serve many clients.
 */
export class KmsVault {
  readonly accountId: string;
  readonly region: string;
  /** The vault's clock; `vault.clock.advance({ days: 30 })` moves KMS time forward. */
  readonly clock: VaultClock;
  /** @internal */
  readonly state = new VaultState();
  /** @internal */
  readonly random: RandomSource;
  /** Every call the vault has answered, oldest first: operation, input, output or error, vault time. */
  readonly history: CallRecord[] = [];
  /** Fault injection: `vault.faults.inject({ operation: 'Decrypt', error: 'ThrottlingException', times: 1 })`. */
  readonly faults: FaultInjector;
  /** @internal The principal requests are made as: the vault account's root. */
  readonly caller: Caller;

  constructor(options: KmsVaultOptions = {}) {
    const { accountId = '111122223333', region = 'us-east-1', seed, clock } = options;
    if (!ACCOUNT.test(accountId)) throw new KmsVaultMockError(`KmsVault option accountId must be 12 digits, like '111122223333'; got '${accountId}'.`);
    if (!REGION.test(region)) throw new KmsVaultMockError(`KmsVault option region must be an AWS region name such as 'us-east-1'; got '${region}'.`);
    if (seed !== undefined && typeof seed !== 'string' && typeof seed !== 'number') {
      throw new KmsVaultMockError('KmsVault option seed must be a string or a number.');
    }
    this.accountId = accountId;
    this.region = region;
    this.clock = new VaultClock(clock);
    this.caller = { accountId, principalArn: `arn:aws:iam::${accountId}:root` };
    this.faults = new FaultInjector(seed);
    this.random = seed === undefined ? systemRandom : new SeededRandom(seed);
  }

  /**
   * Runs a KMS operation directly, as if a client in `options.region` had sent it. Returns the output
   * (with `$metadata`) or throws the KMS error, exactly as through a `KMSClient`.
   */
  execute<K extends OperationName>(operation: K, input: OperationTypes[K]['input'], options: ExecuteOptions = {}): OperationTypes[K]['output'] {
    if (!KNOWN.has(operation)) throw new KmsVaultMockError(`'${String(operation)}' is not a KMS operation. Use a name from the KMS API Reference, such as 'Encrypt'.`);
    const region = options.region ?? this.region;
    const fault = this.faults.size > 0 ? this.faults.decide(operation, input, keyNamer(this, region)) : undefined;
    return execute(this, operation, input, { region, caller: this.callerFor(options.accountId) }, fault) as OperationTypes[K]['output'];
  }

  /** @internal The root principal of `accountId` (default: the vault's account). */
  callerFor(accountId?: string): Caller {
    if (accountId === undefined || accountId === this.accountId) return this.caller;
    if (!ACCOUNT.test(accountId)) throw new KmsVaultMockError(`accountId must be 12 digits, like '444455556666'; got '${accountId}'.`);
    return { accountId, principalArn: `arn:aws:iam::${accountId}:root` };
  }

  /**
   * Builds the state a scenario describes (keys, aliases, tags, rotations, ciphertexts made in
   * advance) and injects its faults. Returns the keys by ref and the ciphertexts by name.
   */
  load(scenario: Scenario): LoadedScenario {
    return loadScenario(this, scenario);
  }

  /** The whole vault as a scenario (keys with their material, so old ciphertexts keep decrypting). */
  snapshot(name = 'snapshot'): Scenario {
    return snapshotState(this.state, name);
  }

  /** Forgets the call history, and the commands the matchers see the vault received. */
  clearHistory(): void {
    this.history.length = 0;
    forgetReceivedCommands(this);
  }
}
