import fc from 'fast-check';
import { INPUT_RULES, STRUCTURE_RULES, type OperationName } from '../../src/contract/generated';
import type { MemberRule } from '../../src/contract/member-rule';

type Rule = Omit<MemberRule, 'name'> & { readonly structure?: string };

/** Values the generators draw on for members that name things the vault holds. */
export interface Fixtures {
  /** Key ids, key ARNs, alias names and alias ARNs of keys in the vault, plus some that do not exist. */
  readonly keyRefs: readonly string[];
  readonly aliasNames: readonly string[];
  /** Ciphertexts, signatures, MACs and public keys the vault made, to reach past the blob checks. */
  readonly blobs: readonly Uint8Array[];
  readonly regions: readonly string[];
  /** NextMarker values the vault issued, one or more per List operation that pages. */
  readonly markers: readonly string[];
}

/** What an SDK user might pass that the member's type does not take, or that the serializer rewrites. */
const STRANGE: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  null,
  undefined,
  Number.NaN,
  Infinity,
  -1,
  3.5,
  0,
  5n,
  new Date(0),
  true,
  '',
  'x',
  [],
  [null],
  {},
  { a: null },
  Buffer.from('ab'),
  new Map([['a', 'b']]),
);

function bounded(rule: Rule, fallbackMax: number): { minLength: number; maxLength: number } {
  const min = rule.length?.min ?? 0;
  const max = Math.min(rule.length?.max ?? fallbackMax, Math.max(min, fallbackMax));
  return { minLength: min, maxLength: max };
}

const matchingCache = new Map<string, readonly string[]>();

/**
 * Strings that match a member's pattern and length, drawn once with a fixed seed: filtering an
 * arbitrary by length can search without end for patterns whose matches are rarely that long.
 */
function matchingStrings(rule: Rule): readonly string[] {
  const key = `${rule.pattern ?? ''} ${rule.length?.min ?? ''} ${rule.length?.max ?? ''}`;
  let found = matchingCache.get(key);
  if (!found) {
    const min = rule.length?.min ?? 0;
    const max = rule.length?.max ?? Infinity;
    const samples = fc.sample(fc.stringMatching(new RegExp(rule.pattern ?? '', 'u'), { size: 'small' }), { numRuns: 40, seed: 7 });
    found = [...new Set(samples.filter((s) => s.length >= min && s.length <= max))];
    matchingCache.set(key, found);
  }
  return found;
}

function stringFor(name: string, rule: Rule, fixtures: Fixtures): fc.Arbitrary<unknown> {
  const choices: fc.Arbitrary<unknown>[] = [fc.string(bounded(rule, 24))];
  // Names of things the vault holds, most of the time, so that calls get past the lookup.
  if (/KeyId$/.test(name) || name === 'KeyId')
    return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...fixtures.keyRefs) }, { weight: 1, arbitrary: fc.oneof(...choices) });
  // Markers the vault issued (of this operation and of the others), beside strings it never issued.
  if (name === 'Marker' && fixtures.markers.length > 0)
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fixtures.markers) }, { weight: 1, arbitrary: fc.oneof(...choices) });
  if (/AliasName$/.test(name))
    choices.push(
      fc.constantFrom(...fixtures.aliasNames),
      fc.string({ maxLength: 12 }).map((s) => `alias/${s}`),
    );
  if (/Region$/.test(name)) choices.push(fc.constantFrom(...fixtures.regions));
  if (rule.pattern) {
    const matching = matchingStrings(rule);
    if (matching.length > 0) choices.push(fc.constantFrom(...matching));
  }
  // Just past the model's length limits.
  if (rule.length?.max !== undefined && rule.length.max <= 8192) choices.push(fc.constant('k'.repeat(rule.length.max + 1)));
  return fc.oneof(...choices);
}

function numberFor(rule: Rule): fc.Arbitrary<unknown> {
  const min = rule.range?.min ?? 0;
  const max = rule.range?.max ?? 2048;
  return fc.oneof(fc.integer({ min, max: Math.min(max, min + 5000) }), fc.constantFrom(min - 1, max + 1, min, max));
}

function valid(name: string, rule: Rule, fixtures: Fixtures, depth: number): fc.Arbitrary<unknown> {
  switch (rule.type) {
    case 'enum':
      return fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...(rule.enum ?? [''])) }, { weight: 1, arbitrary: fc.constant('NOT_A_VALUE') });
    case 'string':
      return stringFor(name, rule, fixtures);
    case 'integer':
    case 'long':
      return numberFor(rule);
    case 'boolean':
      return fc.boolean();
    case 'blob': {
      const { minLength, maxLength } = bounded(rule, 48);
      return fc.oneof(fc.uint8Array({ minLength, maxLength }), fc.constantFrom(...fixtures.blobs), fc.string({ maxLength: 8 }));
    }
    case 'timestamp':
      return fc.oneof(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1_500_000_000, max: 2_300_000_000 }),
      );
    case 'list':
      // Grant tokens the vault did not issue are refused before anything else: mostly none.
      if (name === 'GrantTokens')
        return fc.oneof(
          { weight: 6, arbitrary: fc.constant([]) },
          { weight: 1, arbitrary: fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), STRANGE), { maxLength: 2 }) },
        );
      return fc.array(rule.member ? member(name, rule.member, fixtures, depth + 1) : fc.string(), { maxLength: 3 });
    case 'map':
      return fc.dictionary(
        fc.string({ minLength: 0, maxLength: 8 }),
        fc.oneof({ weight: 6, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 1, arbitrary: STRANGE }),
        { maxKeys: 3 },
      );
    case 'structure': {
      const rules = rule.structure ? STRUCTURE_RULES[rule.structure] : undefined;
      return rules && depth < 3 ? structure(rules, fixtures, depth + 1) : fc.constant({});
    }
    default:
      return STRANGE;
  }
}

/** A member's value: mostly one of its type, sometimes one a user should not pass. */
function member(name: string, rule: Rule, fixtures: Fixtures, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 20, arbitrary: valid(name, rule, fixtures, depth) }, { weight: 1, arbitrary: STRANGE });
}

function structure(rules: readonly MemberRule[], fixtures: Fixtures, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const rule of rules) shape[rule.name] = member(rule.name, rule, fixtures, depth);
  // Required members present most of the time; any member may be left out.
  const required = rules.filter((r) => r.required).map((r) => r.name);
  return fc.oneof({ weight: 8, arbitrary: fc.record(shape, { requiredKeys: required }) }, { weight: 1, arbitrary: fc.record(shape, { requiredKeys: [] }) });
}

/** Inputs of `operation` generated from its contract: valid ones, and invalid ones of every kind. */
export function inputsOf(operation: OperationName, fixtures: Fixtures): fc.Arbitrary<Record<string, unknown>> {
  return structure(INPUT_RULES[operation], fixtures, 0);
}
