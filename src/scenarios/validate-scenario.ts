import { KmsVaultMockError } from '../errors/library-error';
import schemaDocument from '../../schema/scenario.schema.json';
import type { Scenario } from './scenario';

/**
 * A node of a JSON Schema, restricted to the subset that schema/scenario.schema.json uses and this
 * validator reads: type, properties, required, additionalProperties, items, enum, anyOf, $ref into
 * $defs. scripts/generate-scenario-schema.ts writes only these.
 */
export interface SchemaNode {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  enum?: string[];
  anyOf?: SchemaNode[];
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
}

/** One way a scenario document departs from the format: where (`keys[0].keySpec`) and what. */
export interface ScenarioProblem {
  readonly path: string;
  readonly message: string;
}

const SCHEMA = schemaDocument as SchemaNode;

function resolveRef(node: SchemaNode): SchemaNode {
  if (node.$ref === undefined) return node;
  const name = node.$ref.replace(/^#\/\$defs\//, '');
  const target = SCHEMA.$defs?.[name];
  // The schema is generated and tested; a dangling reference is a bug in this package.
  if (!target) throw new Error(`scenario schema: unresolved ${node.$ref}`);
  return resolveRef(target);
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: SchemaNode['type'], value: unknown): boolean {
  const actual = jsonType(value);
  return expected === undefined || expected === actual || (expected === 'number' && actual === 'integer');
}

const ARTICLE: Record<string, string> = {
  object: 'an object',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
};

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function found(value: unknown): string {
  return value === null ? 'found null' : `found ${jsonType(value)} ${shown(value)}`;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** The allowed word a typo most likely meant: same letters in another case, else one or two edits away. */
function closest(word: string, allowed: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const sameCase = allowed.find((a) => a.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: { word: string; d: number } | undefined;
  for (const a of allowed) {
    const d = distance(lower, a.toLowerCase());
    if (d <= Math.max(1, Math.min(2, Math.floor(a.length / 3))) && (!best || d < best.d)) best = { word: a, d };
  }
  return best?.word;
}

function suggestion(word: string, allowed: readonly string[]): string {
  const guess = closest(word, allowed);
  return guess ? ` (did you mean ${guess}?)` : '';
}

function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  return path === '' ? name : `${path}.${name}`;
}

function check(node: SchemaNode, value: unknown, path: string, problems: ScenarioProblem[]): void {
  const schema = resolveRef(node);
  const at = path === '' ? '(top level)' : path;
  if (schema.anyOf) {
    // Report against the alternative of the value's own type (a misspelt operation name is an enum
    // problem, not "expected a list"); without one, name the types that would do.
    const fitting = schema.anyOf.filter((alt) => typeMatches(resolveRef(alt).type, value));
    const [only] = fitting;
    if (fitting.length === 1 && only) return check(only, value, path, problems);
    for (const alt of fitting) {
      const found: ScenarioProblem[] = [];
      check(alt, value, path, found);
      if (found.length === 0) return;
    }
    const kinds = [...new Set(schema.anyOf.map((alt) => ARTICLE[resolveRef(alt).type ?? ''] ?? 'a value'))];
    problems.push({ path: at, message: `expected ${kinds.join(' or ')}, ${found(value)}` });
    return;
  }
  if (!typeMatches(schema.type, value)) {
    problems.push({ path: at, message: `expected ${ARTICLE[schema.type ?? ''] ?? 'a value'}, ${found(value)}` });
    return;
  }
  if (schema.enum && !schema.enum.includes(value as string)) {
    problems.push({
      path: at,
      message: `${shown(value)} is not an allowed value; allowed: ${schema.enum.join(', ')}${suggestion(String(value), schema.enum)}`,
    });
    return;
  }
  if (Array.isArray(value) && schema.items) {
    const items = schema.items;
    value.forEach((item, i) => check(items, item, child(path, i), problems));
    return;
  }
  if (schema.type !== 'object' || value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  const properties = schema.properties ?? {};
  const fields = Object.keys(properties);
  for (const name of schema.required ?? []) {
    if (record[name] === undefined) problems.push({ path: child(path, name), message: 'is required but missing' });
  }
  for (const [name, item] of Object.entries(record)) {
    const declared = properties[name];
    if (declared) {
      // YAML's empty value (`description:`) is null: an error, not silently "absent".
      if (item !== undefined) check(declared, item, child(path, name), problems);
    } else if (typeof schema.additionalProperties === 'object') {
      check(schema.additionalProperties, item, child(path, name), problems);
    } else if (schema.additionalProperties === false) {
      problems.push({ path: child(path, name), message: `is not a field here; allowed fields: ${fields.join(', ')}${suggestion(name, fields)}` });
    }
  }
}

/** Every way `data` departs from the scenario format (schema/scenario.schema.json); empty when it follows it. */
export function scenarioProblems(data: unknown): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  check(SCHEMA, data, '', problems);
  return problems;
}

/**
 * Checks a scenario document read from a file (or any untyped source) against the scenario format:
 * an unknown field, a value outside its allowed set or of the wrong type is a `KmsVaultMockError`
 * naming the source, the path (`keys[0].keyspec`) and what is allowed. Nothing is ignored silently.
 */
export function validateScenario(data: unknown, source: string): Scenario {
  const problems = scenarioProblems(data);
  if (problems.length > 0) {
    const lines = problems.slice(0, 20).map((p) => `  ${p.path}: ${p.message}`);
    if (problems.length > 20) lines.push(`  ... and ${problems.length - 20} more`);
    throw new KmsVaultMockError(`${source} does not follow the scenario format (kms-vault-mock/schema/scenario.schema.json):\n${lines.join('\n')}`);
  }
  const { $schema: _schema, ...scenario } = data as Scenario & { $schema?: string };
  return scenario;
}
