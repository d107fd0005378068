import type { MatcherContextLike, MatcherFunction, MatcherResult, PrintUtils } from './matcher-context';
import { callsOf, containsInput, ensureCallNumber, ensureNoOtherArgs, type ReceivedCall, type ReceivedCommand } from './received-calls';

/** What a failure message is made from. */
export interface MessageParams<U extends PrintUtils, D = undefined> {
  /** The mocked client's class name. */
  readonly client: string;
  /** The command's class name, or 'Any Command'. */
  readonly cmd: string;
  /** 'not ' under `.not`, else ''. */
  readonly notPrefix: string;
  readonly calls: ReceivedCall[];
  readonly commandCalls: ReceivedCall[];
  readonly data: D;
  readonly utils: U;
}

/** What the Nth and exactly-once matchers found. */
export interface ReceivedData {
  readonly received: ReceivedCommand | undefined;
}

/** What the input-matching matchers counted. */
export interface MatchCountData {
  readonly matchCount: number;
}

/** The failure messages of the command matchers: jest's and vitest's wording differ. */
export interface CommandMessages<U extends PrintUtils> {
  toHaveReceivedCommand(params: MessageParams<U>): string;
  toHaveReceivedCommandTimes(expectedCalls: number): (params: MessageParams<U>) => string;
  toHaveReceivedCommandOnce(params: MessageParams<U>): string;
  toHaveReceivedCommandWith(input: unknown): (params: MessageParams<U, MatchCountData>) => string;
  toHaveReceivedCommandExactlyOnceWith(input: unknown): (params: MessageParams<U, MatchCountData & ReceivedData>) => string;
  toHaveReceivedNthCommandWith(call: number, input: unknown): (params: MessageParams<U, ReceivedData>) => string;
  toHaveReceivedNthSpecificCommandWith(call: number, input: unknown): (params: MessageParams<U, ReceivedData>) => string;
  toHaveReceivedAnyCommand(params: MessageParams<U>): string;
}

/** The names of the command matchers, as aws-sdk-client-mock-jest has them (plus the two `Once` ones). */
export type CommandMatcherName = keyof CommandMessages<PrintUtils>;

/** Their shorter aliases: `toReceiveCommand` for `toHaveReceivedCommand`, ... */
export const COMMAND_MATCHER_ALIASES = {
  toReceiveCommandTimes: 'toHaveReceivedCommandTimes',
  toReceiveCommand: 'toHaveReceivedCommand',
  toReceiveCommandOnce: 'toHaveReceivedCommandOnce',
  toReceiveCommandWith: 'toHaveReceivedCommandWith',
  toReceiveCommandExactlyOnceWith: 'toHaveReceivedCommandExactlyOnceWith',
  toReceiveNthCommandWith: 'toHaveReceivedNthCommandWith',
  toReceiveNthSpecificCommandWith: 'toHaveReceivedNthSpecificCommandWith',
  toReceiveAnyCommand: 'toHaveReceivedAnyCommand',
} as const satisfies Record<string, CommandMatcherName>;

/** The alias names. */
export type CommandMatcherAlias = keyof typeof COMMAND_MATCHER_ALIASES;

interface Check<D> {
  readonly pass: boolean;
  readonly data: D;
}

function result<U extends PrintUtils, D>(
  context: MatcherContextLike<U>,
  received: unknown,
  command: unknown,
  check: (calls: ReceivedCall[], commandCalls: ReceivedCall[]) => Check<D>,
  message: (params: MessageParams<U, D>) => string,
): MatcherResult {
  const { client, calls, commandCalls } = callsOf(received, command);
  const { pass, data } = check(calls, commandCalls);
  const cmd = typeof command === 'function' ? command.name : 'Any Command';
  return {
    pass,
    message: () => message({ client, cmd, notPrefix: context.isNot ? 'not ' : '', calls, commandCalls, data, utils: context.utils }),
  };
}

