import { INPUT_RULES, OPERATION_ERRORS, OPERATION_NAMES, type OperationName } from '../contract/generated';

/** Counts by name (an error, a parameter value, a key spec): only what happened has an entry. */
export type Counts = Record<string, number>;

/** What a parameter of an operation was given, against the values the KMS API accepts for it. */
export interface ParameterCoverage {
  /** Times each value was given (a documented default counts when the parameter was left out). */
  readonly used: Counts;
  /** The accepted values never given, in the API's order. */
  readonly neverUsed: readonly string[];
}

/** What one operation was asked to do, and how it answered. */
export interface OperationCoverage {
  readonly operation: OperationName;
  readonly calls: number;
  readonly successes: number;
  /** Every error it answered with, by error name (documented or not: AccessDeniedException, injected throttling, ...). */
  readonly errors: Counts;
  /** The exceptions the KMS API Reference documents for this operation that were raised. */
  readonly documentedErrorsRaised: readonly string[];
  /** The documented exceptions never raised. */
  readonly documentedErrorsNeverRaised: readonly string[];
  /** Errors raised that the operation does not document (AccessDeniedException, ValidationException, throttling, ...). */
  readonly otherErrorsRaised: readonly string[];
  /** Its enumerated parameters (KeySpec, KeyUsage, EncryptionAlgorithm, SigningAlgorithm, MacAlgorithm, ...). */
  readonly parameters: Readonly<Record<string, ParameterCoverage>>;
  /** Specs of the keys it acted on. */
  readonly keySpecs: Counts;
  /** Usages of the keys it acted on. */
  readonly keyUsages: Counts;
  /** States of the keys it acted on, when it answered. */
  readonly keyStates: Counts;
}

/** One dimension over the whole report: what was used (with counts) and what never was. */
export interface DimensionCoverage {
  readonly used: Counts;
  readonly neverUsed: readonly string[];
}

/**
 * What a vault (or a whole test run) exercised of KMS, like a line-coverage report: per operation,
 * calls, successes and errors against the operation's documented exceptions, parameter values and
 * the keys used; and over all operations, what was never called or used. Plain JSON: serialize it
 * with `JSON.stringify`, combine reports with {@link mergeCoverage}.
 */
export interface CoverageReport {
  readonly formatVersion: 1;
  readonly totals: {
    readonly calls: number;
    readonly successes: number;
    readonly failures: number;
    /** Operations called at least once, of all KMS operations. */
    readonly operationsCalled: number;
    readonly operations: number;
    /** Documented exceptions raised, of all (operation, documented exception) pairs. */
    readonly documentedErrorsRaised: number;
    readonly documentedErrors: number;
  };
  /** Every KMS operation, in the API's order; ones never called have `calls: 0`. */
  readonly operations: Readonly<Record<OperationName, OperationCoverage>>;
  readonly neverCalled: readonly OperationName[];
  /** Over all operations. */
  readonly keySpecs: DimensionCoverage;
  readonly keyUsages: DimensionCoverage;
  readonly keyStates: DimensionCoverage;
  readonly encryptionAlgorithms: DimensionCoverage;
  readonly signingAlgorithms: DimensionCoverage;
  readonly macAlgorithms: DimensionCoverage;
  readonly keyAgreementAlgorithms: DimensionCoverage;
}

/** The raw counts of one operation: what an accumulator keeps and what reports are rebuilt from. */
export interface OperationCounts {
  calls: number;
  successes: number;
  readonly errors: Map<string, number>;
  /** By parameter name, then value. */
  readonly parameters: Map<string, Map<string, number>>;
  readonly keySpecs: Map<string, number>;
  readonly keyUsages: Map<string, number>;
  readonly keyStates: Map<string, number>;
}

/** Every key state KMS reports. */
export const KEY_STATES: readonly string[] = ['Enabled', 'Disabled', 'PendingDeletion', 'PendingReplicaDeletion', 'PendingImport', 'Unavailable', 'Creating', 'Updating'];

