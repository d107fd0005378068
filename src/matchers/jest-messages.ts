import type { CommandMessages, MessageParams, ReceivedData } from './command-matchers';
import type { JestPrintUtils } from './matcher-context';
import type { ReceivedCall } from './received-calls';

/** The message lines, then every call the mock received with its input, as aws-sdk-client-mock-jest prints them. */
function withCalls(utils: JestPrintUtils, calls: ReceivedCall[], ...lines: string[]): string {
  if (calls.length === 0) return lines.join('\n');
  return [...lines, '', 'Calls:', ...calls.map((call, i) => `  ${i + 1}. ${call.args[0].constructor.name}: ${utils.printReceived(call.args[0].input)}`)].join(
    '\n',
  );
}

/** The received command of an Nth matcher and the diff of its input against the expected one. */
function receivedInput({ client, data, utils }: MessageParams<JestPrintUtils, ReceivedData>, input: unknown): string[] {
  if (!data.received) return [];
  return [
    `${client} received ${utils.printReceived(data.received.constructor.name)} with input:`,
    utils.printDiffOrStringify(input, data.received.input, 'Expected', 'Received', false),
  ];
}

/**
 * The failure messages of aws-sdk-client-mock-jest v4 under jest, word for word. The two `Once`
 * matchers, which it lacks, are worded in the same style.
 */
export const jestMessages: CommandMessages<JestPrintUtils> = {
  toHaveReceivedCommand: ({ client, cmd, notPrefix, calls, commandCalls, utils }) =>
    withCalls(
      utils,
      calls,
      `Expected ${client} to ${notPrefix}receive ${utils.printExpected(cmd)}`,
      `${client} received ${utils.printExpected(cmd)} ${utils.printReceived(commandCalls.length)} times`,
    ),
  toHaveReceivedCommandTimes:
    (expectedCalls) =>
    ({ client, cmd, notPrefix, calls, commandCalls, utils }) =>
      withCalls(
        utils,
        calls,
        `Expected ${client} to ${notPrefix}receive ${utils.printExpected(cmd)} ${utils.printExpected(expectedCalls)} times`,
        `${client} received ${utils.printExpected(cmd)} ${utils.printReceived(commandCalls.length)} times`,
      ),
  toHaveReceivedCommandOnce: ({ client, cmd, notPrefix, calls, commandCalls, utils }) =>
    withCalls(
      utils,
      calls,
      `Expected ${client} to ${notPrefix}receive ${utils.printExpected(cmd)} once`,
      `${client} received ${utils.printExpected(cmd)} ${utils.printReceived(commandCalls.length)} times`,
    ),
  toHaveReceivedCommandWith:
    (input) =>
    ({ client, cmd, notPrefix, calls, data, utils }) =>
      withCalls(
        utils,
        calls,
        `Expected ${client} to ${notPrefix}receive ${utils.printExpected(cmd)} with ${utils.printExpected(input)}`,
        `${client} received matching ${utils.printExpected(cmd)} ${utils.printReceived(data.matchCount)} times`,
      ),
  toHaveReceivedCommandExactlyOnceWith: (input) => (params) => {
    const { client, cmd, notPrefix, calls, commandCalls, data, utils } = params;
    return withCalls(
      utils,
      calls,
      `Expected ${client} to ${notPrefix}receive ${utils.printExpected(cmd)} exactly once with ${utils.printExpected(input)}`,
      `${client} received ${utils.printExpected(cmd)} ${utils.printReceived(commandCalls.length)} times, ${utils.printReceived(data.matchCount)} of them matching`,
      ...(commandCalls.length === 1 ? receivedInput(params, input) : []),
    );
  },
  toHaveReceivedNthCommandWith: (call, input) => (params) => {
    const { client, cmd, notPrefix, calls, utils } = params;
    return withCalls(
      utils,
      calls,
      `Expected ${client} to ${notPrefix}receive ${call}. ${utils.printExpected(cmd)} with ${utils.printExpected(input)}`,
      ...receivedInput(params, input),
    );
  },
  toHaveReceivedNthSpecificCommandWith: (call, input) => (params) => {
    const { client, cmd, notPrefix, calls, utils } = params;
    return withCalls(
      utils,
      calls,
      `Expected ${client} to ${notPrefix}receive ${call}. ${utils.printExpected(cmd)} with ${utils.printExpected(input)}`,
      ...receivedInput(params, input),
    );
  },
  toHaveReceivedAnyCommand: ({ client, notPrefix, calls, utils }) =>
    withCalls(
      utils,
      calls,
      `Expected ${client} to ${notPrefix}receive any command`,
      `${client} received any command ${utils.printReceived(calls.length)} times`,
    ),
};
