import { KMSServiceException } from '@aws-sdk/client-kms';
import type { OperationName } from '../contract/generated';
import type { Output, RequestOrigin as Origin } from '../engine/execute';
import { execute } from '../engine/execute';
import type { KmsVault } from '../kms-vault';
import { keyNamer } from '../faults/key-namer';
import type { ClientConfig } from './client-config';
import { clientMaxAttempts } from './client-region';

/**
 * The vault's answer to a command a client sent: the output, or the KMS error thrown. With faults
 * injected, the SDK's retries become visible: an injected latency is waited for on a timer (so
 * jest's and vitest's fake timers control it), and retryable errors are tried again up to the
 * client's maxAttempts, each attempt a call of its own. Shared by the vault middleware and by
 * vault-backed mocks.
 */
export function answerCall(vault: KmsVault, operation: OperationName, input: object, origin: Origin, config: ClientConfig | undefined): Output | Promise<Output> {
  // Without faults, the answer is immediate: no promise of its own on the hot path.
  if (vault.faults.size === 0) return execute(vault, operation, input, origin);
  return answerWithFaults(vault, operation, input, origin, config);
}

async function answerWithFaults(vault: KmsVault, operation: OperationName, input: object, origin: Origin, config: ClientConfig | undefined): Promise<Output> {
  const maxAttempts = await clientMaxAttempts(config);
  for (let attempt = 1; ; attempt++) {
    const fault = vault.faults.decide(operation, input, keyNamer(vault, origin.region));
    if (fault && fault.latencyMs > 0) await delay(fault.latencyMs);
    try {
      const output = execute(vault, operation, input, origin, { fault });
      output.$metadata.attempts = attempt;
      return output;
    } catch (error) {
      if (!(error instanceof KMSServiceException)) throw error;
      error.$metadata.attempts = attempt;
      if (attempt >= maxAttempts || !isRetryable(error)) throw error;
    }
  }
}

/** What the SDK's standard retry strategy retries: throttling and server (5xx) errors. */
function isRetryable(error: KMSServiceException): boolean {
  return error.name === 'ThrottlingException' || error.$fault === 'server' || (error.$metadata.httpStatusCode ?? 0) >= 500;
}

/** A timer, so that fake timers control injected latency. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
