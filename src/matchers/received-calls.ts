import assert from 'node:assert';
import { receivedCommandsOf } from '../engine/received-commands';
import { AwsStub } from '../compat/aws-stub';
import { vaultMiddlewareOptions } from '../adapters/middleware';
import type { KmsVault } from '../kms-vault';
import type { MatcherContextLike } from './matcher-context';

/** A command as a recorded call holds it. */
export interface ReceivedCommand {
  readonly input: unknown;
  readonly constructor: { readonly name: string };
}

/** A recorded call of a mock (a Sinon spy call): `args[0]` is the command. */
export interface ReceivedCall {
  readonly args: readonly [ReceivedCommand, ...unknown[]];
}

/** A command class, as the matchers take it. */
export type CommandClass = abstract new (...args: never[]) => unknown;

/** The mock API the matchers read: ours, and aws-sdk-client-mock's, which has the same. */
interface MockLike {
  calls(): ReceivedCall[];
  commandCalls(command: CommandClass): ReceivedCall[];
  clientName(): string;
}

/** The calls a matcher looks at. */
export interface CallsOfMock {
  readonly client: string;
  readonly calls: ReceivedCall[];
  readonly commandCalls: ReceivedCall[];
}

/**
 * The calls of a mock, all and (with a command) those of that command class; fails as
 * aws-sdk-client-mock-jest does when `received` is not a client mock or `command` not a class.
 */
export function callsOf(received: unknown, command?: unknown): CallsOfMock {
  const mock = received instanceof AwsStub || isMockLike(received) ? (received as MockLike) : vaultBackedCalls(received);
  assert(mock !== undefined, 'The actual must be a client mock instance, a KMSClient with the vault middleware, or a KmsVault');
  if (command) {
    assert(typeof command === 'function' && typeof command.name === 'string' && command.name.length > 0, 'Command must be valid AWS SDK Command');
  }
  return {
    client: mock.clientName(),
    calls: mock.calls(),
    commandCalls: command ? mock.commandCalls(command as CommandClass) : [],
  };
}

/**
 * A plain client with the vault middleware, or a vault, read as a mock: the commands it received
 * (recorded by the middleware and by vault-backed mocks), in order.
 */
function vaultBackedCalls(received: unknown): MockLike | undefined {
  if (typeof received !== 'object' || received === null) return undefined;
  const isVault = isVaultLike(received);
  if (!isVault && !hasVaultMiddleware(received)) return undefined;
  const calls = (): ReceivedCall[] => receivedCommandsOf(received).map((command) => ({ args: [command as ReceivedCommand] }));
  return {
    calls,
    commandCalls: (command) => calls().filter((call) => call.args[0] instanceof command),
    clientName: () => (isVault ? 'KmsVault' : received.constructor.name),
  };
}

/** An AWS SDK v3 client whose middleware stack holds the vault middleware. */
function hasVaultMiddleware(value: object): boolean {
  const stack = (value as { middlewareStack?: { identify?: unknown } }).middlewareStack;
  if (typeof (value as { send?: unknown }).send !== 'function' || typeof stack?.identify !== 'function') return false;
  const names = (stack.identify as () => unknown)();
  return Array.isArray(names) && names.some((name) => typeof name === 'string' && name.startsWith(`${vaultMiddlewareOptions.name} `));
}

/**
 * A {@link KmsVault}, recognized by shape rather than by class: the CommonJS and ESM builds each
 * have their own class, and a test may import the vault from one and the matchers from the other.
 */
export function isVaultLike(value: unknown): value is KmsVault {
  if (typeof value !== 'object' || value === null) return false;
  const vault = value as Partial<Record<keyof KmsVault, unknown>>;
  return typeof vault.region === 'string' && typeof vault.callerFor === 'function' && typeof vault.state === 'object' && typeof vault.clock === 'object';
}

function isMockLike(value: unknown): value is MockLike {
  if (typeof value !== 'object' || value === null) return false;
  const mock = value as Record<string, unknown>;
  return (
    typeof mock.calls === 'function' && typeof mock.commandCalls === 'function' && typeof mock.clientName === 'function' && typeof mock.send === 'function'
  );
}

/** aws-sdk-client-mock-jest refuses matcher arguments beyond those a matcher declares. */
export function ensureNoOtherArgs(args: readonly unknown[]): void {
  assert(args.length === 0, 'Too many matcher arguments');
}

/** aws-sdk-client-mock-jest's check of the call number of the Nth matchers. */
export function ensureCallNumber(call: unknown): asserts call is number {
  assert(typeof call === 'number' && call > 0, 'Call number must be a number greater than 0');
}

/**
 * `expect.objectContaining(sample)` applied to `received`, with the framework's own equality: every
 * property of the sample is present in `received` (own or inherited) and deeply equal to it, where
 * the sample may hold asymmetric matchers.
 */
export function containsInput(context: MatcherContextLike, received: unknown, sample: unknown): boolean {
  if (typeof sample !== 'object' || sample === null) throw new TypeError(`You must provide an object to ObjectContaining, not '${typeof sample}'.`);
  if (typeof received !== 'object' || received === null || Array.isArray(received)) return false;
  const keys: PropertyKey[] = [
    ...Object.keys(sample),
    ...Object.getOwnPropertySymbols(sample).filter((s) => Object.prototype.propertyIsEnumerable.call(sample, s)),
  ];
  return keys.every(
    (key) =>
      key in received &&
      context.equals((sample as Record<PropertyKey, unknown>)[key], (received as Record<PropertyKey, unknown>)[key], context.customTesters as never),
  );
}
