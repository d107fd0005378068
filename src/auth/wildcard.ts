/**
 * IAM's wildcard matching: `*` matches any run of characters (also none), `?` exactly one. Used for
 * actions (case-insensitive), resources and StringLike/ArnLike values (case-sensitive).
 */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (ignoreCase) {
    pattern = pattern.toLowerCase();
    value = value.toLowerCase();
  }
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === value;
  // Iterative glob with backtracking to the last `*`: linear in practice, no regular expressions.
  let p = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    const c = pattern[p];
    if (c === '?' || (c !== undefined && c !== '*' && c === value[v])) {
      p++;
      v++;
    } else if (c === '*') {
      star = p++;
      mark = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++mark;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
