import { RunCoverage, type CoverageReporterOptions } from './run-reporter';

export type { CoverageReporterOptions } from './run-reporter';

/**
 * A jest reporter that merges the KMS coverage of every vault in every worker, prints a table at the
 * end of the run and writes `coverage.json` and `index.html` to `outputDir` (default `kms-coverage`).
 * `reporters: ['default', ['kms-vault-mock/coverage-reporter', { outputDir: 'kms-coverage' }]]`, with
 * `setupFilesAfterEnv: ['kms-vault-mock/coverage-setup']` so that each test file hands its coverage over.
 */
export default class KmsCoverageReporter {
  private readonly run: RunCoverage;

  constructor(_globalConfig?: unknown, options: CoverageReporterOptions = {}) {
    this.run = new RunCoverage(options);
    // Before jest starts its workers: they inherit the environment.
    this.run.start();
  }

  onRunStart(): void {
    // A watch mode re-run: a new directory. The first run keeps the constructor's.
    if (this.started) this.run.start();
    this.started = true;
  }

  onRunComplete(): void {
    this.run.finish((text) => process.stdout.write(text));
  }

  getLastError(): Error | undefined {
    return undefined;
  }

  private started = false;
}
