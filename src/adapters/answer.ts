import type { OperationName } from '../contract/generated';
import { answer, type ReceivedCommand } from '../engine/answer';
import type { Output, RequestOrigin as Origin } from '../engine/execute';
import type { KmsVault } from '../kms-vault';
import type { ClientConfig } from './client-config';
import { clientMaxAttempts } from './client-region';

/**
 * The vault's answer to a command a client sent: the output, or the KMS error thrown. The engine
 * records the command, meets injected faults and runs the operation (engine/answer.ts); what the
 * SDK adds is its retries: retryable errors are tried again up to the client's maxAttempts, each
 * attempt a call of its own. Shared by the vault middleware and by vault-backed mocks.
 */
export function answerCall(
  vault: KmsVault,
  operation: OperationName,
  input: object,
  origin: Origin,
  config: ClientConfig | undefined,
  received?: ReceivedCommand,
  refusal?: Error,
): Output | Promise<Output> {
  return answer(vault, operation, input, origin, { received, refusal, maxAttempts: () => clientMaxAttempts(config) });
}
