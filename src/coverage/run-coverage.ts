import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { isCoverageReport, mergeCoverage, type CoverageReport } from './coverage-report';

/**
 * The environment variable a coverage reporter sets for its run: the directory where every test
 * process writes the coverage of its vaults, one JSON file per flush, for the reporter to merge.
 */
export const COVERAGE_DIR_ENV = 'KMS_VAULT_MOCK_COVERAGE_DIR';

// Per module instance: under jest that is per test file (its own module registry), flushed by the
// setup entry's afterAll; elsewhere per process, flushed when the process exits.
// Only the counts are kept, never a vault: a test file that makes a vault per test does not keep them all.
const sources = new Set<CoverageSource>();
let exitHook = false;

/** What a run keeps of a vault: its counts (a `CoverageTally`), which reach no vault. */
export interface CoverageSource {
  report(): CoverageReport;
}

/**
 * Adds a vault's coverage to the run's, when a coverage reporter runs (its environment variable is
 * set); nothing otherwise. Under jest and vitest the setup entry writes it after each test file;
 * in any other process it is written when the process exits.
 */
export function joinRunCoverage(source: CoverageSource): void {
  if (process.env[COVERAGE_DIR_ENV] === undefined) return;
  sources.add(source);
  if (!exitHook && process.env.JEST_WORKER_ID === undefined && process.env.VITEST === undefined) {
    exitHook = true;
    process.once('exit', () => flushRunCoverage());
  }
}

/**
 * Writes the coverage of this process's vaults (since the last flush) to the run's directory and
 * forgets them. Returns the file written, or undefined when there was nothing to write or no run.
 */
export function flushRunCoverage(): string | undefined {
  const dir = process.env[COVERAGE_DIR_ENV];
  if (dir === undefined || sources.size === 0) return undefined;
  const report = mergeCoverage(...[...sources].map((s) => s.report()));
  sources.clear();
  if (report.totals.calls === 0) return undefined;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `coverage-${process.pid}-${Date.now()}-${randomBytes(4).toString('hex')}.json`);
  writeFileSync(file, JSON.stringify(report));
  return file;
}

/** Merges every report the run's processes wrote to `dir` (files that are not reports are skipped). */
export function readRunCoverage(dir: string): { readonly report: CoverageReport; readonly files: number } {
  const reports: CoverageReport[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    // No process wrote anything: no directory.
  }
  for (const name of names) {
    try {
      const value: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      if (isCoverageReport(value)) reports.push(value);
    } catch {
      // A file being written when the run ended, or not ours.
    }
  }
  return { report: mergeCoverage(...reports), files: reports.length };
}
