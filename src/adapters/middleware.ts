import { KMSServiceException, type ServiceInputTypes, type ServiceOutputTypes } from '@aws-sdk/client-kms';
import type { AbsoluteLocation, InitializeHandlerOptions, InitializeMiddleware, MiddlewareStack, Pluggable } from '@smithy/types';
import { OPERATION_NAMES, type OperationName } from '../contract/generated';
import { execute } from '../engine/execute';
import { KmsVaultMockError } from '../errors/library-error';
import type { KmsVault } from '../vault/kms-vault';
import { keyNamer } from '../vault/key-namer';
import { cachedClientRegion, clientMaxAttempts, clientRegion } from './client-region';
import { sendingClient, trackSendingClients } from './sending-client';

/** An initialize-step middleware of a `KMSClient`. */
export type VaultMiddleware = InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes>;
/** Where {@link vaultMiddleware} goes in a `KMSClient`'s middleware stack. */
export type VaultMiddlewareOptions = InitializeHandlerOptions & AbsoluteLocation & { name: string; override: boolean };
/** A plugin for `client.middlewareStack.use(...)`. */
export type VaultPlugin = Pluggable<ServiceInputTypes, ServiceOutputTypes>;
type Stack = MiddlewareStack<ServiceInputTypes, ServiceOutputTypes>;

/**
 * The absolute place of the vault middleware: the top of the initialize step, so that it answers
 * before the SDK resolves endpoints or credentials, serializes or signes anything. A client therefore
 * needs neither a region nor credentials.
 */
export const vaultMiddlewareOptions = {
  step: 'initialize' as const,
  priority: 'high' as const,
  name: 'kmsVaultMockMiddleware',
  tags: ['KMS_VAULT_MOCK'],
  override: true,
} satisfies VaultMiddlewareOptions;

const OPERATION_OF_COMMAND = new Map<string, OperationName>(OPERATION_NAMES.map((op) => [`${op}Command`, op]));

/** Options of {@link vaultMiddleware} and {@link vaultPlugin}. */
export interface VaultClientOptions {
  /** The AWS account this client acts as (its root principal). Default: the vault's account. */
  readonly accountId?: string;
}

/**
 * A middleware that answers every KMS command from `vault`, with real cryptography and KMS's errors.
 * `client.middlewareStack.add(vaultMiddleware(vault), vaultMiddlewareOptions)`.
 */
export function vaultMiddleware(vault: KmsVault, options: VaultClientOptions = {}): VaultMiddleware {
  trackSendingClients();
  const caller = vault.callerFor(options.accountId);
  const origins = new Map<string, { readonly region: string; readonly caller: typeof caller }>();
  return (_next, context) => {
    const client = sendingClient();
    const commandName = context.commandName ?? '';
    const operation = OPERATION_OF_COMMAND.get(commandName);
    return async (args) => {
      if (operation === undefined) {
        throw new KmsVaultMockError(`kms-vault-mock answers KMS commands only; '${commandName}' is not one. Add the vault middleware to a KMSClient.`);
      }
      const region = cachedClientRegion(client) ?? (await clientRegion(client, vault.region));
      let origin = origins.get(region);
      if (!origin) {
        origin = { region, caller };
        origins.set(region, origin);
      }
      if (vault.faults.size === 0) return { output: execute(vault, operation, args.input, origin) as ServiceOutputTypes, response: undefined };
      // With faults injected, the SDK's retries become visible: retryable errors are tried again
      // up to the client's maxAttempts, each attempt a call of its own.
      const maxAttempts = await clientMaxAttempts(client);
      for (let attempt = 1; ; attempt++) {
        const fault = vault.faults.decide(operation, args.input, keyNamer(vault, region));
        if (fault && fault.latencyMs > 0) await delay(fault.latencyMs);
        try {
          const output = execute(vault, operation, args.input, origin, fault);
          output.$metadata.attempts = attempt;
          return { output: output as ServiceOutputTypes, response: undefined };
        } catch (error) {
          if (!(error instanceof KMSServiceException)) throw error;
          error.$metadata.attempts = attempt;
          if (attempt >= maxAttempts || !isRetryable(error)) throw error;
        }
      }
    };
  };
}

/**
 * The vault as a plugin: `client.middlewareStack.use(vaultPlugin(vault))`.
 */
export function vaultPlugin(vault: KmsVault, options: VaultClientOptions = {}): VaultPlugin {
  return {
    applyToStack(stack: Stack): void {
      stack.add(vaultMiddleware(vault, options), vaultMiddlewareOptions);
    },
  };
}

/** What the SDK's standard retry strategy retries: throttling and server (5xx) errors. */
function isRetryable(error: KMSServiceException): boolean {
  return error.name === 'ThrottlingException' || error.$fault === 'server' || (error.$metadata.httpStatusCode ?? 0) >= 500;
}

/** A timer, so that jest's fake timers control injected latency. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
