import type { CommandMessages, MessageParams, ReceivedData } from './command-matchers';
import type { VitestPrintUtils } from './matcher-context';
import type { ReceivedCall } from './received-calls';

/** `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`, ... */
export function ordinalOf(n: number): string {
  const units = n % 10;
  const tens = n % 100;
  if (units === 1 && tens !== 11) return `${n}st`;
  if (units === 2 && tens !== 12) return `${n}nd`;
  if (units === 3 && tens !== 13) return `${n}rd`;
  return `${n}th`;
}

/** Grey, as chalk prints it with full colour support (aws-sdk-client-mock-jest's vitest messages force it). */
export function gray(text: string): string {
  return `\u001b[90m${text}\u001b[39m`;
}

function args(utils: VitestPrintUtils, input: unknown): string {
  return `[${utils.stringify(input, undefined, { printBasicPrototype: false })}]`;
}

/** The summary, every call of the command with the diff of its input, and the count. */
function withReceived(utils: VitestPrintUtils, summary: string, input: unknown, commandCalls: ReceivedCall[]): string {
  return [
    summary,
    gray('Received:'),
    ...commandCalls
      .map(
        (call, i) =>
          `${gray(`  ${ordinalOf(i + 1)} call:`)}\n\n${utils.diff(input, call.args[0].input, { omitAnnotationLines: true, commonColor: gray }) ?? ''}`,
      )
      .filter((text) => text),
    gray(`Number of calls: ${commandCalls.length}`),
  ].join('\n\n');
}

/** The Nth matchers' message: vitest's wording counts the calls of the command (for both Nth matchers). */
function nthMessage(call: number, input: unknown) {
  return ({ client, cmd, notPrefix, commandCalls, data, utils }: MessageParams<VitestPrintUtils, ReceivedData>): string => {
    const reached = commandCalls.length >= call;
    const summary = `expected ${client} to ${notPrefix}receive ${ordinalOf(call)} ${cmd} with arguments ${args(utils, input)}`;
    const short = reached ? '' : `, but ${client} has only received ${cmd} ${commandCalls.length} times`;
    const diff = reached ? (utils.diff(input, data.received?.input, { commonColor: gray }) ?? '') : '';
    return [summary + short, diff].join('\n\n');
  };
}

/**
 * The failure messages of aws-sdk-client-mock-jest v4's vitest entry, word for word. The two `Once`
 * matchers, which it lacks, are worded in the same style.
 */
export const vitestMessages: CommandMessages<VitestPrintUtils> = {
  toHaveReceivedCommand: ({ client, cmd, notPrefix }) => `expected ${client} to ${notPrefix}receive ${cmd} at least once`,
  toHaveReceivedCommandTimes:
    (expectedCalls) =>
    ({ client, cmd, notPrefix, commandCalls }) =>
      [`expected ${client} to ${notPrefix}receive ${cmd} ${expectedCalls} times`, `but got ${commandCalls.length} times`].join(', '),
  toHaveReceivedCommandOnce: ({ client, cmd, notPrefix, commandCalls }) =>
    [`expected ${client} to ${notPrefix}receive ${cmd} once`, `but got ${commandCalls.length} times`].join(', '),
  toHaveReceivedCommandWith:
    (input) =>
    ({ client, cmd, notPrefix, commandCalls, utils }) =>
      withReceived(utils, `expected ${client} to ${notPrefix}receive ${cmd} with arguments ${args(utils, input)}`, input, commandCalls),
  toHaveReceivedCommandExactlyOnceWith:
    (input) =>
    ({ client, cmd, notPrefix, commandCalls, utils }) =>
      withReceived(utils, `expected ${client} to ${notPrefix}receive ${cmd} exactly once with arguments ${args(utils, input)}`, input, commandCalls),
  toHaveReceivedNthCommandWith: nthMessage,
  toHaveReceivedNthSpecificCommandWith: nthMessage,
  toHaveReceivedAnyCommand: ({ client, notPrefix }) => `expected ${client} to ${notPrefix}receive any command at least once`,
};
