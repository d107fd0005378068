/**
 * A compile-time check in the manner of tsd's `expectType`: `expectTypeOf(value).toBe<T>()` compiles
 * only when the type of `value` is exactly `T` (not merely assignable either way).
 */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Starts a type check of `value`; it is never run, only compiled. */
export function expectTypeOf<Actual>(value: Actual): { toBe<Expected>(...exact: Equal<Actual, Expected> extends true ? [] : [mismatch: never]): void } {
  void value;
  return { toBe: () => undefined };
}