/** An enumerated input member of an operation and the values the API accepts for it. */
export interface EnumParameter {
  readonly name: string;
  readonly values: readonly string[];
  /** A list of enumerated values (CreateGrant's Operations). */
  readonly list: boolean;
}

/** The enumerated parameters of each operation, from the contract. */
export const ENUM_PARAMETERS: Readonly<Record<OperationName, readonly EnumParameter[]>> = Object.fromEntries(
  OPERATION_NAMES.map((op) => [
    op,
    INPUT_RULES[op].flatMap((rule): EnumParameter[] => {
      if (rule.type === 'enum' && rule.enum) return [{ name: rule.name, values: rule.enum, list: false }];
      if (rule.type === 'list' && rule.member?.type === 'enum' && rule.member.enum) return [{ name: rule.name, values: rule.member.enum, list: true }];
      return [];
    }),
  ]),
) as unknown as Record<OperationName, readonly EnumParameter[]>;

function enumOf(operation: OperationName, member: string): readonly string[] {
  return ENUM_PARAMETERS[operation].find((p) => p.name === member)?.values ?? [];
}

const KEY_SPECS = enumOf('CreateKey', 'KeySpec');
const KEY_USAGES = enumOf('CreateKey', 'KeyUsage');

/** Global dimensions made of parameters: the report's field and the parameter names that feed it. */
const ALGORITHM_DIMENSIONS = {
  encryptionAlgorithms: ['EncryptionAlgorithm', 'SourceEncryptionAlgorithm', 'DestinationEncryptionAlgorithm'],
  signingAlgorithms: ['SigningAlgorithm'],
  macAlgorithms: ['MacAlgorithm'],
  keyAgreementAlgorithms: ['KeyAgreementAlgorithm'],
} as const;

function universeOf(parameters: readonly string[]): string[] {
  const all = new Set<string>();
  for (const op of OPERATION_NAMES) for (const p of ENUM_PARAMETERS[op]) if (parameters.includes(p.name)) for (const v of p.values) all.add(v);
  return [...all];
}

function countsOf(map: Map<string, number>): Counts {
  const out: Counts = {};
  for (const [k, v] of map) out[k] = v;
  return out;
}

function addInto(target: Counts, map: Map<string, number> | Counts): void {
  const entries = map instanceof Map ? map.entries() : Object.entries(map);
  for (const [k, v] of entries) target[k] = (target[k] ?? 0) + v;
}

function dimension(used: Counts, universe: readonly string[]): DimensionCoverage {
  const known = new Set(universe);
  const extra = Object.keys(used).filter((k) => !known.has(k));
  return { used: sortedCounts(used, [...universe, ...extra]), neverUsed: universe.filter((v) => !(used[v]! > 0)) };
}

function sortedCounts(counts: Counts, order: readonly string[]): Counts {
  const out: Counts = {};
  for (const k of order) if (counts[k] !== undefined) out[k] = counts[k];
  return out;
}

/** Empty counts for an operation. */
export function emptyOperationCounts(): OperationCounts {
  return { calls: 0, successes: 0, errors: new Map(), parameters: new Map(), keySpecs: new Map(), keyUsages: new Map(), keyStates: new Map() };
}

