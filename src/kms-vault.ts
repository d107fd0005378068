import { createHash } from 'node:crypto';
import type { OperationName, OperationTypes } from './contract/generated';
import { OPERATION_NAMES } from './contract/generated';
import type { Caller, RequestFacts } from './context/operation-context';
import { answerNow } from './engine/answer';
import { execute, type Output } from './engine/execute';
import { CallObservers } from './engine/observers';
import type { CloudTrailLog } from './cloudtrail/cloudtrail-log';
import { vaultCloudTrail } from './cloudtrail/vault-cloudtrail';
import type { ServiceEventSink } from './vault/background';
import { KmsVaultMockError } from './errors/library-error';
import { type Clock, VaultClock } from './vault/clock';
import { SeededRandom, systemRandom, type RandomSource } from './vault/random';
import { VaultState } from './vault/vault-state';
import { appendBounded, withoutSecrets, type CallRecord } from './vault/call-history';
import { callerOf, credentialsFor, rootCaller, type PrincipalCredentials } from './vault/principal';
import { recordKeyUsage } from './vault/last-usage';
import { forgetReceivedCommands } from './engine/received-commands';
import { FaultInjector } from './faults/fault-injector';
import type { LoadedScenario, Scenario } from './scenarios/scenario';
import { loadScenario } from './scenarios/load-scenario';
import { validateScenario } from './scenarios/validate-scenario';
import { closestMatch } from './scenarios/did-you-mean';
import { snapshotState } from './scenarios/snapshot';
import { NitroEnclaves } from './nitro/nitro-enclaves';
import { CoverageAccumulator } from './coverage/coverage-accumulator';
import type { CoverageReport } from './coverage/coverage-report';
import { joinRunCoverage } from './coverage/run-coverage';
import { vaultKeyLookup } from './coverage/vault-key-lookup';
import {
  addCloudHsmCluster,
  addXksProxy,
  type CloudHsmCluster,
  type CloudHsmClusterOptions,
  type XksProxy,
  type XksProxyOptions,
} from './vault/custom-key-store-backends';

/** Options of a {@link KmsVault}. */
export interface KmsVaultOptions {
  /** The AWS account the vault's clients act as. Default `111122223333`. */
  readonly accountId?: string;
  /** The region of clients that configure none. Default `us-east-1`. */
  readonly region?: string;
  /** Makes key ids, key material, ciphertexts, signatures and credentials the same from run to run. For tests only. */
  readonly seed?: string | number;
  /** The time source: a `Clock`, or a `Date` to start a frozen clock at. Default: the system clock. */
  readonly clock?: Clock | Date;
  /** How many calls {@link KmsVault.history} keeps (the oldest are dropped), and how many events {@link KmsVault.cloudTrail} keeps. Default 1000. */
  readonly historyLimit?: number;
  /**
   * Keep plaintexts, private keys and shared secrets in {@link KmsVault.history}. Default false: the
   * history holds no secrets, so a long suite or a server does not keep them.
   */
  readonly recordSecrets?: boolean;
  /**
   * Grants are eventually consistent in KMS: a new grant is usable without its grant token only after
   * this many seconds of vault time (the token works at once). Default 0. Set it to prove your code
   * passes the grant token.
   */
  readonly grantPropagationSeconds?: number;
}

/** Who and where a call through {@link KmsVault.execute} is made from. */
export interface ExecuteOptions {
  /** The region the request is sent to. Default: the vault's region. */
  readonly region?: string;
  /** The account the request is made as (its root principal). Default: the vault's account. */
  readonly accountId?: string;
  /** The ARN of the principal the request is made as (see {@link KmsVault.addPrincipal}); wins over `accountId`. */
  readonly principal?: string;
  /** `kms:ViaService`: the AWS service the request is made through, such as `secretsmanager.us-east-1.amazonaws.com`. */
  readonly viaService?: string;
}

/** Options of {@link KmsVault.addPrincipal}. */
export interface PrincipalOptions {
  /** IAM identity policies attached to the principal: JSON text or objects. */
  readonly policies?: readonly (string | object)[];
}

/** A principal the vault knows: what {@link KmsVault.addPrincipal} returns. */
export interface VaultPrincipal {
  readonly arn: string;
  readonly accountId: string;
  /** Access keys that make a client act as this principal (through the middleware or SigV4 over the wire). */
  readonly credentials: PrincipalCredentials;
}

/** Every option of {@link KmsVaultOptions} (a new option that is not listed here does not compile). */
const OPTION_NAMES: Record<keyof KmsVaultOptions, true> = {
  accountId: true,
  region: true,
  seed: true,
  clock: true,
  historyLimit: true,
  recordSecrets: true,
  grantPropagationSeconds: true,
};

