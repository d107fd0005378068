/** The median of `xs` (the upper one of an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * For per-round samples of several contenders measured in alternating rounds, `ratio(a, b)`: the
 * median of the per-round ratios of contender a to contender b (background load hits both alike).
 */
export function medianRatios(samples: readonly (readonly number[])[]): (a: number, b: number) => number {
  return (a, b) => median((samples[a] ?? []).map((v, r) => v / (samples[b]?.[r] ?? NaN)));
}
