/** Edit distance (insertions, deletions, substitutions, swaps of neighbours) between two short strings. */
function distance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The candidate a mistyped `input` most likely meant: the nearest by edit distance when it is near
 * enough (a third of the longer name, at least 1 and at most 3 edits), or one that starts with it.
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const typed = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(typed, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= Math.min(3, Math.max(1, Math.floor(Math.max(typed.length, best.length) / 3)))) return best;
  if (typed.length >= 3) for (const candidate of candidates) if (candidate.toLowerCase().startsWith(typed)) return candidate;
  return undefined;
}

/** ` Did you mean 'x'?` for the closest candidate, or '' when none is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const match = closestMatch(input, candidates);
  return match === undefined ? '' : ` Did you mean '${match}'?`;
}