/** A misspelt option (`seeed`) is a library error naming the option it most likely meant, not silently ignored. */
function checkOptionNames(options: KmsVaultOptions): void {
  if (options === null || typeof options !== 'object') throw new KmsVaultMockError("KmsVault options must be an object, such as { seed: 'my-suite' }.");
  const known = Object.keys(OPTION_NAMES);
  for (const name of Object.keys(options)) {
    if (Object.hasOwn(OPTION_NAMES, name)) continue;
    const guess = closestMatch(name, known);
    throw new KmsVaultMockError(`KmsVault has no option '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}; its options are ${known.join(', ')}.`);
  }
}

const ACCOUNT = /^\d{12}$/;
const REGION = /^([a-z]+-){2,3}\d+$/;
const KNOWN = new Set<string>(OPERATION_NAMES);

/**
 * An in-memory AWS KMS: keys, aliases and their material, principals and their policies, per account
 * and region. Plug it into a `KMSClient` with {@link vaultPlugin}; one vault can serve many clients.
 */
export class KmsVault {
  readonly accountId: string;
  readonly region: string;
  /** The vault's clock; `vault.clock.advance({ days: 30 })` moves KMS time forward. */
  readonly clock: VaultClock;
  /** @internal Replaced as a whole by {@link KmsVault.reset}. */
  state = new VaultState();
  /** @internal */
  readonly random: RandomSource;
  /** The latest calls the vault answered (see `historyLimit`), oldest first: operation, input, output or error, caller, vault time. */
  readonly history: CallRecord[] = [];
  /** Fault injection: `vault.faults.inject({ operation: 'Decrypt', error: 'ThrottlingException', times: 1 })`. */
  readonly faults: FaultInjector;
  /** Nitro Enclaves test helpers: `vault.nitro.attestationDocument({ publicKey, pcrs })` for a request's Recipient. */
  readonly nitro: NitroEnclaves = new NitroEnclaves(this);
  /**
   * The CloudTrail log: one record per call and per thing KMS did on its own (rotations, deletions,
   * expiries), as KMS writes them: `vault.cloudTrail.events({ eventName: 'Decrypt' })`. Keeps the
   * latest `historyLimit` events.
   */
  readonly cloudTrail: CloudTrailLog;
  /** @internal Told of what KMS does on its own as the engine catches up with time (the CloudTrail log). */
  readonly serviceEvents: ServiceEventSink;
  /** @internal The principal requests are made as by default: the vault account's root. */
  readonly caller: Caller;
  /**
   * @internal Told of every call answered for a caller, by name: `last-usage`, `history`, and whatever
   * else subscribes (`vault.observers.add('persistence', fn)`).
   */
  readonly observers = new CallObservers();
  private readonly seed: string | number | undefined;
  /** @internal How many calls the history keeps; the matchers' lists of received commands keep as many. */
  readonly historyLimit: number;
  private readonly grantPropagationMs: number;
  private readonly coverageCounts = new CoverageAccumulator(vaultKeyLookup(() => this.state));

  constructor(options: KmsVaultOptions = {}) {
    checkOptionNames(options);
    const { accountId = '111122223333', region = 'us-east-1', seed, clock, historyLimit = 1000, recordSecrets = false } = options;
    if (!ACCOUNT.test(accountId)) throw new KmsVaultMockError(`KmsVault option accountId must be 12 digits, like '111122223333'; got '${accountId}'.`);
    if (!REGION.test(region)) throw new KmsVaultMockError(`KmsVault option region must be an AWS region name such as 'us-east-1'; got '${region}'.`);
    if (seed !== undefined && typeof seed !== 'string' && typeof seed !== 'number') {
      throw new KmsVaultMockError('KmsVault option seed must be a string or a number.');
    }
    if (!Number.isInteger(historyLimit) || historyLimit < 0)
      throw new KmsVaultMockError(`KmsVault option historyLimit must be a whole number of calls, 0 or more; got ${String(historyLimit)}.`);
    const { grantPropagationSeconds = 0 } = options;
    if (typeof grantPropagationSeconds !== 'number' || !(grantPropagationSeconds >= 0))
      throw new KmsVaultMockError(`KmsVault option grantPropagationSeconds must be 0 or more; got ${String(grantPropagationSeconds)}.`);
    this.grantPropagationMs = grantPropagationSeconds * 1000;
    this.state.grants.propagationMs = this.grantPropagationMs;
    this.accountId = accountId;
    this.region = region;
    this.seed = seed;
    this.historyLimit = historyLimit;
    this.clock = new VaultClock(clock);
    this.caller = rootCaller(accountId);
    this.faults = new FaultInjector(seed);
    this.random = seed === undefined ? systemRandom : new SeededRandom(seed);
    const history = this.history;
    const coverage = this.coverageCounts;
    this.observers.add('coverage', (event) => coverage.observe(event));
    joinRunCoverage(coverage.tally);
    this.observers.add('last-usage', (event) => {
      if (event.output) recordKeyUsage(this.state, event.operation, event.output, event.time, event.requestId);
    });
    this.observers.add('history', (event) => {
      if (historyLimit === 0) return;
      const record: { -readonly [K in keyof CallRecord]: CallRecord[K] } = {
        operation: event.operation,
        input: recordSecrets ? event.input : withoutSecrets(event.input),
        region: event.region,
        caller: event.caller.arn,
        time: event.time,
        requestId: event.requestId,
      };
      if (event.output) record.output = recordSecrets ? event.output : withoutSecrets(event.output);
      if (event.error) record.error = event.error;
      appendBounded(history, record, historyLimit);
    });
    const trail = vaultCloudTrail(this, historyLimit);
    this.cloudTrail = trail.log;
    this.serviceEvents = trail.serviceEvent;
    this.observers.add('cloudtrail', trail.observe);
  }

