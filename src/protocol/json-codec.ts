import { INPUT_RULES, STRUCTURE_RULES, type OperationName } from '../contract/generated';
import type { MemberRule } from '../contract/member-rule';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';

type Rule = Omit<MemberRule, 'name'> & { readonly structure?: string };

// Standard base64 as AWS JSON 1.1 carries blobs: padded, no line breaks.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The JSON body of a request as the operation's input, in the one walk over the operation's member
 * shapes (the contract) that the wire makes: blobs (base64 on the wire) become bytes, timestamps
 * (epoch seconds) dates; members the operation does not have, JSON nulls ("not set", as the SDKs treat
 * them) and null entries of lists and maps are left out. This is the form the SDK adapter's
 * normalization (validation/normalize-input.ts) gives an SDK input, so the engine does not walk the
 * input again (`decoded`). Members of the wrong JSON type are left as they are, for input validation
 * to reject with the SerializationException KMS sends. A blob that is not base64 is a
 * SerializationException here.
 */
export function decodeInput(operation: OperationName, json: Record<string, unknown>): Record<string, unknown>;
export function decodeInput(operation: OperationName, json: unknown): unknown;
export function decodeInput(operation: OperationName, json: unknown): unknown {
  // A body that is not a JSON object goes on as it is: validation answers it as KMS does.
  return isObject(json) ? decodeMembers(INPUT_RULES[operation], json) : json;
}

function decodeMembers(rules: readonly MemberRule[], json: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const rule of rules) {
    const value = json[rule.name];
    if (value !== null && value !== undefined) out[rule.name] = decodeValue(rule, value);
  }
  return out;
}

function decodeValue(rule: Rule, value: unknown): unknown {
  switch (rule.type) {
    case 'blob':
      return typeof value === 'string' ? decodeBase64(value) : value;
    case 'timestamp':
      return typeof value === 'number' && Number.isFinite(value) ? new Date(Math.round(value * 1000)) : value;
    case 'list': {
      if (!Array.isArray(value)) return value;
      const member = rule.member as Rule | undefined;
      const kept = (value as unknown[]).filter((item) => item !== null && item !== undefined);
      return member && needsDecoding(member) ? kept.map((item) => decodeValue(member, item)) : kept;
    }
    case 'map':
      return isObject(value) ? withoutNulls(value) : value;
    case 'structure': {
      const members = rule.structure ? STRUCTURE_RULES[rule.structure] : undefined;
      // Any JSON object or array stands for the structure's members (an array has none), as the SDK serializer reads it.
      return members && typeof value === 'object' && value !== null ? decodeMembers(members, value as Record<string, unknown>) : value;
    }
    default:
      return value;
  }
}

/** A map's entries without null values; an own "__proto__" key (JSON.parse makes one) stays a key. */
function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (entry !== null && entry !== undefined) Object.defineProperty(copy, key, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** Only blobs, timestamps and structures (which may hold them) change between JSON and input. */
function needsDecoding(rule: Rule): boolean {
  return rule.type === 'blob' || rule.type === 'timestamp' || rule.type === 'structure' || rule.type === 'list';
}

function decodeBase64(text: string): Uint8Array {
  // AWS checks the length before the alphabet.
  if (text.length % 4 !== 0) throw kmsError('SerializationException', messages.base64Length(text.length));
  if (!BASE64.test(text)) throw kmsError('SerializationException', messages.base64Character());
  return new Uint8Array(Buffer.from(text, 'base64'));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * An operation's output as the JSON body KMS sends: bytes as base64, dates as epoch seconds, without
 * the SDK's `$metadata` and without unset members.
 */
export function encodeOutput(output: Record<string, unknown>): string {
  const { $metadata: _metadata, ...body } = output;
  return JSON.stringify(body, wireValue);
}

// JSON.stringify hands replacers the result of toJSON (Buffer and Date have one), so the raw value is
// read from the holder.
function wireValue(this: unknown, key: string, value: unknown): unknown {
  const raw = key === '' ? value : (this as Record<string, unknown>)[key];
  if (raw instanceof Uint8Array) return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64');
  if (raw instanceof Date) return raw.getTime() / 1000;
  return value;
}
