import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoverageReport } from './coverage-report';
import { coverageTable, writeCoverage } from './render-coverage';
import { COVERAGE_DIR_ENV, readRunCoverage } from './run-coverage';

/** Options of the jest and vitest coverage reporters. */
export interface CoverageReporterOptions {
  /** Where `coverage.json` and `index.html` are written. Default `kms-coverage` (in the working directory). */
  readonly outputDir?: string;
  /** Print the table at the end of the run. Default true. */
  readonly print?: boolean;
}

/** What both reporters do: a directory for the run's processes, then the merged report. */
export class RunCoverage {
  private dir: string | undefined;
  /** The merged report of the last run, once it ended. */
  report: CoverageReport | undefined;

  constructor(private readonly options: CoverageReporterOptions = {}) {}

  /** Makes the run's directory and tells the test processes (they inherit the environment). */
  start(): void {
    this.cleanUp();
    this.dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-coverage-'));
    process.env[COVERAGE_DIR_ENV] = this.dir;
  }

  /** Merges what the processes wrote, prints the table and writes the report; removes the run's directory. */
  finish(log: (text: string) => void): CoverageReport | undefined {
    if (this.dir === undefined) return undefined;
    const { report, files } = readRunCoverage(this.dir);
    this.cleanUp();
    this.report = report;
    const written = writeCoverage(report, this.options.outputDir ?? 'kms-coverage');
    if (this.options.print !== false) {
      const hint = files === 0
        ? '\n(No test process wrote KMS coverage: add kms-vault-mock/coverage-setup to setupFilesAfterEnv (jest) or setupFiles (vitest).)'
        : '';
      log(`\n${coverageTable(report)}${hint}\nKMS coverage written to ${written.json} and ${written.html}\n`);
    }
    return report;
  }

  private cleanUp(): void {
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    if (process.env[COVERAGE_DIR_ENV] === this.dir) delete process.env[COVERAGE_DIR_ENV];
    this.dir = undefined;
  }
}