function nth<U extends PrintUtils>(context: MatcherContextLike<U>, list: ReceivedCall[], call: number, command: unknown, input: unknown): Check<ReceivedData> {
  if (list.length < call) return { pass: false, data: { received: undefined } };
  const received = list[call - 1]?.args[0];
  const pass = typeof command === 'function' && received instanceof command && containsInput(context, received.input, input);
  return { pass, data: { received } };
}

/**
 * The command matchers, worded by `messages`: each takes a client mock and fails (with the call
 * list) when it has not received the commands described.
 */
export function commandMatchers<U extends PrintUtils>(messages: CommandMessages<U>): Record<CommandMatcherName | CommandMatcherAlias, MatcherFunction<U>> {
  const base: Record<CommandMatcherName, MatcherFunction<U>> = {
    toHaveReceivedCommand(received, command, ...other) {
      ensureNoOtherArgs(other);
      return result(this, received, command, (_calls, commandCalls) => ({ pass: commandCalls.length > 0, data: undefined }), messages.toHaveReceivedCommand);
    },
    toHaveReceivedCommandTimes(received, command, expectedCalls, ...other) {
      ensureNoOtherArgs(other);
      return result(
        this,
        received,
        command,
        (_calls, commandCalls) => ({ pass: commandCalls.length === expectedCalls, data: undefined }),
        messages.toHaveReceivedCommandTimes(expectedCalls as number),
      );
    },
    toHaveReceivedCommandOnce(received, command, ...other) {
      ensureNoOtherArgs(other);
      return result(
        this,
        received,
        command,
        (_calls, commandCalls) => ({ pass: commandCalls.length === 1, data: undefined }),
        messages.toHaveReceivedCommandOnce,
      );
    },
    toHaveReceivedCommandWith(received, command, input, ...other) {
      ensureNoOtherArgs(other);
      return result(
        this,
        received,
        command,
        (_calls, commandCalls) => {
          const matchCount = commandCalls.filter((call) => containsInput(this, call.args[0].input, input)).length;
          return { pass: matchCount > 0, data: { matchCount } };
        },
        messages.toHaveReceivedCommandWith(input),
      );
    },
    toHaveReceivedCommandExactlyOnceWith(received, command, input, ...other) {
      ensureNoOtherArgs(other);
      return result(
        this,
        received,
        command,
        (_calls, commandCalls) => {
          const matchCount = commandCalls.filter((call) => containsInput(this, call.args[0].input, input)).length;
          return { pass: commandCalls.length === 1 && matchCount === 1, data: { matchCount, received: commandCalls[0]?.args[0] } };
        },
        messages.toHaveReceivedCommandExactlyOnceWith(input),
      );
    },
    toHaveReceivedNthCommandWith(received, call, command, input, ...other) {
      ensureNoOtherArgs(other);
      ensureCallNumber(call);
      return result(this, received, command, (calls) => nth(this, calls, call, command, input), messages.toHaveReceivedNthCommandWith(call, input));
    },
    toHaveReceivedNthSpecificCommandWith(received, call, command, input, ...other) {
      ensureNoOtherArgs(other);
      ensureCallNumber(call);
      return result(
        this,
        received,
        command,
        (_calls, commandCalls) => nth(this, commandCalls, call, command, input),
        messages.toHaveReceivedNthSpecificCommandWith(call, input),
      );
    },
    toHaveReceivedAnyCommand(received, ...other) {
      ensureNoOtherArgs(other);
      return result(this, received, undefined, (calls) => ({ pass: calls.length > 0, data: undefined }), messages.toHaveReceivedAnyCommand);
    },
  };
  const aliases = Object.fromEntries(Object.entries(COMMAND_MATCHER_ALIASES).map(([alias, name]) => [alias, base[name]])) as Record<
    CommandMatcherAlias,
    MatcherFunction<U>
  >;
  return { ...base, ...aliases };
}
