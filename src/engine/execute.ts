import { randomUUID } from 'node:crypto';
import { KMSServiceException } from '@aws-sdk/client-kms';
import type { OperationName } from '../contract/generated';
import { checkGrantTokens } from '../auth/grant-tokens';
import { kmsError } from '../errors/kms-error';
import { KmsVaultMockError } from '../errors/library-error';
import { OPERATIONS } from '../operations/registry';
import { validateInput } from '../validation/validate-input';
import { catchUp } from '../vault/background';
import type { Clock } from '../vault/clock';
import type { RandomSource } from '../vault/random';
import type { VaultState } from '../vault/vault-state';
import type { Caller, OperationContext } from './context';

/** What the engine needs of a vault. */
export interface EngineVault {
  readonly state: VaultState;
  readonly clock: Clock;
  readonly random: RandomSource;
}

/** Where a request comes from. */
export interface RequestOrigin {
  readonly region: string;
  readonly caller: Caller;
}

/** Response metadata as the SDK reports it for a successful call. */
export interface ResponseMetadata {
  readonly httpStatusCode: number;
  readonly requestId: string;
  readonly attempts: number;
  readonly totalRetryDelay: number;
}

/**
 * The only door into KMS behaviour: validates `input`, runs the operation's handler and returns its
 * output with `$metadata`, or throws a KMS error (an SDK exception instance) carrying the request id.
 * Knows nothing of HTTP or of the SDK's middleware.
 */
export function execute(vault: EngineVault, operation: OperationName, input: unknown, origin: RequestOrigin): Record<string, unknown> & { $metadata: ResponseMetadata } {
  const requestId = randomUUID();
  try {
    const handler = OPERATIONS[operation];
    if (handler === undefined) throw new KmsVaultMockError(`Unknown KMS operation '${String(operation)}'.`);
    validateInput(operation, input);
    const now = vault.clock.now();
    catchUp(vault.state, vault.random, now);
    const context: OperationContext = { state: vault.state, clock: vault.clock, random: vault.random, region: origin.region, caller: origin.caller, now };
    // Handlers return a fresh object, so it can take the metadata in place.
    checkGrantTokens(context, (input as { GrantTokens?: string[] }).GrantTokens);
    const output = handler(context, input as never) as Record<string, unknown> & { $metadata: ResponseMetadata };
    output.$metadata = { httpStatusCode: 200, requestId, attempts: 1, totalRetryDelay: 0 };
    return output;
  } catch (error) {
    if (error instanceof KMSServiceException) {
      error.$metadata.requestId = requestId;
      throw error;
    }
    if (error instanceof KmsVaultMockError) throw error;
    const internal = kmsError('KMSInternalException', 'An internal error occurred in kms-vault-mock; this is a bug, please report it.', requestId);
    (internal as { cause?: unknown }).cause = error;
    throw internal;
  }
}
