/**
 * kms-vault-mock/coverage-setup: for jest's `setupFilesAfterEnv`. After each test file, hands the KMS
 * coverage of the file's vaults to the coverage reporter (kms-vault-mock/coverage-reporter). Does
 * nothing when the reporter is not in the run.
 */
import { flushRunCoverage } from './run-coverage';

const hooks = globalThis as { afterAll?: (fn: () => void) => void };
if (typeof hooks.afterAll === 'function') hooks.afterAll(() => void flushRunCoverage());
