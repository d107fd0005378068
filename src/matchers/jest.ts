import { KmsVaultMockError } from '../errors/library-error';
import { ciphertextMatchers } from './ciphertext-matchers';
import { cloudTrailMatchers } from './cloudtrail-matchers';
import { commandMatchers } from './command-matchers';
import { jestMessages } from './jest-messages';
import type { KmsVaultMatchers } from './kms-vault-matchers';
import type { ExpectWithExtend, JestPrintUtils, MatcherFunction } from './matcher-context';

export type { KmsVaultMatchers, CloudTrailEventSample } from './kms-vault-matchers';
export type { CiphertextMatchOptions } from './decrypt-check';
export type { ExpectWithExtend, MatcherFunction, MatcherResult, MatcherContextLike, JestPrintUtils, PrintUtils } from './matcher-context';

/**
 * Every matcher of `kms-vault-mock/jest`, with aws-sdk-client-mock-jest's jest messages: for
 * `expect.extend(kmsVaultMatchers)` where jest's `expect` is not a global (`@jest/globals`).
 */
export const kmsVaultMatchers: Readonly<Record<keyof KmsVaultMatchers, MatcherFunction<JestPrintUtils>>> = {
  ...commandMatchers(jestMessages),
  ...ciphertextMatchers,
  ...cloudTrailMatchers,
};

/** Registers {@link kmsVaultMatchers} with this `expect`. */
export function installMatchers(expect: ExpectWithExtend): void {
  expect.extend(kmsVaultMatchers);
}

function isExpect(value: unknown): value is ExpectWithExtend {
  return typeof value === 'function' && typeof (value as { extend?: unknown }).extend === 'function';
}

// Importing this module registers the matchers with jest's global expect, as aws-sdk-client-mock-jest does.
const globalExpect: unknown = (globalThis as { expect?: unknown }).expect;
if (isExpect(globalExpect)) installMatchers(globalExpect);
else if (isExpect((globalThis as Record<symbol, unknown>)[Symbol.for('expect-global')])) {
  // A vitest run without `globals: true`: nothing would be registered, and the first matcher would fail
  // with chai's "Invalid Chai property", which says nothing about why.
  throw new KmsVaultMockError(
    "kms-vault-mock/jest was imported in a vitest run, where it finds no jest expect to register its matchers with. Use import 'kms-vault-mock/vitest' instead (same matchers, with vitest's types).",
  );
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- merges into @types/jest's global namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars -- merges with @types/jest's Matchers<R, T = {}>
    interface Matchers<R, T = {}> extends KmsVaultMatchers<R> {}
  }
}

declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars -- merges with expect's Matchers (@jest/globals)
  interface Matchers<R extends void | Promise<void>, T = unknown> extends KmsVaultMatchers<R> {}
}
