import { randomUUID } from 'node:crypto';
import { KMSServiceException } from '@aws-sdk/client-kms';
import type { OperationName } from '../contract/generated';
import { checkGrantTokens } from '../auth/grant-tokens';
import { kmsError } from '../errors/kms-error';
import { KmsVaultMockError } from '../errors/library-error';
import type { InjectedFault } from '../faults/fault-injector';
import { OPERATIONS } from '../operations/registry';
import { validateInput } from '../validation/validate-input';
import { catchUp } from '../vault/background';
import { recordKeyUsage } from '../vault/last-usage';
import type { CallRecord } from '../vault/call-history';
import type { Clock } from '../vault/clock';
import type { RandomSource } from '../vault/random';
import type { VaultState } from '../vault/vault-state';
import type { Caller, OperationContext } from './context';

/** What the engine needs of a vault. */
export interface EngineVault {
  readonly state: VaultState;
  readonly clock: Clock;
  readonly random: RandomSource;
  /** Every call answered, in order. */
  readonly history: CallRecord[];
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
  attempts: number;
  readonly totalRetryDelay: number;
}

/** An operation's output as the SDK returns it. */
export type Output = Record<string, unknown> & { $metadata: ResponseMetadata };

/**
 * The only door into KMS behaviour: validates `input`, runs the operation's handler and returns its
 * output with `$metadata`, or throws a KMS error (an SDK exception instance) carrying the request id.
 * An injected fault's error is thrown before anything else happens. Every answer is recorded in the
 * vault's history. Knows nothing of HTTP or of the SDK's middleware.
 */
export function execute(vault: EngineVault, operation: OperationName, input: unknown, origin: RequestOrigin, fault?: InjectedFault): Output {
  const requestId = randomUUID();
  const now = vault.clock.now();
  try {
    if (fault?.error) throw fault.error;
    const handler = OPERATIONS[operation];
    if (handler === undefined) throw new KmsVaultMockError(`Unknown KMS operation '${String(operation)}'.`);
    validateInput(operation, input);
    catchUp(vault.state, vault.random, now);
    const context: OperationContext = { state: vault.state, clock: vault.clock, random: vault.random, region: origin.region, caller: origin.caller, now };
    checkGrantTokens(context, (input as { GrantTokens?: string[] }).GrantTokens);
    // Handlers return a fresh object, so it can take the metadata in place.
    const output = handler(context, input as never) as Output;
    output.$metadata = { httpStatusCode: 200, requestId, attempts: 1, totalRetryDelay: 0 };
    recordKeyUsage(vault.state, operation, output, now, requestId);
    vault.history.push({ operation, input, region: origin.region, time: now, requestId, output });
    return output;
  } catch (error) {
    if (error instanceof KmsVaultMockError) throw error;
    let kms: KMSServiceException;
    if (error instanceof KMSServiceException) {
      kms = error;
      kms.$metadata.requestId = requestId;
    } else {
      kms = kmsError('KMSInternalException', 'An internal error occurred in kms-vault-mock; this is a bug, please report it.', requestId);
      (kms as { cause?: unknown }).cause = error;
    }
    vault.history.push({ operation, input, region: origin.region, time: now, requestId, error: kms });
    throw kms;
  }
}
