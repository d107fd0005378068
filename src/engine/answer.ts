import type { KMSServiceException } from '@aws-sdk/client-kms';
import { isKmsError } from '../errors/kms-error';
import type { OperationName } from '../contract/generated';
import type { FaultInjector, InjectedFault } from '../faults/fault-injector';
import { keyNamer } from '../faults/key-namer';
import { abortableDelay, abortError, type AbortSignalLike } from './abort';
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

/**
 * The engine's first step, synchronous: notes that `vault` received `command` (sent by the client whose
 * configuration is `client`), for the `toHaveReceivedCommand...` matchers. Entry points call it when the
 * command is sent, before any await, so the lists keep the order commands were sent in, and keep
 * commands that fail before they are answered (an aborted signal, a command that is not KMS's).
 */
export function recordReceived(vault: AnsweringVault, command: object, client?: object): void {
  recordReceivedCommand(vault, client, command, vault.historyLimit);
}

/** How an entry point wants a request answered. */
export interface AnswerOptions {
  /**
   * How many attempts the caller makes at a retryable error (throttling, 5xx), as the SDK's retry
   * strategy does: each attempt meets the faults again and is a call of its own. Asked only when a
   * fault is injected. Default: one attempt (over the wire, the client retries by itself).
   */
  readonly maxAttempts?: () => number | Promise<number>;
  /**
   * The caller's abort signal: when it aborts, injected latency ends at once (its timer cleared) and the
   * operation does not run; the answer rejects with the SDK's `AbortError` ("Request aborted").
   */
  readonly signal?: AbortSignalLike | undefined;
  /**
   * Whether the timer of injected latency keeps the process alive. Default true (an awaited call in a
   * script must not let the process end); false for a server, whose open socket already does.
   */
  readonly keepAlive?: boolean;
  /** The input was decoded from the wire against the model (protocol/json-codec.ts): the engine does not normalize it again. */
  readonly decoded?: boolean;
}

const NO_OPTIONS: AnswerOptions = {};

/**
 * The engine's request frame (the received command is recorded before it: {@link recordReceived}): only when faults are injected,
 * the fault this attempt meets is decided, its latency waited for on a timer (so jest's and vitest's
 * fake timers control it), and retryable errors tried again up to `maxAttempts`; then the operation
 * runs ({@link execute}: validation, catch-up, the handler, observers). Without faults the answer is
 * immediate: no promise of its own on the hot path.
 */
export function answer(
  vault: AnsweringVault,
  operation: OperationName,
  input: unknown,
  origin: RequestOrigin,
  options: AnswerOptions = NO_OPTIONS,
): Output | Promise<Output> {
  if (options.signal?.aborted === true) throw abortError();
  const mode = options.decoded === true ? DECODED : PLAIN;
  if (vault.faults.size === 0) return execute(vault, operation, input, origin, mode);
  return answerWithFaults(vault, operation, input, origin, options, mode);
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
  options: AnswerOptions,
  mode: ExecuteMode,
): Promise<Output> {
  const { signal } = options;
  const maxAttempts = options.maxAttempts ? await options.maxAttempts() : 1;
  const keepAlive = options.keepAlive !== false;
  for (let attempt = 1; ; attempt++) {
    const fault = decideFault(vault, operation, input, origin);
    if (fault && fault.latencyMs > 0) await abortableDelay(fault.latencyMs, signal, keepAlive);
    // An aborted call ends here: its operation does not run.
    if (signal?.aborted === true) throw abortError();
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
