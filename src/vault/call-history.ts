import type { OperationName } from '../contract/generated';

/** One call the vault answered: what was asked, what it answered, by whom and when (vault time). */
export interface CallRecord {
  readonly operation: OperationName;
  /** The input; without secrets (`Plaintext`, ...) unless the vault records them (`recordSecrets`). */
  readonly input: unknown;
  readonly region: string;
  /** The ARN of the principal the call was made as. */
  readonly caller: string;
  readonly time: Date;
  readonly requestId: string;
  /** The output, when the call succeeded; without secrets unless the vault records them. */
  readonly output?: unknown;
  /** The KMS error, when it failed. */
  readonly error?: Error;
}

/**
 * Members that carry plaintext, private keys, shared secrets or passwords, in inputs and outputs (the
 * members the KMS model marks sensitive that hold secrets rather than ciphertexts).
 */
const SECRET_MEMBERS = ['Plaintext', 'PrivateKeyPlaintext', 'SharedSecret', 'KeyStorePassword', 'XksProxyAuthenticationCredential'] as const;

const SECRETS: ReadonlySet<string> = new Set(SECRET_MEMBERS);

/** `value` without its secret members: a copy when it has any (built member by member; `delete` would slow the object down). */
export function withoutSecrets(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  let secret = false;
  for (const member of SECRET_MEMBERS) {
    if (record[member] !== undefined) {
      secret = true;
      break;
    }
  }
  if (!secret) return value;
  const copy: Record<string, unknown> = {};
  for (const member of Object.keys(record)) if (!SECRETS.has(member)) copy[member] = record[member];
  return copy;
}

/**
 * Appends to a call history that keeps the latest `limit` calls, oldest first (older ones are
 * dropped), so that a long suite or a server does not grow without bound.
 */
export function appendBounded(history: CallRecord[], record: CallRecord, limit: number): void {
  history.push(record);
  // shift() drops the oldest in constant time (V8 trims the array's start); splice(0, n) moves the
  // whole array, about 4 µs per call for a thousand records.
  while (history.length > limit) history.shift();
}
