export { mergeCoverage, isCoverageReport } from './coverage-report';
export type { CoverageReport, OperationCoverage, ParameterCoverage, DimensionCoverage, Counts } from './coverage-report';
export { coverageTable, coverageHtml, writeCoverage } from './render-coverage';
export { readRunCoverage } from './run-coverage';