  /**
   * What the calls this vault answered exercised of KMS, like a line-coverage report: per operation,
   * calls, successes, the documented exceptions raised and never raised, the parameter values and key
   * specs, usages and states used and never used. Plain JSON; combine reports with `mergeCoverage`.
   * `vault.reset()` keeps it (a suite resets between tests); internal uses (matchers, loading) are not in it.
   */
  coverage(): CoverageReport {
    return this.coverageCounts.report();
  }

  /**
   * Runs a KMS operation directly, as if a client in `options.region` had sent it as `options.principal`
   * (default: the account root). Returns the output (with `$metadata`) or throws the KMS error, exactly
   * as through a `KMSClient`; injected faults apply.
   */
  execute<K extends OperationName>(operation: K, input: OperationTypes[K]['input'], options: ExecuteOptions = {}): OperationTypes[K]['output'] {
    if (!KNOWN.has(operation))
      throw new KmsVaultMockError(`'${String(operation)}' is not a KMS operation. Use a name from the KMS API Reference, such as 'Encrypt'.`);
    const region = options.region ?? this.region;
    const request: RequestFacts | undefined = options.viaService === undefined ? undefined : { viaService: options.viaService };
    return answerNow(this, operation, input, { region, caller: this.callerFor(options), ...(request ? { request } : {}) }) as OperationTypes[K]['output'];
  }

  /**
   * @internal An internal use of an operation (scenario loading, matchers): runs through the engine
   * like any request, but meets no injected fault and is seen by no observer (no history, no last use).
   */
  executeInternal<K extends OperationName>(operation: K, input: OperationTypes[K]['input'], options: ExecuteOptions = {}): OperationTypes[K]['output'] {
    return execute(
      this,
      operation,
      input,
      { region: options.region ?? this.region, caller: this.callerFor(options) },
      { internal: true },
    ) as Output as OperationTypes[K]['output'];
  }

  /**
   * Makes a principal known to the vault: an IAM user (`arn:aws:iam::ACCOUNT:user/NAME`), a role
   * (`arn:aws:iam::ACCOUNT:role/NAME`, acting as a session of it), an assumed-role session
   * (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`) or an account root, in any account. Its
   * credentials make a client act as it; under a seed they are the same in every run. `policies` are
   * its IAM identity policies. Adding the same ARN again replaces its policies and keeps its credentials.
   */
  addPrincipal(arn: string, options: PrincipalOptions = {}): VaultPrincipal {
    const caller = callerOf(arn);
    if (!caller) {
      throw new KmsVaultMockError(
        `'${arn}' is not a principal ARN kms-vault-mock knows. Use arn:aws:iam::ACCOUNT:user/NAME, arn:aws:iam::ACCOUNT:role/NAME, arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION or arn:aws:iam::ACCOUNT:root.`,
      );
    }
    const policies = (options.policies ?? []).map((p, i) => policyText(p, arn, i));
    const credentials = this.state.principals.get(arn)?.credentials ?? credentialsFor(caller, this.seed, this.random);
    this.state.addPrincipal({ caller, credentials, policies });
    return { arn, accountId: caller.accountId, credentials };
  }

  /**
   * Registers a simulated CloudHSM cluster for CloudHSM key stores (CreateCustomKeyStore validates
   * against it), or changes one: active, HSMs, Availability Zones, the `kmsuser` password, a
   * ConnectionErrorCode every connection attempt fails with. Returns its trust anchor certificate (PEM,
   * a real self-signed certificate) to pass as TrustAnchorCertificate.
   */
  addCloudHsmCluster(clusterId: string, options: CloudHsmClusterOptions = {}): CloudHsmCluster {
    return addCloudHsmCluster(this.state.customKeyStores, this.random, clusterId, options);
  }

