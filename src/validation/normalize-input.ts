import { INPUT_RULES, STRUCTURE_RULES, type OperationName } from '../contract/generated';
import type { MemberRule } from '../contract/member-rule';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';

type Rule = Omit<MemberRule, 'name'> & { readonly structure?: string };

/** A member the serializer leaves out of the request. */
const ABSENT = Symbol('absent');
type Wire = unknown;

/** The text the SDK sends when it cannot produce valid JSON; KMS cannot parse the body. */
function unreadable(): never {
  throw kmsError('SerializationException', messages.unexpectedStructure());
}

/** JSON.stringify as the SDK calls it, parsed back: what KMS reads. BigInt and cycles fail in the SDK. */
function throughJson(value: unknown): Wire {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return unreadable();
  }
  return text === undefined ? ABSENT : (JSON.parse(text) as Wire);
}

/** NaN and the infinities travel as the strings "NaN", "Infinity", "-Infinity". */
function special(value: unknown): boolean {
  return typeof value === 'number' && !Number.isFinite(value);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Text in a blob member, as KMS reads it: base64, the length checked before the alphabet. */
function fromBase64(text: string): Buffer {
  if (text.length % 4 !== 0) throw kmsError('SerializationException', messages.base64Length(text.length));
  if (!BASE64.test(text)) throw kmsError('SerializationException', messages.base64Character());
  return Buffer.from(text, 'base64');
}

/** A blob member: bytes as the handler wants them, or the JSON value KMS would refuse. */
function blob(value: unknown): Wire {
  if (value instanceof Uint8Array) return value;
  // The SDK base64-encodes a string's UTF-8 bytes.
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  const wire = scalarOrJson(value);
  // Text that reached a blob member by another way (a Date's JSON form) is read by KMS as base64.
  if (typeof wire === 'string') return fromBase64(wire);
  return wire;
}

/** A timestamp member: the SDK sends a Date as epoch seconds; a number goes as it is (seconds). */
function timestamp(value: unknown): Wire {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? unreadable() : new Date(value.getTime());
  const wire = scalarOrJson(value);
  return typeof wire === 'number' ? new Date(wire * 1000) : wire;
}

/** Numbers, strings, booleans and BigInts as the SDK writes them; any other object through JSON.stringify. */
function scalarOrJson(value: unknown): Wire {
  if (special(value)) return String(value);
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object' && value !== null) return throughJson(value);
  // Symbols and functions: the SDK writes String(value) unquoted, which is not JSON.
  return unreadable();
}

function list(rule: Rule, value: unknown): Wire {
  if (!Array.isArray(value)) return scalarOrJson(value);
  const item = rule.member;
  if (item?.type === 'structure') {
    const out: Wire[] = [];
    for (const entry of value) {
      if (entry === null || entry === undefined) continue;
      const wire = member(item, entry);
      if (wire !== ABSENT) out.push(wire);
    }
    return out;
  }
  // Lists of strings: null entries dropped, NaN and infinities as strings, the rest through JSON.stringify.
  const kept = (value as unknown[]).filter((entry) => entry !== null && entry !== undefined).map((entry) => (special(entry) ? String(entry) : entry));
  // Strings come back from JSON as they went in: no round trip needed.
  return kept.every((entry) => typeof entry === 'string') ? kept : throughJson(kept);
}

function map(value: unknown): Wire {
  if (typeof value !== 'object' || value === null) return scalarOrJson(value);
  if (Array.isArray(value) || value instanceof Date || value instanceof Uint8Array) return throughJson(value);
  // Maps of strings: null values dropped, NaN and infinities as strings, the rest through JSON.stringify.
  const copy: Record<string, unknown> = {};
  let strings = true;
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null || entry === undefined) continue;
    const kept = special(entry) ? String(entry) : entry;
    // An own "__proto__" key (JSON.parse makes one) stays a key, not the object's prototype.
    Object.defineProperty(copy, key, { value: kept, enumerable: true, writable: true, configurable: true });
    if (typeof kept !== 'string') strings = false;
  }
  // A Map has no own enumerable entries: the SDK sends an empty map. Strings need no JSON round trip.
  return strings ? copy : throughJson(copy);
}

/** Any object goes out as the structure's members (an array or a Date as an empty structure). */
function structureOrJson(name: string | undefined, value: unknown): Wire {
  const rules = name === undefined ? undefined : STRUCTURE_RULES[name];
  if (rules === undefined || typeof value !== 'object' || value === null) return scalarOrJson(value);
  return structure(rules, value as Record<string, unknown>);
}

function structure(rules: readonly MemberRule[], value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const rule of rules) {
    const entry = value[rule.name];
    if (entry === null || entry === undefined) continue;
    const wire = member(rule, entry);
    if (wire !== ABSENT) out[rule.name] = wire;
  }
  return out;
}

function member(rule: Rule, value: unknown): Wire {
  switch (rule.type) {
    case 'blob':
      return blob(value);
    case 'timestamp':
      return timestamp(value);
    case 'list':
      return list(rule, value);
    case 'map':
      return map(value);
    case 'structure':
      return structureOrJson(rule.structure, value);
    default:
      return scalarOrJson(value);
  }
}

/**
 * The input as KMS receives it from `@aws-sdk/client-kms` 3.x, whose JSON serializer the vault
 * middleware runs ahead of: members the operation does not have are left out, `null` and `undefined`
 * members and `null` entries of lists and maps are dropped, a string blob is sent as its UTF-8 bytes,
 * NaN and the infinities become strings, a BigInt a number, a Date outside a timestamp member its
 * ISO text, other objects their JSON form (an empty map for a `Map`). Blobs come out as bytes and
 * timestamps as Dates, as the handlers take them; a value of the wrong JSON type stays for
 * {@link validateInput} to refuse with SerializationException. Input the SDK cannot serialize (a
 * BigInt inside a map, a cycle) is a SerializationException here too, where the SDK throws a
 * TypeError before sending. The caller's object is never changed.
 */
export function normalizeInput(operation: OperationName, input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  return structure(INPUT_RULES[operation], input as Record<string, unknown>);
}
