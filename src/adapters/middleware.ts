import type { ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-kms';
import type { AbsoluteLocation, InitializeHandlerOptions, InitializeMiddleware, MiddlewareStack, Pluggable } from '@smithy/types';
import { OPERATION_NAMES, type OperationName } from '../contract/generated';
import { KmsVaultMockError } from '../errors/library-error';
import type { KmsVault } from '../kms-vault';
import { answerCall } from './answer';
import { cachedClientRegion, clientRegion } from './client-region';
import { recordReceivedCommand } from './received-commands';
import { sendingClient, sendingCommand, trackSendingClients } from './sending-client';

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
    // The matchers of kms-vault-mock/jest and /vitest read what a client and its vault received.
    const command = sendingCommand();
    if (typeof command === 'object' && command !== null) recordReceivedCommand(vault, client, command);
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
      const answer = answerCall(vault, operation, args.input, origin, client);
      return { output: (answer instanceof Promise ? await answer : answer) as ServiceOutputTypes, response: undefined };
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
