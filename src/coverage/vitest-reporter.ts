import { RunCoverage, type CoverageReporterOptions } from './run-reporter';

export type { CoverageReporterOptions } from './run-reporter';

/**
 * A vitest reporter that merges the KMS coverage of every vault in every worker, prints a table at
 * the end of the run and writes `coverage.json` and `index.html` to `outputDir` (default
 * `kms-coverage`): `reporters: ['default', new KmsCoverageReporter({ outputDir })]` or the module
 * name `'kms-vault-mock/coverage-reporter/vitest'`, with `setupFiles: ['kms-vault-mock/coverage-setup/vitest']`.
 */
export default class KmsCoverageReporter {
  private readonly run: RunCoverage;

  constructor(options: CoverageReporterOptions = {}) {
    this.run = new RunCoverage(options);
  }

  onInit(): void {
    this.run.start();
  }

  onFinished(): void {
    this.run.finish((text) => process.stdout.write(text));
  }
}
