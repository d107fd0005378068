import { parseOperator, type ParsedOperator } from './condition-operators';

/** The principals a Principal or NotPrincipal element names. */
export interface PrincipalSet {
  /** `"*"` or `{"AWS": "*"}`: everyone. */
  readonly anyone: boolean;
  /** AWS principals: account ids, account roots, user, role and session ARNs. */
  readonly aws: readonly string[];
  /** Service principals (`{"Service": ...}`); the vault has no service callers, so they never match a caller. */
  readonly services: readonly string[];
}

/** One condition of a statement: operator, key (lower-case) and the policy's values. */
export interface CompiledCondition {
  readonly operator: ParsedOperator;
  readonly key: string;
  readonly values: readonly string[];
}

/** A policy statement, read once and kept in a form that is quick to evaluate. */
export interface CompiledStatement {
  /** Position in the policy (0-based), to name statements without a Sid. */
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly principal?: PrincipalSet;
  readonly notPrincipal?: PrincipalSet;
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  readonly conditions: readonly CompiledCondition[];
  /** An operator the evaluator does not know: IAM treats the condition as not met. */
  readonly unknownOperator: boolean;
}

/** A policy document ready for evaluation. */
export interface CompiledPolicy {
  readonly statements: readonly CompiledStatement[];
  /**
   * Accounts whose root this policy allows every `kms:` action on the key without condition, with no
   * Deny statement anywhere: the default key policy. Their root user is allowed at once (the fast path).
   */
  readonly unconditionalRoots: ReadonlySet<string>;
}

function strings(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function conditionValues(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(String);
}

/** Reads a Principal or NotPrincipal element. */
export function principalSet(value: unknown): PrincipalSet | undefined {
  if (value === undefined) return undefined;
  if (value === '*') return { anyone: true, aws: [], services: [] };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { anyone: false, aws: [], services: [] };
  const record = value as Record<string, unknown>;
  const aws = strings(record.AWS) ?? [];
  return { anyone: aws.includes('*'), aws, services: strings(record.Service) ?? [] };
}

function compileStatement(raw: unknown, index: number): CompiledStatement | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const s = raw as Record<string, unknown>;
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') return undefined;
  const conditions: CompiledCondition[] = [];
  let unknownOperator = false;
  if (s.Condition !== null && typeof s.Condition === 'object') {
    for (const [op, block] of Object.entries(s.Condition as Record<string, unknown>)) {
      const operator = parseOperator(op);
      if (!operator) {
        unknownOperator = true;
        continue;
      }
      if (block === null || typeof block !== 'object') continue;
      for (const [key, values] of Object.entries(block as Record<string, unknown>)) {
        conditions.push({ operator, key: key.toLowerCase(), values: conditionValues(values) });
      }
    }
  }
  const optional = <K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } =>
    value === undefined ? {} : ({ [name]: value } as { [P in K]?: V });
  return {
    index,
    ...optional('sid', typeof s.Sid === 'string' ? s.Sid : undefined),
    effect: s.Effect,
    ...optional('principal', principalSet(s.Principal)),
    ...optional('notPrincipal', principalSet(s.NotPrincipal)),
    ...optional('actions', strings(s.Action)),
    ...optional('notActions', strings(s.NotAction)),
    ...optional('resources', strings(s.Resource)),
    ...optional('notResources', strings(s.NotResource)),
    conditions,
    unknownOperator,
  };
}

const ROOT = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;

/** The account an AWS principal entry names as a whole (`111122223333` or its root ARN), if it does. */
export function accountOfEntry(entry: string): string | undefined {
  if (/^\d{12}$/.test(entry)) return entry;
  return ROOT.exec(entry)?.[1];
}

function unconditionalRoots(statements: readonly CompiledStatement[]): Set<string> {
  const out = new Set<string>();
  if (statements.some((s) => s.effect === 'Deny')) return out;
  for (const s of statements) {
    if (s.conditions.length > 0 || s.unknownOperator || !s.principal || s.notPrincipal || s.notActions || s.notResources) continue;
    if (!s.actions?.some((a) => a === '*' || a.toLowerCase() === 'kms:*')) continue;
    if (s.resources && !s.resources.includes('*')) continue;
    for (const entry of s.principal.aws) {
      const account = accountOfEntry(entry);
      if (account) out.add(account);
    }
  }
  return out;
}

const CACHE = new Map<string, CompiledPolicy>();
const CACHE_LIMIT = 1000;

/**
 * A policy document compiled for evaluation, cached by its text (keys and principals keep the same
 * text between requests). Lenient: text that does not parse, or statements without a valid Effect,
 * allow nothing; documents are checked strictly where they are written (PutKeyPolicy, CreateKey).
 */
export function compilePolicy(text: string): CompiledPolicy {
  const cached = CACHE.get(text);
  if (cached) return cached;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    doc = undefined;
  }
  const raw = doc !== null && typeof doc === 'object' ? (doc as { Statement?: unknown }).Statement : undefined;
  const list: unknown[] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const statements = list.map(compileStatement).filter((s): s is CompiledStatement => s !== undefined);
  const policy: CompiledPolicy = { statements, unconditionalRoots: unconditionalRoots(statements) };
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(text, policy);
  return policy;
}
