import type { OperationName } from '../contract/generated';
import type { AbortSignalLike } from '../engine/abort';
import { answer } from '../engine/answer';
import type { Output, RequestOrigin as Origin } from '../engine/execute';
import type { KmsVault } from '../kms-vault';
import type { ClientConfig } from './client-config';
import { clientMaxAttempts } from './client-region';

/**
 * The vault's answer to a command a client sent: the output, or the KMS error thrown. The engine meets
 * injected faults and runs the operation (engine/answer.ts; the command is recorded as received by the
 * caller, when it is sent: `recordReceived`); what the SDK adds is its retries: retryable errors are
 * tried again up to the client's maxAttempts, each attempt a call of its own, and its abort signal,
 * which ends injected latency. Shared by the vault middleware and by vault-backed mocks.
 */
export function answerCall(
  vault: KmsVault,
  operation: OperationName,
  input: object,
  origin: Origin,
  config: ClientConfig | undefined,
  signal?: AbortSignalLike,
): Output | Promise<Output> {
  // Without faults the engine reads no option (no latency, no retries): nothing is built per call.
  if (vault.faults.size === 0) return answer(vault, operation, input, origin);
  return answer(vault, operation, input, origin, { maxAttempts: () => clientMaxAttempts(config), signal });
}
