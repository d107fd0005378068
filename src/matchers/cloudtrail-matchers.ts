import assert from 'node:assert';
import type { CloudTrailEvent } from '../cloudtrail/cloudtrail-event';
import type { MatcherContextLike, MatcherFunction, PrintUtils } from './matcher-context';

/** The names of the CloudTrail assertions. */
export type CloudTrailMatcherName = 'toHaveCloudTrailEvent' | 'toHaveCloudTrailEventTimes';

/** Something with a CloudTrail log: a KmsVault, or its `cloudTrail`. */
interface HasEvents {
  events(): CloudTrailEvent[];
}

function eventsOf(received: unknown): CloudTrailEvent[] {
  const log = (received as { cloudTrail?: unknown } | null)?.cloudTrail ?? received;
  assert(
    typeof log === 'object' && log !== null && typeof (log as Partial<HasEvents>).events === 'function',
    'The actual must be a KmsVault (or its cloudTrail log)',
  );
  return (log as HasEvents).events();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (typeof (value as { asymmetricMatch?: unknown }).asymmetricMatch === 'function') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Whether `actual` has everything `expected` has: objects match on the fields given (at any depth),
 * arrays element by element, anything else (asymmetric matchers too) by the framework's equality.
 */
function contains(context: MatcherContextLike, actual: unknown, expected: unknown): boolean {
  if (isPlainObject(expected)) {
    if (typeof actual !== 'object' || actual === null) return false;
    return Object.entries(expected).every(([key, value]) => contains(context, (actual as Record<string, unknown>)[key], value));
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((value, i) => contains(context, actual[i], value));
  }
  return context.equals(actual, expected);
}

/** One line per event, for failure messages: the latest 20. */
function summary(utils: PrintUtils, events: readonly CloudTrailEvent[]): string {
  if (events.length === 0) return 'The log has no events.';
  const shown = events.slice(-20);
  const lines = shown.map((e, i) => {
    const who = (e.userIdentity as { arn?: string }).arn ?? `${e.userIdentity.accountId} (${e.eventType})`;
    return `  ${events.length - shown.length + i + 1}. ${e.eventTime} ${e.eventName}${e.errorCode !== undefined ? ` ${e.errorCode}` : ''} by ${who}`;
  });
  return [`The log has ${utils.printReceived(events.length)} events${events.length > shown.length ? ' (the latest 20 below)' : ''}:`, ...lines].join('\n');
}

/**
 * `expect(vault).toHaveCloudTrailEvent(expected)`: the vault's CloudTrail log holds an event with
 * every field `expected` gives (nested objects partially, asymmetric matchers allowed).
 * `expect(vault).toHaveCloudTrailEventTimes(expected, times)`: exactly `times` such events.
 */
export const cloudTrailMatchers: Record<CloudTrailMatcherName, MatcherFunction> = {
  toHaveCloudTrailEvent(received, expected, ...other) {
    assert(other.length === 0, 'Too many matcher arguments');
    assert(isPlainObject(expected), "The argument must be the fields of a CloudTrail event, such as { eventName: 'Decrypt', errorCode: 'AccessDenied' }");
    const events = eventsOf(received);
    const matching = events.filter((e) => contains(this, e, expected));
    const { utils } = this;
    return {
      pass: matching.length > 0,
      message: () =>
        [
          `Expected the CloudTrail log ${this.isNot ? 'not ' : ''}to have an event matching ${utils.printExpected(expected)}`,
          this.isNot ? `It has ${utils.printReceived(matching.length)}, the first: ${utils.printReceived(matching[0])}` : summary(utils, events),
        ].join('\n'),
    };
  },
  toHaveCloudTrailEventTimes(received, expected, times, ...other) {
    assert(other.length === 0, 'Too many matcher arguments');
    assert(isPlainObject(expected), "The first argument must be the fields of a CloudTrail event, such as { eventName: 'Decrypt' }");
    assert(typeof times === 'number' && Number.isInteger(times) && times >= 0, 'The second argument must be a number of events, 0 or more');
    const events = eventsOf(received);
    const count = events.filter((e) => contains(this, e, expected)).length;
    const { utils } = this;
    return {
      pass: count === times,
      message: () =>
        [
          `Expected the CloudTrail log ${this.isNot ? 'not ' : ''}to have ${utils.printExpected(times)} events matching ${utils.printExpected(expected)}`,
          `It has ${utils.printReceived(count)}`,
          summary(utils, events),
        ].join('\n'),
    };
  },
};
