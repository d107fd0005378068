import { isIP } from 'node:net';
import { substituteVariables, valuesOf, type RequestContext } from './request-context';
import { wildcardMatch } from './wildcard';

/** Compares one request value with one policy value. */
type Comparator = (requestValue: string, policyValue: string) => boolean;

interface OperatorRule {
  readonly compare: Comparator;
  /** Negated operators (StringNotEquals, ...) match when no policy value matches. */
  readonly negated: boolean;
  /** Whether policy variables are replaced in the policy values (string and ARN operators). */
  readonly variables: boolean;
}

function number(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** A date as IAM reads it: ISO 8601, or seconds since the epoch. */
function time(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : t;
}

const equals = (a: number, b: number): boolean => a === b;

/** The orderings the Numeric... and Date... operators test, by the suffix of their names. */
const ORDERINGS: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  Equals: equals,
  LessThan: (a, b) => a < b,
  LessThanEquals: (a, b) => a <= b,
  GreaterThan: (a, b) => a > b,
  GreaterThanEquals: (a, b) => a >= b,
};

/**
 * The six operators of one kind of ordered value (`Numeric...` or `Date...`): both values are read
 * with `parse`, and a value that does not parse matches nothing. `...NotEquals` is `...Equals` negated.
 */
function orderedOperators(prefix: string, parse: (text: string) => number | undefined): Record<string, OperatorRule> {
  const rule = (test: (a: number, b: number) => boolean, negated: boolean): OperatorRule => ({
    compare: (r, p) => {
      const a = parse(r);
      const b = parse(p);
      return a !== undefined && b !== undefined && test(a, b);
    },
    negated,
    variables: false,
  });
  const rules: Record<string, OperatorRule> = {};
  for (const [suffix, test] of Object.entries(ORDERINGS)) rules[prefix + suffix] = rule(test, false);
  rules[`${prefix}NotEquals`] = rule(equals, true);
  return rules;
}

