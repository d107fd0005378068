import { randomUUID } from 'node:crypto';
import type { KMSServiceException } from '@aws-sdk/client-kms';
import { OPERATION_ERRORS, OPERATION_NAMES, type OperationName } from '../contract/generated';
import { checkGrantTokens } from '../auth/grant-tokens';
import { internalError, isKmsError } from '../errors/kms-error';
import { KmsVaultMockError } from '../errors/library-error';
import type { InjectedFault } from '../faults/fault-injector';
import { OPERATIONS } from '../operations/registry';
import { normalizeInput } from '../validation/normalize-input';
import { validateInput } from '../validation/validate-input';
import { catchUp, type ServiceEventSink } from '../vault/background';
import type { Clock } from '../vault/clock';
import type { RandomSource } from '../vault/random';
import type { VaultState } from '../vault/vault-state';
import type { Caller, OperationContext, RequestFacts } from '../context/operation-context';
import type { CallEvent, CallObservers, RequestSource } from './observers';

export type { CallEvent, CallObserver, NamedObserver, RequestSource } from './observers';

/** What the engine needs of a vault. */
export interface EngineVault {
  readonly state: VaultState;
  readonly clock: Clock;
  readonly random: RandomSource;
  /** Told of every call answered for a caller, in order: named observers (`vault.observers.add(name, fn)`). */
  readonly observers: CallObservers;
  /** Told of what KMS does on its own as requests catch up with time (rotations, deletions, expiries). */
  readonly serviceEvents?: ServiceEventSink;
}

/** Where a request comes from. */
export interface RequestOrigin {
  readonly region: string;
  readonly caller: Caller;
  /** Facts about the request that policies can test (`kms:ViaService`, `aws:SourceIp`). */
  readonly request?: RequestFacts;
  /** Where the request came from (address, user agent, access key id), for observers such as an audit log. */
  readonly source?: RequestSource;
}

/** How the engine runs one request. */
export interface ExecuteMode {
  /** The injected fault this attempt meets, decided by the engine's fault step (engine/answer.ts). */
  readonly fault?: InjectedFault;
  /**
   * An internal use (a matcher's check, a scenario being loaded): the operation runs as for a caller,
   * but no observer sees it (no history, no last usage, no persistence record).
   */
  readonly internal?: boolean;
  /**
   * The input is already in the handlers' form: decoded from the wire against the model in one walk
   * (protocol/json-codec.ts), so it is not normalized again, only validated.
   */
  readonly decoded?: boolean;
}

/** Response metadata as the SDK reports it for a successful call. */
export interface ResponseMetadata {
  readonly httpStatusCode: number;
  readonly requestId: string;
  attempts: number;
  readonly totalRetryDelay: number;
}

/** An operation's output as the SDK returns it. */
export type Output = Record<string, unknown> & { $metadata: ResponseMetadata };

const NO_FACTS: RequestFacts = {};
const NO_SOURCE: RequestSource = {};

/** The operations whose grant tokens KMS checks: those documented to answer InvalidGrantTokenException. */
const TAKES_GRANT_TOKENS: ReadonlySet<OperationName> = new Set(OPERATION_NAMES.filter((op) => OPERATION_ERRORS[op].includes('InvalidGrantTokenException')));

/**
 * The one request pipeline, in fixed steps: the caller is identified by the adapter (origin); an
 * injected fault ends the request first; the input is validated; time-driven work (deletions,
 * rotations, expiries) catches up to now; the operation runs (it authorizes the caller); observers
 * record the answer. Returns the output with `$metadata`, or throws a KMS error (an SDK exception
 * instance) carrying the request id. Knows nothing of HTTP or of the SDK's middleware.
 */
export function execute(vault: EngineVault, operation: OperationName, input: unknown, origin: RequestOrigin, mode: ExecuteMode = {}): Output {
  const requestId = randomUUID();
  const now = vault.clock.now();
  let output: Output;
  try {
    if (mode.fault?.error) throw mode.fault.error;
    const handler = OPERATIONS[operation];
    if (handler === undefined) throw new KmsVaultMockError(`Unknown KMS operation '${String(operation)}'.`);
    if (mode.decoded !== true) input = normalizeInput(operation, input);
    validateInput(operation, input);
    catchUp(vault.state, vault.random, now, vault.serviceEvents);
    const context: OperationContext = {
      state: vault.state,
      clock: vault.clock,
      random: vault.random,
      region: origin.region,
      caller: origin.caller,
      now,
      operation,
      request: origin.request ?? NO_FACTS,
    };
    // Only operations that document InvalidGrantTokenException read their grant tokens (not DescribeKey).
    if (TAKES_GRANT_TOKENS.has(operation)) checkGrantTokens(context, (input as { GrantTokens?: string[] }).GrantTokens);
    // Handlers return a fresh object, so it can take the metadata in place.
    output = handler(context, input as never) as Output;
    output.$metadata = { httpStatusCode: 200, requestId, attempts: 1, totalRetryDelay: 0 };
  } catch (error) {
    if (error instanceof KmsVaultMockError) throw error;
    let kms: KMSServiceException;
    if (isKmsError(error)) {
      kms = error;
      kms.$metadata.requestId = requestId;
    } else {
      kms = internalError(error, requestId);
    }
    if (mode.internal !== true) notify(vault, callEvent(operation, input, origin, now, requestId, undefined, kms));
    throw kms;
  }
  // Outside the try: observers are told once, and what they do never turns the answer into an error
  // (CallObservers.notify catches and reports an observer that throws).
  if (mode.internal !== true) notify(vault, callEvent(operation, input, origin, now, requestId, output, undefined));
  return output;
}

/** The event observers are told of: the call and its output or its error. */
function callEvent(
  operation: OperationName,
  input: unknown,
  origin: RequestOrigin,
  time: Date,
  requestId: string,
  output: Output | undefined,
  error: KMSServiceException | undefined,
): CallEvent {
  const event: { -readonly [K in keyof CallEvent]: CallEvent[K] } = {
    operation,
    input,
    region: origin.region,
    caller: origin.caller,
    time,
    requestId,
    request: origin.request ?? NO_FACTS,
    source: origin.source ?? NO_SOURCE,
  };
  if (output !== undefined) event.output = output;
  if (error !== undefined) event.error = error;
  return event;
}

function notify(vault: EngineVault, event: CallEvent): void {
  vault.observers.notify(event);
}