  /**
   * Registers a simulated external key store proxy at `uriEndpoint` (`https://host`), or changes one:
   * its path, the credential it accepts, its external keys, whether it is reachable, a ConnectionErrorCode
   * every connection attempt fails with. An endpoint no test registers is a proxy that accepts any path,
   * credential and external key id.
   */
  addXksProxy(uriEndpoint: string, options: XksProxyOptions = {}): XksProxy {
    return addXksProxy(this.state.customKeyStores, this.random, uriEndpoint, options);
  }

  /** @internal The principal with this access key id, if the vault knows one. */
  principalByAccessKey(accessKeyId: string): { readonly caller: Caller; readonly credentials: PrincipalCredentials } | undefined {
    return this.state.principalsByAccessKey.get(accessKeyId);
  }

  /**
   * @internal The caller a request is made as: the principal named by ARN (it must be known, or be an
   * account root), else the root of `accountId`, else the vault account's root.
   */
  callerFor(who: { readonly accountId?: string; readonly principal?: string } | string = {}): Caller {
    const { accountId, principal } = typeof who === 'string' ? { accountId: who, principal: undefined } : who;
    if (principal !== undefined) {
      const known = this.state.principals.get(principal)?.caller;
      if (known) return known;
      const caller = callerOf(principal);
      if (caller?.type === 'Account') return caller;
      throw new KmsVaultMockError(`The vault knows no principal '${principal}'. Add it first with vault.addPrincipal('${principal}').`);
    }
    if (accountId === undefined || accountId === this.accountId) return this.caller;
    if (!ACCOUNT.test(accountId)) throw new KmsVaultMockError(`accountId must be 12 digits, like '444455556666'; got '${accountId}'.`);
    return rootCaller(accountId);
  }

  /**
   * Builds the state a scenario or a snapshot describes (keys, aliases, tags, rotations, principals,
   * ciphertexts made in advance) and injects its faults. Returns the keys by ref and the ciphertexts
   * by name. Loading is not a call: it leaves no history and counts as no key's use.
   */
  load(scenario: Scenario): LoadedScenario {
    // Checked like a file, since JavaScript callers (and documents built by hand) reach here unchecked.
    validateScenario(
      scenario,
      `The document given to vault.load ('${typeof scenario === 'object' && scenario !== null ? String((scenario as { name?: unknown }).name) : String(scenario)}')`,
    );
    // All or nothing: a document that fails halfway leaves the vault as it was.
    const before = this.snapshot('before load');
    const random = this.random;
    let loaded: LoadedScenario;
    try {
      loaded = loadScenario(this, scenario);
    } catch (error) {
      this.state = new VaultState();
      loadScenario(this, before);
      (this as { random: RandomSource }).random = random;
      throw error;
    }
    // A seeded sequence starts with the vault, but a snapshot's keys took their ids and material further
    // along it: drawing on would make them again (CreateKey then replaces a loaded key). The sequence goes
    // on from one derived from its position and the document, so the same seed still repeats everything.
    if (this.seed !== undefined) {
      const next = createHash('sha256').update(this.random.bytes(32)).update(JSON.stringify(scenario)).digest('hex');
      (this as { random: RandomSource }).random = new SeededRandom(next);
    }
    return loaded;
  }

  /**
   * The whole vault as a versioned state document: `new KmsVault().load(vault.snapshot())` answers
   * every read as this vault does. The same format as scenario files. Holds secrets in clear.
   */
  snapshot(name = 'snapshot'): Scenario {
    return snapshotState(this.state, name);
  }

  /**
   * Empties the vault: no keys, aliases, principals or grants, no call history, no injected faults.
   * The options it was made with (account, region, seed, clock) stay; a seeded vault starts its random
   * sequence again, so it repeats what a new vault with that seed would do.
   */
  reset(): void {
    this.state = new VaultState();
    this.state.grants.propagationMs = this.grantPropagationMs;
    (this as { random: RandomSource }).random = this.seed === undefined ? systemRandom : new SeededRandom(this.seed);
    this.faults.clear();
    this.clearHistory();
  }

  /** Forgets the call history, and the commands the matchers see the vault received. */
  clearHistory(): void {
    this.history.length = 0;
    this.cloudTrail.clear();
    forgetReceivedCommands(this);
  }
}

/** An identity policy as JSON text; objects are serialized, text must parse. */
function policyText(policy: string | object, arn: string, index: number): string {
  if (typeof policy !== 'string') return JSON.stringify(policy);
  try {
    JSON.parse(policy);
  } catch {
    throw new KmsVaultMockError(`Policy ${index + 1} of principal '${arn}' is not valid JSON.`);
  }
  return policy;
}
