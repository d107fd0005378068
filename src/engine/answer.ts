import type { KMSServiceException } from '@aws-sdk/client-kms';
import { isKmsError } from '../errors/kms-error';
import type { OperationName } from '../contract/generated';
import type { FaultInjector, InjectedFault } from '../faults/fault-injector';
import { keyNamer } from '../faults/key-namer';
import { execute, type EngineVault, type ExecuteMode, type Output, type RequestOrigin } from './execute';
import { recordReceivedCommand } from './received-commands';

const PLAIN: ExecuteMode = {};
const DECODED: ExecuteMode = { decoded: true };

/** What the engine's request steps need of a vault, beyond {@link EngineVault}. */
export interface AnsweringVault extends EngineVault {
  /** The account whose key ids and alias names a fault's `keyId` is read in. */
  readonly accountId: string;
  readonly faults: FaultInjector;
  /** How many received commands the matchers' lists keep. */
  readonly historyLimit: number;
}

/** A command object as an SDK client sent it, and the client (its configuration) that sent it. */
export interface ReceivedCommand {
  readonly command: object;
  readonly client?: object | undefined;
}

/** How an entry point wants a request answered. */
export interface AnswerOptions {
  /** The command as sent, recorded for the `toHaveReceivedCommand...` matchers before anything else. */
  readonly received?: ReceivedCommand | undefined;
  /**
   * How many attempts the caller makes at a retryable error (throttling, 5xx), as the SDK's retry
   * strategy does: each attempt meets the faults again and is a call of its own. Asked only when a
   * fault is injected. Default: one attempt (over the wire, the client retries by itself).
   */
  readonly maxAttempts?: () => number | Promise<number>;
  /**
   * An error that ends the request once its command is recorded, before any fault or operation: the
   * SDK's abort error for a command whose signal aborted before it was sent.
   */
  readonly refusal?: Error | undefined;
  /** The input was decoded from the wire against the model (protocol/json-codec.ts): the engine does not normalize it again. */
  readonly decoded?: boolean;
}

/**
 * The engine's request frame: the received command is recorded; then, only when faults are injected,
 * the fault this attempt meets is decided, its latency waited for on a timer (so jest's and vitest's
 * fake timers control it), and retryable errors tried again up to `maxAttempts`; then the operation
 * runs ({@link execute}: validation, catch-up, the handler, observers). Without faults the answer is
 * immediate: no promise of its own on the hot path.
 */
export function answer(vault: AnsweringVault, operation: OperationName, input: unknown, origin: RequestOrigin, options: AnswerOptions = {}): Output | Promise<Output> {
  const { received } = options;
  if (received) recordReceivedCommand(vault, received.client, received.command, vault.historyLimit);
  if (options.refusal) throw options.refusal;
  const mode = options.decoded === true ? DECODED : PLAIN;
  if (vault.faults.size === 0) return execute(vault, operation, input, origin, mode);
  return answerWithFaults(vault, operation, input, origin, options.maxAttempts, mode);
}

/**
 * A synchronous answer ({@link KmsVault.execute}): the fault is decided and its error thrown, but
 * there is no waiting for latency and no retrying.
 */
export function answerNow(vault: AnsweringVault, operation: OperationName, input: unknown, origin: RequestOrigin): Output {
  return execute(vault, operation, input, origin, { fault: decideFault(vault, operation, input, origin) });
}

async function answerWithFaults(
  vault: AnsweringVault,
  operation: OperationName,
  input: unknown,
  origin: RequestOrigin,
  maxAttemptsOf: AnswerOptions['maxAttempts'],
  mode: ExecuteMode,
): Promise<Output> {
  const maxAttempts = maxAttemptsOf ? await maxAttemptsOf() : 1;
  for (let attempt = 1; ; attempt++) {
    const fault = decideFault(vault, operation, input, origin);
    if (fault && fault.latencyMs > 0) await delay(fault.latencyMs);
    try {
      const output = execute(vault, operation, input, origin, { ...mode, fault });
      output.$metadata.attempts = attempt;
      return output;
    } catch (error) {
      if (!isKmsError(error)) throw error;
      error.$metadata.attempts = attempt;
      if (attempt >= maxAttempts || !isRetryable(error)) throw error;
    }
  }
}

/** The fault (if any) this attempt meets; key names in a fault are read in the vault's account. */
function decideFault(vault: AnsweringVault, operation: OperationName, input: unknown, origin: RequestOrigin): InjectedFault | undefined {
  if (vault.faults.size === 0) return undefined;
  return vault.faults.decide(operation, input as object, keyNamer(vault.state, vault.accountId, origin.region));
}

/** What the SDK's standard retry strategy retries: throttling and server (5xx) errors. */
function isRetryable(error: KMSServiceException): boolean {
  return error.name === 'ThrottlingException' || error.$fault === 'server' || (error.$metadata.httpStatusCode ?? 0) >= 500;
}

/** A timer, so that fake timers control injected latency. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
