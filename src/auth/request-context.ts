/** A condition key's value in a request: one string, or a set of strings for multivalued keys. */
export type ContextValue = string | readonly string[];

/**
 * The condition keys a request has (IAM User Guide, "request context"). Keys are looked up by their
 * lower-case name, as condition key names are not case-sensitive; values are computed on demand, so
 * a policy that tests no condition costs nothing.
 */
export interface RequestContext {
  /** The value of a condition key (lower-case name), or undefined when the request does not have it. */
  value(key: string): ContextValue | undefined;
}

/** The values of a key as a list (a single-valued key is a list of one; absent is empty). */
export function valuesOf(value: ContextValue | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

const VARIABLE = /\$\{([^}]*)\}/g;

/**
 * Replaces IAM policy variables in a Resource or condition value (IAM User Guide, "IAM policy
 * elements: Variables and tags"): `${aws:username}`, `${kms:...}`, the literal escapes `${*}`, `${?}`,
 * `${$}`, and defaults (`${aws:username, 'nobody'}`). Undefined when a variable has no single value
 * and no default: the element then matches nothing.
 */
export function substituteVariables(text: string, context: RequestContext): string | undefined {
  if (!text.includes('${')) return text;
  let missing = false;
  const out = text.replace(VARIABLE, (_match, body: string) => {
    const inner = body.trim();
    if (inner === '*' || inner === '?' || inner === '$') return inner;
    const comma = inner.indexOf(',');
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim().toLowerCase();
    const value = context.value(name);
    if (typeof value === 'string') return value;
    if (comma >= 0) {
      const fallback = /^'(.*)'$/.exec(inner.slice(comma + 1).trim());
      if (fallback) return fallback[1] ?? '';
    }
    missing = true;
    return '';
  });
  return missing ? undefined : out;
}