function ipBytes(address: string): Buffer | undefined {
  const kind = isIP(address);
  if (kind === 4) return Buffer.from(address.split('.').map(Number));
  if (kind !== 6) return undefined;
  // Expand `::` and an embedded IPv4 tail into eight 16-bit groups.
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const b = v4[1].split('.').map(Number);
    text = text.slice(0, -v4[1].length) + `${(((b[0] ?? 0) << 8) | (b[1] ?? 0)).toString(16)}:${(((b[2] ?? 0) << 8) | (b[3] ?? 0)).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

/** IpAddress: the request address lies in the policy's CIDR block (or is the policy's address). */
function inCidr(address: string, cidr: string): boolean {
  const [base = '', bitsText] = cidr.split('/');
  const a = ipBytes(address);
  const b = ipBytes(base);
  if (!a || !b || a.length !== b.length) return false;
  const bits = bitsText === undefined ? a.length * 8 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > a.length * 8) return false;
  for (let i = 0; i < bits; i++) {
    const mask = 0x80 >> (i % 8);
    if (((a[i >> 3] ?? 0) & mask) !== ((b[i >> 3] ?? 0) & mask)) return false;
  }
  return true;
}

/** ArnLike: the six colon-separated parts of the ARN each match, with wildcards, case-sensitively. */
function arnLike(value: string, pattern: string): boolean {
  const v = value.split(':');
  const p = pattern.split(':');
  if (v.length < 6 || p.length < 6) return false;
  const vParts = [...v.slice(0, 5), v.slice(5).join(':')];
  const pParts = [...p.slice(0, 5), p.slice(5).join(':')];
  return pParts.every((part, i) => wildcardMatch(part, vParts[i] ?? ''));
}

const stringEquals: Comparator = (r, p) => r === p;
const stringEqualsIgnoreCase: Comparator = (r, p) => r.toLowerCase() === p.toLowerCase();
const stringLike: Comparator = (r, p) => wildcardMatch(p, r);
const bool: Comparator = (r, p) => r.toLowerCase() === p.toLowerCase();
const binary: Comparator = (r, p) => Buffer.from(r, 'base64').equals(Buffer.from(p, 'base64'));

/**
 * Every IAM condition operator (IAM User Guide, "IAM JSON policy elements: Condition operators"),
 * by lower-case name. The `...IfExists` forms and the `ForAnyValue:`/`ForAllValues:` qualifiers are
 * derived from these in {@link conditionHolds}.
 */
const OPERATORS: ReadonlyMap<string, OperatorRule> = new Map(
  Object.entries({
    StringEquals: { compare: stringEquals, negated: false, variables: true },
    StringNotEquals: { compare: stringEquals, negated: true, variables: true },
    StringEqualsIgnoreCase: { compare: stringEqualsIgnoreCase, negated: false, variables: true },
    StringNotEqualsIgnoreCase: { compare: stringEqualsIgnoreCase, negated: true, variables: true },
    StringLike: { compare: stringLike, negated: false, variables: true },
    StringNotLike: { compare: stringLike, negated: true, variables: true },
    ...orderedOperators('Numeric', number),
    ...orderedOperators('Date', time),
    Bool: { compare: bool, negated: false, variables: false },
    BinaryEquals: { compare: binary, negated: false, variables: false },
    IpAddress: { compare: inCidr, negated: false, variables: false },
    NotIpAddress: { compare: inCidr, negated: true, variables: false },
    ArnEquals: { compare: arnLike, negated: false, variables: true },
    ArnLike: { compare: arnLike, negated: false, variables: true },
    ArnNotEquals: { compare: arnLike, negated: true, variables: true },
    ArnNotLike: { compare: arnLike, negated: true, variables: true },
  }).map(([name, rule]) => [name.toLowerCase(), rule]),
);

/** A condition operator as written in a policy, split into its parts. */
export interface ParsedOperator {
  readonly name: string;
  readonly set?: 'ForAnyValue' | 'ForAllValues';
  readonly ifExists: boolean;
  readonly isNull: boolean;
  readonly rule?: OperatorRule;
}

/** Parses `ForAllValues:StringLikeIfExists` and the like; undefined for an operator IAM does not have. */
export function parseOperator(text: string): ParsedOperator | undefined {
  let rest = text;
  let set: ParsedOperator['set'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon).toLowerCase();
    if (qualifier === 'foranyvalue') set = 'ForAnyValue';
    else if (qualifier === 'forallvalues') set = 'ForAllValues';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  const lower = rest.toLowerCase();
  if (lower === 'null') return set ? undefined : { name: text, ifExists: false, isNull: true };
  const ifExists = lower.endsWith('ifexists');
  const rule = OPERATORS.get(ifExists ? lower.slice(0, -'ifexists'.length) : lower);
  if (!rule) return undefined;
  return { name: text, ...(set ? { set } : {}), ifExists, isNull: false, rule };
}

function anyMatch(rule: OperatorRule, requestValue: string, policyValues: readonly string[]): boolean {
  return policyValues.some((p) => rule.compare(requestValue, p));
}

/**
 * Whether one condition (operator, key, policy values) holds for a request (IAM User Guide, "Condition
 * operators", "Multivalued context keys"): several policy values are OR'ed; a negated operator holds
 * when no policy value matches; a missing key fails a positive operator and satisfies a negated one;
 * `...IfExists` holds when the key is missing; `Null` tests presence; `ForAnyValue` needs one request
 * value to match (false on an empty set), `ForAllValues` every request value (true on an empty set).
 */
export function conditionHolds(operator: ParsedOperator, key: string, policyValues: readonly string[], context: RequestContext): boolean {
  const raw = context.value(key);
  const requestValues = valuesOf(raw);
  if (operator.isNull) {
    const absent = requestValues.length === 0;
    return policyValues.some((p) => (p.toLowerCase() === 'true') === absent);
  }
  const rule = operator.rule as OperatorRule;
  let values = policyValues;
  if (rule.variables) {
    const substituted: string[] = [];
    for (const p of policyValues) {
      const s = substituteVariables(p, context);
      if (s !== undefined) substituted.push(s);
    }
    values = substituted;
  }
  if (operator.set === 'ForAllValues') {
    return requestValues.every((r) => (rule.negated ? !anyMatch(rule, r, values) : anyMatch(rule, r, values)));
  }
  if (requestValues.length === 0) return operator.ifExists || (rule.negated && operator.set !== 'ForAnyValue');
  if (rule.negated) {
    if (operator.set === 'ForAnyValue') return requestValues.some((r) => !anyMatch(rule, r, values));
    return requestValues.every((r) => !anyMatch(rule, r, values));
  }
  return requestValues.some((r) => anyMatch(rule, r, values));
}
