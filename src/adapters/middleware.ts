import type { ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-kms';
import type { AbsoluteLocation, InitializeHandlerOptions, InitializeMiddleware, MiddlewareStack, Pluggable } from '@smithy/types';
import { OPERATION_NAMES, type OperationName } from '../contract/generated';
import { execute } from '../engine/execute';
import { KmsVaultMockError } from '../errors/library-error';
import type { KmsVault } from '../vault/kms-vault';
import { cachedClientRegion, clientRegion } from './client-region';
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

/**
 * A middleware that answers every KMS command from `vault`, with real cryptography and KMS's errors.
 * `client.middlewareStack.add(vaultMiddleware(vault), vaultMiddlewareOptions)`.
 */
export function vaultMiddleware(vault: KmsVault): VaultMiddleware {
  trackSendingClients();
  return (_next, context) => {
    const client = sendingClient();
    const commandName = context.commandName ?? '';
    const operation = OPERATION_OF_COMMAND.get(commandName);
    return async (args) => {
      if (operation === undefined) {
        throw new KmsVaultMockError(`kms-vault-mock answers KMS commands only; '${commandName}' is not one. Add the vault middleware to a KMSClient.`);
      }
      const region = cachedClientRegion(client) ?? (await clientRegion(client, vault.region));
      const output = execute(vault, operation, args.input, { region, caller: vault.caller });
      return { output: output as ServiceOutputTypes, response: undefined };
    };
  };
}

/**
 * The vault as a plugin: `client.middlewareStack.use(vaultPlugin(vault))`.
 */
export function vaultPlugin(vault: KmsVault): VaultPlugin {
  return {
    applyToStack(stack: Stack): void {
      stack.add(vaultMiddleware(vault), vaultMiddlewareOptions);
    },
  };
}
