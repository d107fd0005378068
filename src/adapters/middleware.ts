import type { ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-kms';
import type { AbsoluteLocation, InitializeHandlerOptions, InitializeMiddleware, MiddlewareStack, Pluggable } from '@smithy/types';
import { OPERATION_NAMES, type OperationName } from '../contract/generated';
import type { Caller, RequestFacts } from '../context/operation-context';
import type { RequestOrigin } from '../engine/execute';
import { KmsVaultMockError } from '../errors/library-error';
import type { KmsVault } from '../kms-vault';
import { abortError, unlessAborted, type HandlerAbortSignal } from './abort-signal';
import { answerCall } from './answer';
import { configOfCommand, trackClientConfigs, type ClientConfig } from './client-config';
import { clientAccessKeyId } from './client-credentials';
import { cachedClientRegion, clientRegion } from './client-region';

/** An initialize-step middleware of a `KMSClient`. */
export type VaultMiddleware = InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes>;
/** Where {@link vaultMiddleware} goes in a `KMSClient`'s middleware stack. */
export type VaultMiddlewareOptions = InitializeHandlerOptions & AbsoluteLocation & { name: string; override: boolean };
/** A plugin for `client.middlewareStack.use(...)`. */
export type VaultPlugin = Pluggable<ServiceInputTypes, ServiceOutputTypes>;
type Stack = MiddlewareStack<ServiceInputTypes, ServiceOutputTypes>;

/**
 * The absolute place of the vault middleware: the top of the initialize step, so that it answers
 * before the SDK resolves endpoints or credentials, serializes or signs anything. A client therefore
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
const SMITHY_CONTEXT = '__smithy_context';

/** Options of {@link vaultMiddleware} and {@link vaultPlugin}. */
export interface VaultClientOptions {
  /** The AWS account this client acts as (its root principal). Default: the vault's account. */
  readonly accountId?: string;
  /**
   * The ARN of the principal this client acts as (see `vault.addPrincipal`). Default: the principal
   * whose access key id the client's credentials carry, else the root of `accountId`.
   */
  readonly principal?: string;
  /** `kms:ViaService`: the AWS service this client's requests come through, e.g. `secretsmanager.us-east-1.amazonaws.com`. */
  readonly viaService?: string;
}

/**
 * A middleware that answers every KMS command from `vault`, with real cryptography and KMS's errors.
 * `client.middlewareStack.add(vaultMiddleware(vault), vaultMiddlewareOptions)`.
 */
export function vaultMiddleware(vault: KmsVault, options: VaultClientOptions = {}): VaultMiddleware {
  // Checks the options now, so a wrong principal fails where it is written.
  const fixed = options.principal !== undefined ? vault.callerFor({ principal: options.principal }) : undefined;
  const fallback = vault.callerFor({ accountId: options.accountId });
  const request: RequestFacts | undefined = options.viaService === undefined ? undefined : { viaService: options.viaService };
  const origins = new Map<string, RequestOrigin>();
  let last: RequestOrigin | undefined;
  const originFor = (region: string, caller: Caller): RequestOrigin => {
    // Most clients keep one Region and one caller: the last origin answers without building a key.
    if (last !== undefined && last.region === region && last.caller === caller) return last;
    const key = `${region} ${caller.arn}`;
    let origin = origins.get(key);
    if (!origin) {
      origin = { region, caller, ...(request ? { request } : {}) };
      origins.set(key, origin);
    }
    last = origin;
    return origin;
  };
  const middleware: VaultMiddleware = (_next, context) => {
    const commandName = context.commandName ?? '';
    const operation = OPERATION_OF_COMMAND.get(commandName);
    const smithyContext = (context as { [SMITHY_CONTEXT]?: { commandInstance?: unknown; abortSignal?: HandlerAbortSignal } })[SMITHY_CONTEXT];
    const command: unknown = smithyContext?.commandInstance;
    // The signal of `send(command, { abortSignal })`, which recent SDK releases put in the context (older ones do not).
    const abortSignal = smithyContext?.abortSignal;
    const config = configOfCommand(command);
    // The matchers of kms-vault-mock/jest and /vitest read what a client and its vault received: the engine records it.
    const received = typeof command === 'object' && command !== null ? { command, client: config } : undefined;
    return async (args) => {
      if (operation === undefined) {
        throw new KmsVaultMockError(`kms-vault-mock answers KMS commands only; '${commandName}' is not one. Add the vault middleware to a KMSClient.`);
      }
      // The SDK's retry middleware fails a call whose signal has aborted before it is sent; it runs after this one.
      if (abortSignal?.aborted) throw abortError();
      const region = cachedClientRegion(config) ?? (await clientRegion(config, vault.region));
      // Without principals there is nobody to look up: no await, so the common call stays one step.
      const caller = fixed ?? (vault.state.principalsByAccessKey.size === 0 ? undefined : await callerOfConfig(vault, config)) ?? fallback;
      const answer = answerCall(vault, operation, args.input, originFor(region, caller), config, received);
      return { output: (answer instanceof Promise ? await unlessAborted(answer, abortSignal) : answer) as ServiceOutputTypes, response: undefined };
    };
  };
  trackClientConfigs(middleware);
  return middleware;
}

/** The principal whose access key the client's credentials carry, when the vault knows one. */
async function callerOfConfig(vault: KmsVault, config: ClientConfig | undefined): Promise<Caller | undefined> {
  const id = await clientAccessKeyId(config);
  return id === undefined ? undefined : vault.principalByAccessKey(id)?.caller;
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
