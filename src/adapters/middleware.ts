import type { ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-kms';
import type { AbsoluteLocation, InitializeHandlerOptions, InitializeMiddleware, MiddlewareStack, Pluggable } from '@smithy/types';
import { OPERATION_NAMES, type OperationName } from '../contract/generated';
import type { Caller, RequestFacts } from '../context/operation-context';
import { recordReceived } from '../engine/answer';
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
  /**
   * The client the middleware is added to. Its configuration (Region, credentials, maxAttempts) is
   * read from `client.config`, and no SDK method is wrapped: the explicit way, which `useVault` takes.
   * Without it the configuration is learnt by wrapping the SDK's `resolveMiddlewareWithContext`
   * (docs/decisions/008-client-configuration.md).
   */
  readonly client?: { readonly config: object };
}

/** Takes the vault out again: `dispose()`, or `using` (`Symbol.dispose`). */
export interface VaultDisposable {
  dispose(): void;
  [Symbol.dispose](): void;
}

/** {@link vaultPlugin}'s plugin: `dispose()` removes it from the stacks it was applied to and releases the SDK patch. */
export type DisposableVaultPlugin = VaultPlugin & VaultDisposable;

/** A KMS client as {@link useVault} needs it (any copy of `@aws-sdk/client-kms`). */
export interface VaultClient {
  readonly config: object;
  readonly middlewareStack: { use(plugin: VaultPlugin): void; remove(toRemove: string): boolean };
}

/**
 * A middleware that answers every KMS command from `vault`, with real cryptography and KMS's errors.
 * `client.middlewareStack.add(vaultMiddleware(vault), vaultMiddlewareOptions)`.
 */
export function vaultMiddleware(vault: KmsVault, options: VaultClientOptions = {}): VaultMiddleware {
  return makeMiddleware(vault, options).middleware;
}

function makeMiddleware(vault: KmsVault, options: VaultClientOptions): { readonly middleware: VaultMiddleware; readonly release: () => void } {
  const known = options.client?.config as ClientConfig | undefined;
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
    const config = known ?? configOfCommand(command);
    // The matchers of kms-vault-mock/jest and /vitest read what a client and its vault received: recorded
    // here, when the command is sent and before any await, so the lists keep the order commands were sent
    // in (a client still resolving its Region does not fall behind), whatever happens to the command next.
    if (typeof command === 'object' && command !== null) recordReceived(vault, command, config);
    return async (args) => {
      if (operation === undefined) {
        throw new KmsVaultMockError(`kms-vault-mock answers KMS commands only; '${commandName}' is not one. Add the vault middleware to a KMSClient.`);
      }
      // The SDK's retry middleware fails a call whose signal has aborted before it is sent; it runs after this one.
      if (abortSignal?.aborted === true) throw abortError();
      const region = cachedClientRegion(config) ?? (await clientRegion(config, vault.region));
      // Without principals there is nobody to look up: no await, so the common call stays one step.
      const caller = fixed ?? (vault.state.principalsByAccessKey.size === 0 ? undefined : await callerOfConfig(vault, config)) ?? fallback;
      const answer = answerCall(vault, operation, args.input, originFor(region, caller), config, abortSignal);
      return { output: (answer instanceof Promise ? await unlessAborted(answer, abortSignal) : answer) as ServiceOutputTypes, response: undefined };
    };
  };
  // The fallback: only a middleware that does not know its client needs the SDK patch.
  const release = known === undefined ? trackClientConfigs(middleware) : NOTHING;
  return { middleware, release };
}

const NOTHING = (): void => undefined;

/** The principal whose access key the client's credentials carry, when the vault knows one. */
async function callerOfConfig(vault: KmsVault, config: ClientConfig | undefined): Promise<Caller | undefined> {
  const id = await clientAccessKeyId(config);
  return id === undefined ? undefined : vault.principalByAccessKey(id)?.caller;
}

/**
 * The vault as a plugin: `client.middlewareStack.use(vaultPlugin(vault, { client }))`. Give the
 * `client` (or use {@link useVault}) so that its configuration is read directly; without it the SDK is
 * patched to learn it (the fallback, for code that cannot reach the client). `dispose()` removes the
 * middleware from every stack the plugin was applied to and releases the patch.
 */
export function vaultPlugin(vault: KmsVault, options: VaultClientOptions = {}): DisposableVaultPlugin {
  const applied: { readonly stack: Stack; readonly middleware: VaultMiddleware; readonly release: () => void }[] = [];
  const dispose = (): void => {
    for (const { stack, middleware, release } of applied.splice(0)) {
      // By reference: the middleware this plugin added, never another vault's that took its name since.
      stack.remove(middleware);
      release();
    }
  };
  return {
    applyToStack(stack: Stack): void {
      const { middleware, release } = makeMiddleware(vault, options);
      stack.add(middleware, vaultMiddlewareOptions);
      applied.push({ stack, middleware, release });
    },
    dispose,
    [Symbol.dispose]: dispose,
  };
}

/**
 * Answers every command `client` sends from `vault`: the explicit way, which reads the client's own
 * configuration (Region, credentials, retries) and patches nothing. Returns a handle whose `dispose()`
 * (or `using`) takes the vault out of the client again.
 *
 * ```ts
 * using _vault = useVault(kms, vault);
 * ```
 */
export function useVault(client: VaultClient, vault: KmsVault, options: Omit<VaultClientOptions, 'client'> = {}): VaultDisposable {
  const plugin = vaultPlugin(vault, { ...options, client });
  client.middlewareStack.use(plugin);
  return { dispose: plugin.dispose, [Symbol.dispose]: plugin.dispose };
}
