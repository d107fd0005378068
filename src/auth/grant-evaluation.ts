import type { GrantOperation } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { GrantConstraints, GrantRecord } from '../vault/grants';
import type { KeyRecord } from '../vault/key-record';
import type { Caller } from '../vault/principal';
import type { ReEncryptSide } from './kms-request-context';

/** Operations a grant constraint does not apply to (Developer Guide, "Grant constraints"). */
const UNCONSTRAINED: ReadonlySet<string> = new Set(['DescribeKey', 'RetireGrant']);

/** Whether a grant's grantee is the caller: its ARN, its role's ARN, or its account root. */
export function isGrantee(grant: GrantRecord, caller: Caller): boolean {
  const p = grant.granteePrincipal;
  return p === caller.arn || p === caller.principalArn;
}

/** Whether an encryption context satisfies a grant's constraint (case-sensitive keys and values). */
export function contextSatisfies(constraints: GrantConstraints | undefined, context: Readonly<Record<string, string>> | undefined): boolean {
  if (!constraints) return true;
  const ec = context ?? {};
  const equals = constraints.encryptionContextEquals;
  if (equals) {
    const keys = Object.keys(ec);
    if (keys.length !== Object.keys(equals).length || keys.some((k) => equals[k] !== ec[k])) return false;
  }
  const subset = constraints.encryptionContextSubset;
  if (subset && Object.entries(subset).some(([k, v]) => ec[k] !== v)) return false;
  return true;
}

/** The encryption context a grant constraint is checked against, for the side of the request being authorized. */
function requestContext(input: unknown, side: ReEncryptSide | undefined): Readonly<Record<string, string>> | undefined {
  if (input === null || typeof input !== 'object') return undefined;
  const i = input as {
    EncryptionContext?: Record<string, string>;
    SourceEncryptionContext?: Record<string, string>;
    DestinationEncryptionContext?: Record<string, string>;
  };
  return side === 'from' ? i.SourceEncryptionContext : side === 'to' ? i.DestinationEncryptionContext : i.EncryptionContext;
}

/** Whether a grant is in effect for a request: at once when the request carries one of its tokens, else after propagation. */
function inEffect(context: OperationContext, grant: GrantRecord, tokens: readonly string[], propagationMs: number): boolean {
  if (grant.creationDate.getTime() + propagationMs <= context.now.getTime()) return true;
  return tokens.some((t) => grant.tokens.includes(t));
}

/**
 * The grant that allows the caller to perform `operation` (a grant operation name, such as `Decrypt`
 * or `ReEncryptFrom`) on `key`, if one does (Developer Guide, "Grants in AWS KMS"): the caller is the
 * grantee, the grant lists the operation, it is in effect (eventual consistency, or a grant token in
 * the request), and the request's encryption context meets its constraint.
 */
export function allowingGrant(
  context: OperationContext,
  key: KeyRecord,
  operation: string,
  input: unknown,
  side: ReEncryptSide | undefined,
): GrantRecord | undefined {
  const propagationMs = context.state.grants.propagationMs;
  const grants = context.state.grants.ofKey(key.arn);
  if (grants.length === 0) return undefined;
  const tokens = (input as { GrantTokens?: string[] } | undefined)?.GrantTokens ?? [];
  for (const grant of grants) {
    if (!isGrantee(grant, context.caller) || !grant.operations.includes(operation as GrantOperation)) continue;
    if (!inEffect(context, grant, tokens, propagationMs)) continue;
    if (operation === 'CreateGrant') {
      if (!createsStricterGrant(grant, input)) continue;
    } else if (!UNCONSTRAINED.has(operation) && !contextSatisfies(grant.constraints, requestContext(input, side))) {
      continue;
    }
    return grant;
  }
  return undefined;
}

/**
 * A grant that allows CreateGrant allows only grants with a subset of its operations and an equally
 * strict or stricter encryption context constraint (Developer Guide, "Grant constraints").
 */
function createsStricterGrant(parent: GrantRecord, input: unknown): boolean {
  const req = (input ?? {}) as {
    Operations?: string[];
    Constraints?: { EncryptionContextEquals?: Record<string, string>; EncryptionContextSubset?: Record<string, string> };
  };
  if (!(req.Operations ?? []).every((op) => parent.operations.includes(op as GrantOperation))) return false;
  const c = parent.constraints;
  if (!c) return true;
  const childEquals = req.Constraints?.EncryptionContextEquals;
  const childSubset = req.Constraints?.EncryptionContextSubset;
  if (c.encryptionContextEquals) {
    return childEquals !== undefined && contextSatisfies({ encryptionContextEquals: c.encryptionContextEquals }, childEquals);
  }
  if (c.encryptionContextSubset) {
    const strictest = childEquals ?? childSubset;
    return strictest !== undefined && contextSatisfies({ encryptionContextSubset: c.encryptionContextSubset }, strictest);
  }
  return true;
}
