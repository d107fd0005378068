import type { OperationName } from '../contract/generated';
import type { CallEvent } from '../engine/execute';
import { buildReport, ENUM_PARAMETERS, type CoverageReport, type OperationCounts } from './coverage-report';

/** What coverage records of the key a call acted on. */
export interface CoveredKey {
  readonly keySpec: string;
  readonly keyUsage: string;
  readonly state: string;
}

/** Finds the key a call acted on, if any (given by the vault: coverage itself knows no state). */
export type CoveredKeyLookup = (event: CallEvent) => CoveredKey | undefined;

/** Values KMS uses when a parameter is left out (API Reference, each parameter's default). */
const DEFAULTS: Partial<Record<OperationName, Readonly<Record<string, string>>>> = {
  Encrypt: { EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
  Decrypt: { EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
  ReEncrypt: { SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT', DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
  CreateKey: { KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', Origin: 'AWS_KMS' },
};

/** A counter changed in place: one map lookup per count on the hot path, not a lookup and a store. */
interface Box {
  n: number;
}

type Tally = Map<string, Box>;

/** Per operation, its counters and the enumerated parameters to read from an input: built once. */
export interface Reader {
  calls: number;
  successes: number;
  readonly errors: Tally;
  readonly parameters: readonly { readonly name: string; readonly list: boolean; readonly fallback: string | undefined; readonly known: ReadonlySet<string>; readonly counts: Tally }[];
  readonly keySpecs: Tally;
  readonly keyUsages: Tally;
  readonly keyStates: Tally;
  /** The key of the last call that had one, its state then, and its three counters. */
  lastKey?: CoveredKey;
  lastState?: string;
  lastBoxes?: readonly [Box, Box, Box];
}

function bump(tally: Tally, key: string): void {
  const box = tally.get(key);
  if (box === undefined) tally.set(key, { n: 1 });
  else box.n++;
}

/** Counts one more `key` and returns its counter. */
function box(tally: Tally, key: string): Box {
  let b = tally.get(key);
  if (b === undefined) tally.set(key, (b = { n: 1 }));
  else b.n++;
  return b;
}

/**
 * The one bucket every value outside a parameter's enum is counted in: such calls fail validation, and
 * counting each string a client sends would let the counts grow without bound on a long-running server.
 */
export const INVALID_VALUE = '(invalid)';

function plain(tally: Tally): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, box] of tally) out.set(k, box.n);
  return out;
}

/**
 * Counts what calls exercised, one {@link CallEvent} at a time: a few map updates per call. Pure: it
 * knows nothing of a vault but what its events and its key lookup tell it.
 */
export class CoverageAccumulator {
  /** The counts alone, without the key lookup (which reaches the vault): what a coverage run keeps. */
  readonly tally = new CoverageTally();

  constructor(private readonly keyOf: CoveredKeyLookup = () => undefined) {}

  /** Records one answered call. */
  observe(event: CallEvent): void {
    const c = this.tally.readerOf(event.operation);
    c.calls++;
    if (event.error === undefined) c.successes++;
    else bump(c.errors, event.error.name);
    const input = event.input as Record<string, unknown> | null | undefined;
    const parameters = c.parameters;
    for (let i = 0; i < parameters.length; i++) {
      const p = parameters[i]!;
      const value = input?.[p.name];
      if (value === undefined) {
        if (p.fallback !== undefined) bump(p.counts, p.fallback);
      } else if (p.list) {
        if (Array.isArray(value)) for (const v of value) bump(p.counts, typeof v === 'string' && p.known.has(v) ? v : INVALID_VALUE);
      } else if (value !== null) {
        bump(p.counts, typeof value === 'string' && p.known.has(value) ? value : INVALID_VALUE);
      }
    }
    const key = this.keyOf(event);
    if (key === undefined) return;
    // Calls in a row on one key in one state (the common case) count without a map lookup.
    if (key === c.lastKey && key.state === c.lastState) {
      c.lastBoxes![0].n++;
      c.lastBoxes![1].n++;
      c.lastBoxes![2].n++;
      return;
    }
    c.lastKey = key;
    c.lastState = key.state;
    c.lastBoxes = [box(c.keySpecs, key.keySpec), box(c.keyUsages, key.keyUsage), box(c.keyStates, key.state)];
  }

  /** The report of everything observed so far (a new plain object each time). */
  report(): CoverageReport {
    return this.tally.report();
  }

  /** Calls observed so far. */
  get calls(): number {
    return this.tally.calls;
  }

  /** Forgets everything observed. */
  clear(): void {
    this.tally.clear();
  }
}

/** The counters of a {@link CoverageAccumulator}: plain data, no reference to a vault. */
export class CoverageTally {
  private readonly readers = new Map<OperationName, Reader>();

  /** The counters of one operation, made on its first call. */
  readerOf(operation: OperationName): Reader {
    return this.readers.get(operation) ?? this.reader(operation);
  }

  /** Calls counted so far (one addition per operation called). */
  get calls(): number {
    let n = 0;
    for (const r of this.readers.values()) n += r.calls;
    return n;
  }

  /** The report of everything counted so far (a new plain object each time). */
  report(): CoverageReport {
    const counts = new Map<OperationName, OperationCounts>();
    for (const [op, r] of this.readers) {
      if (r.calls === 0) continue;
      counts.set(op, {
        calls: r.calls, successes: r.successes, errors: plain(r.errors),
        parameters: new Map(r.parameters.map((p) => [p.name, plain(p.counts)])),
        keySpecs: plain(r.keySpecs), keyUsages: plain(r.keyUsages), keyStates: plain(r.keyStates),
      });
    }
    return buildReport(counts);
  }

  /** Forgets everything observed. */
  clear(): void {
    this.readers.clear();
  }

  private reader(operation: OperationName): Reader {
    const defaults = DEFAULTS[operation] ?? {};
    const reader: Reader = {
      calls: 0, successes: 0, errors: new Map(),
      parameters: (ENUM_PARAMETERS[operation] ?? []).map((p) => ({ name: p.name, list: p.list, fallback: defaults[p.name], known: new Set(p.values), counts: new Map() })),
      keySpecs: new Map(), keyUsages: new Map(), keyStates: new Map(),
    };
    this.readers.set(operation, reader);
    return reader;
  }
}
