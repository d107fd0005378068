/**
 * The part of a matcher's `this` the matchers use, common to jest's `MatcherContext` and vitest's
 * `MatcherState`: declared here so that neither framework is imported.
 */
export interface MatcherContextLike<U extends PrintUtils = PrintUtils> {
  /** True under `.not`. */
  readonly isNot?: boolean;
  /** The framework's deep equality, which understands asymmetric matchers (`expect.any(String)`). */
  equals(a: unknown, b: unknown, customTesters?: never): boolean;
  /** The custom equality testers registered with the framework, if any. */
  readonly customTesters?: unknown;
  /** The framework's printing helpers. */
  readonly utils: U;
}

/** The printing helpers both frameworks have. */
export interface PrintUtils {
  printExpected(value: unknown): string;
  printReceived(value: unknown): string;
}

/** jest's printing helpers, as aws-sdk-client-mock-jest's messages use them. */
export interface JestPrintUtils extends PrintUtils {
  printDiffOrStringify(expected: unknown, received: unknown, expectedLabel: string, receivedLabel: string, expand: boolean): string;
}

/** Options of vitest's `diff`. */
export interface VitestDiffOptions {
  omitAnnotationLines?: boolean;
  commonColor?: (text: string) => string;
}

/** vitest's printing helpers, as aws-sdk-client-mock-jest's vitest messages use them. */
export interface VitestPrintUtils extends PrintUtils {
  stringify(value: unknown, maxDepth?: number, options?: { printBasicPrototype?: boolean }): string;
  diff(expected: unknown, received: unknown, options?: VitestDiffOptions): string | null | undefined;
}

/** What a matcher returns. */
export interface MatcherResult {
  pass: boolean;
  message(): string;
}

/** A matcher as `expect.extend` takes it. */
export type MatcherFunction<U extends PrintUtils = PrintUtils> = (this: MatcherContextLike<U>, received: unknown, ...expected: unknown[]) => MatcherResult;

/** The part of `expect` an installer needs: `expect.extend`. */
export interface ExpectWithExtend {
  extend(matchers: object): void;
}
