import type { KMSServiceException } from '@aws-sdk/client-kms';
import type { OperationName } from '../contract/generated';
import { kmsError } from '../errors/kms-error';
import { KmsVaultMockError } from '../errors/library-error';
import { SeededRandom } from '../vault/random';

/** The failures KMS callers are told to expect and retry. */
export type InjectableError = 'ThrottlingException' | 'DependencyTimeoutException' | 'KMSInternalException' | 'KeyUnavailableException';

/** What to inject, and into which calls. Every condition given must hold for a call to be affected. */
export interface FaultSpec {
  /** The error to fail with; omit for latency only. An SDK exception instance is thrown as given. */
  readonly error?: InjectableError | KMSServiceException;
  /** Its message; each error has KMS-like default wording. */
  readonly message?: string;
  /** Only these operations. */
  readonly operation?: OperationName | readonly OperationName[];
  /** Only calls about this key: key id, key ARN, alias name or alias ARN (matched by the key it names). */
  readonly keyId?: string;
  /** Let this many matching calls through before the fault starts. */
  readonly afterCalls?: number;
  /** Affect at most this many calls, then the fault is spent. Default: no limit. */
  readonly times?: number;
  /** Affect each matching call with this probability (0 to 1), drawn from a seeded generator. */
  readonly probability?: number;
  /** Delay the answer by this many milliseconds (a timer, so jest fake timers control it). */
  readonly latencyMs?: number;
}

/** A fault that a call ran into. */
export interface InjectedFault {
  readonly error?: KMSServiceException;
  readonly latencyMs: number;
}

/** Removes an injected fault. */
export interface FaultHandle {
  remove(): void;
}

const DEFAULT_MESSAGES: Record<InjectableError, string> = {
  ThrottlingException: 'Rate exceeded',
  DependencyTimeoutException: 'The system timed out while trying to fulfill the request. The request can be retried.',
  KMSInternalException: 'An internal error occurred. The request can be retried.',
  KeyUnavailableException: 'The request was rejected because the specified KMS key is not available. The request can be retried.',
};

interface Rule {
  readonly spec: FaultSpec;
  seen: number;
  fired: number;
}

const KEY_MEMBERS = ['KeyId', 'SourceKeyId', 'DestinationKeyId', 'TargetKeyId'] as const;

/** Fault injection for a vault: `vault.faults.inject({ operation: 'Decrypt', error: 'ThrottlingException', times: 2 })`. */
export class FaultInjector {
  private readonly rules: Rule[] = [];
  private readonly random: SeededRandom;

  constructor(seed: string | number | undefined) {
    this.random = new SeededRandom(`faults:${String(seed ?? Date.now())}`);
  }

  /** Adds a fault; returns a handle that removes it. */
  inject(spec: FaultSpec): FaultHandle {
    if (spec.error === undefined && spec.latencyMs === undefined) {
      throw new KmsVaultMockError('A fault needs an error, a latencyMs, or both.');
    }
    if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) {
      throw new KmsVaultMockError('Fault probability must be between 0 and 1.');
    }
    if (typeof spec.error === 'string' && !(spec.error in DEFAULT_MESSAGES)) {
      throw new KmsVaultMockError(`Cannot inject '${spec.error}'; use one of ${Object.keys(DEFAULT_MESSAGES).join(', ')}, or pass an SDK exception instance.`);
    }
    const rule: Rule = { spec, seen: 0, fired: 0 };
    this.rules.push(rule);
    return { remove: () => this.remove(rule) };
  }

  /** Removes every fault. */
  clear(): void {
    this.rules.length = 0;
  }

  /** How many faults are active. */
  get size(): number {
    return this.rules.length;
  }

  /** The fault (the first matching rule's) a call runs into, if any; counts the call against the rules. */
  decide(operation: OperationName, input: object, keyOf: KeyNamer): InjectedFault | undefined {
    if (this.rules.length === 0) return undefined;
    let latencyMs = 0;
    let error: KMSServiceException | undefined;
    for (const rule of [...this.rules]) {
      const { spec } = rule;
      if (!matchesOperation(spec, operation) || !matchesKey(spec, input, keyOf)) continue;
      rule.seen++;
      if (rule.seen <= (spec.afterCalls ?? 0)) continue;
      if (spec.probability !== undefined && this.draw() >= spec.probability) continue;
      rule.fired++;
      if (spec.times !== undefined && rule.fired >= spec.times) this.remove(rule);
      latencyMs += spec.latencyMs ?? 0;
      if (!error && spec.error !== undefined) {
        error = typeof spec.error === 'string' ? kmsError(spec.error, spec.message ?? DEFAULT_MESSAGES[spec.error]) : spec.error;
      }
    }
    return error || latencyMs > 0 ? { error, latencyMs } : undefined;
  }

  private remove(rule: Rule): void {
    const i = this.rules.indexOf(rule);
    if (i >= 0) this.rules.splice(i, 1);
  }

  private draw(): number {
    return this.random.bytes(4).readUInt32BE(0) / 0x1_0000_0000;
  }
}

function matchesOperation(spec: FaultSpec, operation: OperationName): boolean {
  if (spec.operation === undefined) return true;
  return typeof spec.operation === 'string' ? spec.operation === operation : spec.operation.includes(operation);
}

/** The key ARN a key id, key ARN, alias name or alias ARN names, without throwing; undefined when none. */
export type KeyNamer = (name: string) => string | undefined;

function matchesKey(spec: FaultSpec, input: object, keyOf: KeyNamer): boolean {
  if (spec.keyId === undefined) return true;
  // Faults are decided before validation: an input that is not an object (a `null` JSON body) names no key.
  if (typeof input !== 'object' || input === null) return false;
  const wanted = keyOf(spec.keyId) ?? spec.keyId;
  const named = input as Partial<Record<(typeof KEY_MEMBERS)[number], unknown>>;
  return KEY_MEMBERS.some((m) => {
    const v = named[m];
    return typeof v === 'string' && (v === spec.keyId || (keyOf(v) ?? v) === wanted);
  });
}
