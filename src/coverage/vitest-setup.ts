/**
 * kms-vault-mock/coverage-setup/vitest: for vitest's `setupFiles`. After each test file, hands the
 * KMS coverage of the file's vaults to the coverage reporter (kms-vault-mock/coverage-reporter/vitest).
 * Does nothing when the reporter is not in the run.
 */
import { afterAll } from 'vitest';
import { flushRunCoverage } from './run-coverage';

afterAll(() => void flushRunCoverage());
