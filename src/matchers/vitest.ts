import { ciphertextMatchers } from './ciphertext-matchers';
import { commandMatchers } from './command-matchers';
import type { KmsVaultMatchers } from './kms-vault-matchers';
import type { ExpectWithExtend, MatcherFunction, VitestPrintUtils } from './matcher-context';
import { vitestMessages } from './vitest-messages';

export type { KmsVaultMatchers } from './kms-vault-matchers';
export type { CiphertextMatchOptions } from './decrypt-check';
export type { ExpectWithExtend, MatcherFunction, MatcherResult, MatcherContextLike, VitestPrintUtils, VitestDiffOptions, PrintUtils } from './matcher-context';

/**
 * Every matcher of `kms-vault-mock/vitest`, with aws-sdk-client-mock-jest's vitest messages. This
 * module does not import vitest: register them in a setup file with `expect.extend(kmsVaultMatchers)`
 * or {@link installMatchers}.
 */
export const kmsVaultMatchers: Readonly<Record<keyof KmsVaultMatchers, MatcherFunction<VitestPrintUtils>>> = {
  ...commandMatchers(vitestMessages),
  ...ciphertextMatchers,
};

/**
 * Registers {@link kmsVaultMatchers} with vitest's `expect`:
 * `import { expect } from 'vitest'; installMatchers(expect);`
 */
export function installMatchers(expect: ExpectWithExtend): void {
  expect.extend(kmsVaultMatchers);
}
