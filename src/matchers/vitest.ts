import { ciphertextMatchers } from './ciphertext-matchers';
import { cloudTrailMatchers } from './cloudtrail-matchers';
import { commandMatchers } from './command-matchers';
import type { KmsVaultMatchers } from './kms-vault-matchers';
import type { ExpectWithExtend, MatcherFunction, VitestPrintUtils } from './matcher-context';
import { vitestMessages } from './vitest-messages';
// Types only (erased): brings vitest's declarations into the program for the augmentation below.
import type {} from 'vitest';

export type { KmsVaultMatchers, CloudTrailEventSample } from './kms-vault-matchers';
export type { CiphertextMatchOptions } from './decrypt-check';
export type { ExpectWithExtend, MatcherFunction, MatcherResult, MatcherContextLike, VitestPrintUtils, VitestDiffOptions, PrintUtils } from './matcher-context';
export { ordinalOf } from './vitest-messages';

/**
 * Every matcher of `kms-vault-mock/vitest`, with aws-sdk-client-mock-jest's vitest messages. Importing
 * this module inside a vitest run registers them (as `aws-sdk-client-mock-jest/vitest` does); this
 * object is for an `expect` of one's own: `expect.extend(kmsVaultMatchers)`.
 */
export const kmsVaultMatchers: Readonly<Record<keyof KmsVaultMatchers, MatcherFunction<VitestPrintUtils>>> = {
  ...commandMatchers(vitestMessages),
  ...ciphertextMatchers,
  ...cloudTrailMatchers,
};

/**
 * Registers {@link kmsVaultMatchers} with this `expect`:
 * `import { expect } from 'vitest'; installMatchers(expect);`. Importing the module already does it
 * for vitest's own `expect`.
 */
export function installMatchers(expect: ExpectWithExtend): void {
  expect.extend(kmsVaultMatchers);
}

function isExpect(value: unknown): value is ExpectWithExtend {
  return typeof value === 'function' && typeof (value as { extend?: unknown }).extend === 'function';
}

// vitest publishes its global expect under this symbol before any test file loads, with or without
// `globals: true`; reading it instead of importing 'vitest' keeps this entry loadable from CommonJS
// and without vitest installed (vitest's own CommonJS entry throws). Its expect.extend is global: the
// matchers join every expect of the run, as they do with aws-sdk-client-mock-jest/vitest.
const vitestExpect: unknown = (globalThis as Record<symbol, unknown>)[Symbol.for('expect-global')];
if (isExpect(vitestExpect)) installMatchers(vitestExpect);

declare module 'vitest' {
  // The type parameter must repeat vitest's own declaration to merge with it. The matchers return
  // void as they do through jest.Matchers<void, T>, which vitest's Assertion also extends: with
  // kms-vault-mock/jest's types in the same program, both must agree.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends KmsVaultMatchers<void> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends KmsVaultMatchers<unknown> {}
}