/** Builds a report from raw counts (operations absent from `counts` were never called). */
export function buildReport(counts: ReadonlyMap<OperationName, OperationCounts>): CoverageReport {
  const operations = {} as Record<OperationName, OperationCoverage>;
  const keySpecs: Counts = {};
  const keyUsages: Counts = {};
  const keyStates: Counts = {};
  const byParameter: Record<string, Counts> = {};
  let calls = 0;
  let successes = 0;
  let documentedRaised = 0;
  let documented = 0;
  const neverCalled: OperationName[] = [];
  for (const op of OPERATION_NAMES) {
    const c = counts.get(op) ?? emptyOperationCounts();
    const errors = countsOf(c.errors);
    const docs = OPERATION_ERRORS[op];
    const raised = docs.filter((e) => errors[e]! > 0);
    const parameters: Record<string, ParameterCoverage> = {};
    for (const p of ENUM_PARAMETERS[op]) {
      const used = countsOf(c.parameters.get(p.name) ?? new Map<string, number>());
      parameters[p.name] = { used: sortedCounts(used, [...p.values, ...Object.keys(used)]), neverUsed: p.values.filter((v) => !(used[v]! > 0)) };
      addInto((byParameter[p.name] ??= {}), used);
    }
    operations[op] = {
      operation: op,
      calls: c.calls,
      successes: c.successes,
      errors,
      documentedErrorsRaised: raised,
      documentedErrorsNeverRaised: docs.filter((e) => !(errors[e]! > 0)),
      otherErrorsRaised: Object.keys(errors).filter((e) => !(docs as readonly string[]).includes(e)).sort(),
      parameters,
      keySpecs: countsOf(c.keySpecs),
      keyUsages: countsOf(c.keyUsages),
      keyStates: countsOf(c.keyStates),
    };
    addInto(keySpecs, c.keySpecs);
    addInto(keyUsages, c.keyUsages);
    addInto(keyStates, c.keyStates);
    calls += c.calls;
    successes += c.successes;
    documentedRaised += raised.length;
    documented += docs.length;
    if (c.calls === 0) neverCalled.push(op);
  }
  const algorithms = {} as Record<keyof typeof ALGORITHM_DIMENSIONS, DimensionCoverage>;
  for (const [field, names] of Object.entries(ALGORITHM_DIMENSIONS) as [keyof typeof ALGORITHM_DIMENSIONS, readonly string[]][]) {
    const used: Counts = {};
    for (const n of names) addInto(used, byParameter[n] ?? {});
    algorithms[field] = dimension(used, universeOf(names));
  }
  return {
    formatVersion: 1,
    totals: {
      calls, successes, failures: calls - successes,
      operationsCalled: OPERATION_NAMES.length - neverCalled.length, operations: OPERATION_NAMES.length,
      documentedErrorsRaised: documentedRaised, documentedErrors: documented,
    },
    operations,
    neverCalled,
    keySpecs: dimension(keySpecs, KEY_SPECS),
    keyUsages: dimension(keyUsages, KEY_USAGES),
    keyStates: dimension(keyStates, KEY_STATES),
    ...algorithms,
  };
}

/** The raw counts of a report (the inverse of {@link buildReport}, for merging). */
function countsOfReport(report: CoverageReport, into: Map<OperationName, OperationCounts>): void {
  for (const op of OPERATION_NAMES) {
    const r = report.operations[op] as OperationCoverage | undefined;
    if (!r || r.calls === 0) continue;
    let c = into.get(op);
    if (!c) into.set(op, (c = emptyOperationCounts()));
    c.calls += r.calls;
    c.successes += r.successes;
    addMap(c.errors, r.errors);
    for (const [name, p] of Object.entries(r.parameters)) {
      let m = c.parameters.get(name);
      if (!m) c.parameters.set(name, (m = new Map()));
      addMap(m, p.used);
    }
    addMap(c.keySpecs, r.keySpecs);
    addMap(c.keyUsages, r.keyUsages);
    addMap(c.keyStates, r.keyStates);
  }
}

function addMap(map: Map<string, number>, counts: Counts): void {
  for (const [k, v] of Object.entries(counts)) map.set(k, (map.get(k) ?? 0) + v);
}

/**
 * Combines coverage reports (of several vaults, of several test workers) into one: counts add up,
 * and what was never exercised is what no report exercised.
 */
export function mergeCoverage(...reports: readonly CoverageReport[]): CoverageReport {
  const counts = new Map<OperationName, OperationCounts>();
  for (const report of reports) countsOfReport(report, counts);
  return buildReport(counts);
}

/** Whether a value read from a file is a coverage report this version can merge. */
export function isCoverageReport(value: unknown): value is CoverageReport {
  return typeof value === 'object' && value !== null && (value as { formatVersion?: unknown }).formatVersion === 1 && typeof (value as { operations?: unknown }).operations === 'object';
}
