import type { OperationName } from '../contract/generated';
import type { OperationContext } from '../context/operation-context';
import { conditionKeyOf, type ConditionFacts, type RequestSubject } from './condition-keys';
import { PERMISSIONS } from './permissions';
import type { ContextValue, RequestContext } from './request-context';

export type { ReEncryptSide, RequestSubject } from './condition-keys';

/** Each operation's condition keys as the permissions table lists them (names as written there), built on first use. */
const listed = new Map<OperationName, ReadonlySet<string>>();

function listedFor(operation: OperationName): ReadonlySet<string> {
  let names = listed.get(operation);
  if (!names) {
    names = new Set(PERMISSIONS[operation].conditionKeys);
    listed.set(operation, names);
  }
  return names;
}

/**
 * The condition keys of one KMS request (Developer Guide, "AWS KMS condition keys"; IAM User Guide,
 * "AWS global condition context keys"). The global keys (who calls, when, from where) every request
 * has; a KMS key (and the tag keys) only when the permissions table lists it for the running operation
 * (`PERMISSIONS[operation].conditionKeys`), with its value from its resolver in `condition-keys.ts`.
 * Each value is computed when a policy first asks for it.
 */
export function kmsRequestContext(context: OperationContext, subject: RequestSubject): RequestContext {
  const input = subject.input !== null && typeof subject.input === 'object' && !Array.isArray(subject.input) ? (subject.input as Record<string, unknown>) : {};
  const facts: ConditionFacts = { context, subject, input };
  const cache = new Map<string, ContextValue | undefined>();

  function compute(name: string): ContextValue | undefined {
    const match = conditionKeyOf(name);
    if (!match) return undefined;
    if (!match.global && !listedFor(context.operation).has(match.name)) return undefined;
    return match.resolver(facts, match.suffix);
  }

  return {
    value(name: string): ContextValue | undefined {
      if (cache.has(name)) return cache.get(name);
      const v = compute(name);
      cache.set(name, v);
      return v;
    },
  };
}
