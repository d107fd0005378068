import { INPUT_RULES, STRUCTURE_RULES, type OperationName } from '../contract/generated';
import type { MemberRule } from '../contract/member-rule';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';

type Rule = Omit<MemberRule, 'name'> & { readonly structure?: string };

/** `KeyId` -> `keyId`: the member path style of AWS validation messages. */
function pathName(member: string): string {
  return member.charAt(0).toLowerCase() + member.slice(1);
}

function render(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(render).join(', ')}]`;
  if (value instanceof Uint8Array) return '';
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${render(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

function lengthOf(rule: Rule, value: unknown): number | undefined {
  if (typeof value === 'string') {
    if (rule.type === 'blob') return Buffer.byteLength(value, 'utf8');
    // Lengths count characters (code points); counting them only matters past the limit in UTF-16 units.
    return value.length > (rule.length?.max ?? Infinity) || value.length < (rule.length?.min ?? 0) ? [...value].length : value.length;
  }
  if (value instanceof Uint8Array || Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return undefined;
}

function typeMatches(rule: Rule, value: unknown): boolean {
  switch (rule.type) {
    case 'string':
    case 'enum':
      return typeof value === 'string';
    case 'blob':
      return value instanceof Uint8Array || typeof value === 'string';
    case 'integer':
    case 'long':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'timestamp':
      return value instanceof Date || typeof value === 'number';
    case 'list':
      return Array.isArray(value);
    case 'map':
    case 'structure':
      return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
    default:
      return true;
  }
}

const patternCache = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    patternCache.set(pattern, re);
  }
  return re;
}

function failure(rule: Rule, value: unknown, path: string, constraint: string): string {
  const shown = rule.sensitive || rule.type === 'blob' ? `Value at '${path}'` : `Value '${render(value)}' at '${path}'`;
  return `${shown} failed to satisfy constraint: ${constraint}`;
}

function check(rule: Rule, value: unknown, path: string, errors: string[], serialization: string[]): void {
  if (!typeMatches(rule, value)) {
    serialization.push(path);
    return;
  }
  const len = rule.length ? lengthOf(rule, value) : undefined;
  if (len !== undefined && rule.length) {
    if (rule.length.min !== undefined && len < rule.length.min)
      errors.push(failure(rule, value, path, `Member must have length greater than or equal to ${rule.length.min}`));
    if (rule.length.max !== undefined && len > rule.length.max)
      errors.push(failure(rule, value, path, `Member must have length less than or equal to ${rule.length.max}`));
  }
  if (rule.range && typeof value === 'number') {
    if (rule.range.min !== undefined && value < rule.range.min)
      errors.push(failure(rule, value, path, `Member must have value greater than or equal to ${rule.range.min}`));
    if (rule.range.max !== undefined && value > rule.range.max)
      errors.push(failure(rule, value, path, `Member must have value less than or equal to ${rule.range.max}`));
  }
  if (rule.enum && typeof value === 'string' && !rule.enum.includes(value))
    errors.push(failure(rule, value, path, `Member must satisfy enum value set: [${rule.enum.join(', ')}]`));
  if (rule.pattern && typeof value === 'string' && !compiled(rule.pattern).test(value))
    errors.push(failure(rule, value, path, `Member must satisfy regular expression pattern: ${rule.pattern}`));
  if (rule.type === 'list' && rule.member && Array.isArray(value)) {
    value.forEach((item, i) => checkMember(rule.member as Rule, item, `${path}.${i + 1}.member`, errors, serialization));
  }
  if (rule.type === 'map' && value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (rule.key) checkMember(rule.key, k, `${path}.key`, errors, serialization);
      if (rule.value) checkMember(rule.value, v, `${path}.value`, errors, serialization);
      else if (typeof v !== 'string') serialization.push(`${path}.${k}`);
    }
  }
  const structure = rule.structure ? STRUCTURE_RULES[rule.structure] : undefined;
  if (structure && value !== null && typeof value === 'object') checkMembers(structure, value as Record<string, unknown>, `${path}.`, errors, serialization);
}

function checkMember(rule: Rule, value: unknown, path: string, errors: string[], serialization: string[]): void {
  if (value === undefined || value === null) {
    if (rule.required) errors.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
    return;
  }
  check(rule, value, path, errors, serialization);
}

function checkMembers(rules: readonly MemberRule[], input: Record<string, unknown>, prefix: string, errors: string[], serialization: string[]): void {
  for (const rule of rules) checkMember(rule, input[rule.name], prefix + pathName(rule.name), errors, serialization);
}

/**
 * Checks an operation's input against the KMS model (required members, lengths, ranges, enums,
 * patterns, and documented ranges stricter than the model). Throws `ValidationException` worded as
 * AWS words it, or `SerializationException` when a member has the wrong JSON type.
 */
export function validateInput(operation: OperationName, input: unknown): void {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw kmsError('SerializationException', messages.unexpectedStructure());
  }
  const errors: string[] = [];
  const serialization: string[] = [];
  checkMembers(INPUT_RULES[operation], input as Record<string, unknown>, '', errors, serialization);
  if (serialization.length > 0) {
    throw kmsError('SerializationException', messages.unexpectedValueType(String(serialization[0])));
  }
  if (errors.length > 0) {
    throw kmsError('ValidationException', messages.validationErrors(errors));
  }
}
