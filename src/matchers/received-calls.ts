import assert from 'node:assert';
import { AwsStub } from '../compat/aws-stub';
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
  assert(received instanceof AwsStub || isMockLike(received), 'The actual must be a client mock instance');
  const mock = received as MockLike;
  if (command) {
    assert(typeof command === 'function' && typeof command.name === 'string' && command.name.length > 0, 'Command must be valid AWS SDK Command');
  }
  return {
    client: mock.clientName(),
    calls: mock.calls(),
    commandCalls: command ? mock.commandCalls(command as CommandClass) : [],
  };
}

function isMockLike(value: unknown): value is MockLike {
  if (typeof value !== 'object' || value === null) return false;
  const mock = value as Record<string, unknown>;
  return typeof mock.calls === 'function' && typeof mock.commandCalls === 'function' && typeof mock.clientName === 'function' && typeof mock.send === 'function';
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
  const keys: PropertyKey[] = [...Object.keys(sample), ...Object.getOwnPropertySymbols(sample).filter((s) => Object.prototype.propertyIsEnumerable.call(sample, s))];
  return keys.every((key) => key in received && context.equals(
    (sample as Record<PropertyKey, unknown>)[key],
    (received as Record<PropertyKey, unknown>)[key],
    context.customTesters as never,
  ));
}
