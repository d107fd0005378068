import { EncryptCommand } from '@aws-sdk/client-kms';

/**
 * A middleware never sees its client's configuration, yet the vault must know the Region a client is
 * configured for and the credentials it carries. Every SDK command receives that configuration when
 * `client.send` resolves its middleware chain (`resolveMiddlewareWithContext(stack, configuration, ...)`
 * on smithy's `Command` base class; `resolveMiddleware(stack, configuration, ...)` on each command
 * class of older SDKs). That method is wrapped, once per copy of the SDK, to note which configuration
 * a command is being sent with while its middleware chain is built; the middleware, made during that
 * build, reads it for the command instance in its handler context. Copies are found from the library's own import, from Node's module cache, and on
 * sight from any command that reaches the middleware. The wrappers are removed when the last vault
 * middleware that needs them is released: explicitly (`plugin.dispose()`), or else when it is garbage
 * collected.
 *
 * This is the fallback. A middleware that is told its client (`useVault(client, vault)`, or
 * `vaultPlugin(vault, { client })`) reads `client.config` and wraps nothing (see
 * docs/decisions/008-client-configuration.md).
 */

/** What the vault reads of a client's resolved configuration. */
export interface ClientConfig {
  readonly region?: unknown;
  readonly credentials?: unknown;
  readonly maxAttempts?: unknown;
}

/** A member of a resolved configuration as the SDK reads it: the value, or what its provider function returns. */
export async function configValue(member: unknown): Promise<unknown> {
  return typeof member === 'function' ? await (member as () => unknown)() : member;
}

type Resolve = (this: object, stack: unknown, configuration: unknown, ...rest: unknown[]) => unknown;

/**
 * The configuration of the command whose middleware chain is being resolved right now. The SDK
 * resolves a chain synchronously (the middleware factories run inside the wrapped method), so a
 * variable set around that call is exact, and costs no per-command bookkeeping.
 */
let resolvingCommand: object | undefined;
let resolvingConfig: ClientConfig | undefined;
const wrapped = new Map<object, { readonly method: string; readonly original: Resolve }>();
let users = 0;
const released = new FinalizationRegistry<void>(() => {
  users--;
  if (users === 0) unwrapAll();
});

/** The prototype in `proto`'s chain that owns the method the SDK resolves middleware with. */
function resolver(proto: object | null): { owner: object; method: string } | undefined {
  for (let p = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    if (Object.prototype.hasOwnProperty.call(p, 'resolveMiddlewareWithContext')) return { owner: p, method: 'resolveMiddlewareWithContext' };
  }
  for (let p = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    if (Object.prototype.hasOwnProperty.call(p, 'resolveMiddleware')) return { owner: p, method: 'resolveMiddleware' };
  }
  return undefined;
}

/** Notes that `command`'s middleware chain is being built for a client with `configuration`. */
function noteResolving(command: object, configuration: unknown): void {
  resolvingCommand = command;
  resolvingConfig = typeof configuration === 'object' && configuration !== null ? (configuration as ClientConfig) : undefined;
}

/** Wraps the resolver of the copy of the SDK `proto` (a command prototype) comes from, if not done yet. */
function wrap(proto: object | null): void {
  const found = resolver(proto);
  if (!found || wrapped.has(found.owner)) return;
  const record = found.owner as Record<string, unknown>;
  const original = record[found.method];
  if (typeof original !== 'function') return;
  const orig = original as Resolve;
  const wrapper: Resolve = function (this: object, stack, configuration, ...rest) {
    const previousCommand = resolvingCommand;
    const previousConfig = resolvingConfig;
    noteResolving(this, configuration);
    try {
      return orig.call(this, stack, configuration, ...rest);
    } finally {
      resolvingCommand = previousCommand;
      resolvingConfig = previousConfig;
    }
  };
  record[found.method] = wrapper;
  wrapped.set(found.owner, { method: found.method, original: orig });
}

function unwrapAll(): void {
  for (const [owner, { method, original }] of wrapped) (owner as Record<string, unknown>)[method] = original;
  wrapped.clear();
}

/** Wraps the command classes of every copy of the SDK loaded through Node's module cache. */
function wrapLoadedCopies(): void {
  wrap(EncryptCommand.prototype);
  const cache: Record<string, NodeJS.Module | undefined> | undefined = typeof require === 'function' ? require.cache : undefined;
  if (!cache) return;
  for (const [path, mod] of Object.entries(cache)) {
    if (!/[\\/]@smithy[\\/](core|smithy-client)[\\/]/.test(path)) continue;
    const command: unknown = (mod?.exports as { Command?: unknown } | undefined)?.Command;
    if (typeof command === 'function') wrap((command as { prototype: object }).prototype);
  }
}

/**
 * Called for each vault middleware made without its client: makes sure the SDK copies in reach note
 * their configuration, until the returned function is called or `middleware` is garbage collected,
 * whichever comes first. When no such middleware is left, every wrapper is removed.
 */
export function trackClientConfigs(middleware: object): () => void {
  users++;
  const token = {};
  released.register(middleware, undefined, token);
  wrapLoadedCopies();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    released.unregister(token);
    users--;
    if (users === 0) unwrapAll();
  };
}

/**
 * The configuration `command` is being sent with, or undefined when its copy of the SDK was not yet
 * wrapped (it is from now on, so that only the first command of a copy first seen here goes without).
 */
export function configOfCommand(command: unknown): ClientConfig | undefined {
  if (typeof command !== 'object' || command === null) return undefined;
  if (resolvingCommand === command && resolvingConfig !== undefined) return resolvingConfig;
  wrap(Object.getPrototypeOf(command) as object | null);
  return undefined;
}
