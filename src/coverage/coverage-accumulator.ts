import type { OperationName } from '../contract/generated';
import type { CallEvent } from '../engine/execute';
import { buildReport, emptyOperationCounts, ENUM_PARAMETERS, type CoverageReport, type OperationCounts } from './coverage-report';

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

/** Per operation, the enumerated parameters to read from an input: built once. */
interface Reader {
  readonly counts: OperationCounts;
  readonly parameters: readonly { readonly name: string; readonly list: boolean; readonly fallback: string | undefined; readonly counts: Map<string, number> }[];
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Counts what calls exercised, one {@link CallEvent} at a time: a few map updates per call. Pure: it
 * knows nothing of a vault but what its events and its key lookup tell it.
 */
export class CoverageAccumulator {
  private readonly readers = new Map<OperationName, Reader>();

  constructor(private readonly keyOf: CoveredKeyLookup = () => undefined) {}

  /** Records one answered call. */
  observe(event: CallEvent): void {
    const reader = this.readers.get(event.operation) ?? this.reader(event.operation);
    const c = reader.counts;
    c.calls++;
    if (event.error === undefined) c.successes++;
    else bump(c.errors, event.error.name);
    const input = event.input as Record<string, unknown> | null | undefined;
    for (const p of reader.parameters) {
      const value = input?.[p.name];
      if (value === undefined) {
        if (p.fallback !== undefined) bump(p.counts, p.fallback);
      } else if (p.list) {
        if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') bump(p.counts, v);
      } else if (typeof value === 'string') {
        bump(p.counts, value);
      }
    }
    const key = this.keyOf(event);
    if (key) {
      bump(c.keySpecs, key.keySpec);
      bump(c.keyUsages, key.keyUsage);
      bump(c.keyStates, key.state);
    }
  }

  /** The report of everything observed so far (a new plain object each time). */
  report(): CoverageReport {
    const counts = new Map<OperationName, OperationCounts>();
    for (const [op, r] of this.readers) if (r.counts.calls > 0) counts.set(op, r.counts);
    return buildReport(counts);
  }

  /** Forgets everything observed. */
  clear(): void {
    this.readers.clear();
  }

  private reader(operation: OperationName): Reader {
    const counts = emptyOperationCounts();
    const defaults = DEFAULTS[operation] ?? {};
    const parameters = (ENUM_PARAMETERS[operation] ?? []).map((p) => {
      const map = new Map<string, number>();
      counts.parameters.set(p.name, map);
      return { name: p.name, list: p.list, fallback: defaults[p.name], counts: map };
    });
    const reader: Reader = { counts, parameters };
    this.readers.set(operation, reader);
    return reader;
  }
}
