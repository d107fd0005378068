import type { KMSServiceException } from '@aws-sdk/client-kms';
import { kmsError } from '../errors/kms-error';
import { CIPHERTEXT_RESOURCE, messages } from '../errors/messages';
import type { OperationContext } from '../context/operation-context';
import type { KeyRecord } from '../vault/key-record';
import { allowingGrant } from './grant-evaluation';
import { kmsRequestContext, type ReEncryptSide } from './kms-request-context';
import { compilePolicy, type CompiledStatement } from './policy-document';
import { evaluatePolicy, type EvaluationRequest, type PolicyEvaluation } from './policy-evaluator';
import type { RequestContext } from './request-context';

/** A KMS permission, as written in key policies (`kms:Encrypt`, `kms:ReEncryptFrom`, ...). */
export type KmsAction = `kms:${string}`;

/** Why a request was denied, in the terms of AWS's AccessDeniedException messages. */
export type DenialReason = 'explicit-deny-resource' | 'explicit-deny-identity' | 'no-identity-allow' | 'no-resource-allow';

/** A statement that took part in a decision. */
export interface DecidingStatement {
  /** `key policy`, or `identity policy 2 of arn:aws:iam::...:user/alice` (1-based). */
  readonly policy: string;
  readonly sid?: string;
  /** Position of the statement in its policy (0-based). */
  readonly index: number;
  readonly effect: 'Allow' | 'Deny';
}

/**
 * Why the vault decided as it did: the deciding statements, or what was missing. Attached to an
 * AccessDeniedException as the non-enumerable property `authorization`; the call history's record
 * holds the error, so it shows there too.
 */
export interface AuthorizationExplanation {
  readonly action: string;
  readonly resource: string;
  readonly caller: string;
  readonly reason: DenialReason;
  /** The statements that decided (the Deny statements, or the Allow statements that were not enough). */
  readonly statements: readonly DecidingStatement[];
  /** One sentence a person can read. */
  readonly summary: string;
}

/** Options of {@link authorize}. */
export interface AuthorizeOptions {
  /** ReEncrypt: which side is authorized (source `from`, destination `to`). */
  readonly side?: ReEncryptSide;
  /** ReEncrypt: whether source and destination are the same key (`kms:ReEncryptOnSameKey`). */
  readonly sameKey?: boolean;
}

/** The explanation carried by an AccessDeniedException the vault threw, if it is one. */
export function explanationOf(error: unknown): AuthorizationExplanation | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  return (error as { authorization?: AuthorizationExplanation }).authorization;
}

function denied(explanation: AuthorizationExplanation, resourceInMessage: string): KMSServiceException {
  const error = kmsError('AccessDeniedException', messages.accessDenied(explanation.caller, explanation.action, resourceInMessage, explanation.reason));
  Object.defineProperty(error, 'authorization', { value: explanation, enumerable: false, writable: false, configurable: true });
  return error;
}

function describe(policy: string, statements: readonly { readonly statement: CompiledStatement }[]): DecidingStatement[] {
  return statements.map(({ statement: s }) => ({ policy, ...(s.sid !== undefined ? { sid: s.sid } : {}), index: s.index, effect: s.effect }));
}

function named(list: readonly DecidingStatement[]): string {
  return list.map((s) => `${s.policy} statement ${s.sid !== undefined ? `"${s.sid}"` : `#${s.index + 1}`}`).join(', ');
}

const SUMMARIES: Record<DenialReason, (statements: readonly DecidingStatement[]) => string> = {
  'explicit-deny-resource': (s) => `denied by ${named(s)}`,
  'explicit-deny-identity': (s) => `denied by ${named(s)}`,
  'no-identity-allow': (s) =>
    s.length > 0
      ? `${named(s)} lets the caller's identity policies decide, and none of them allows the action (and no grant does)`
      : `no identity policy of the caller allows the action`,
  'no-resource-allow': () => 'no statement of the key policy allows the caller the action, and no grant does',
};

interface IdentityEvaluation {
  readonly allows: DecidingStatement[];
  readonly denies: DecidingStatement[];
  /** The root user of an account is allowed everything in it by IAM; it has no identity policies. */
  readonly implicitAllow: boolean;
}

function evaluateIdentity(context: OperationContext, request: EvaluationRequest): IdentityEvaluation {
  const { caller } = context;
  if (caller.type === 'Account') return { allows: [], denies: [], implicitAllow: true };
  const allows: DecidingStatement[] = [];
  const denies: DecidingStatement[] = [];
  const policies = context.state.principals.get(caller.arn)?.policies ?? [];
  policies.forEach((text, i) => {
    const result = evaluatePolicy(compilePolicy(text), request, false);
    const name = `identity policy ${i + 1} of ${caller.arn}`;
    allows.push(...describe(name, result.allows));
    denies.push(...describe(name, result.denies));
  });
  return { allows, denies, implicitAllow: false };
}

function explain(context: OperationContext, action: string, resource: string, reason: DenialReason, statements: DecidingStatement[]): AuthorizationExplanation {
  return {
    action,
    resource,
    caller: context.caller.arn,
    reason,
    statements,
    summary: `${context.caller.arn} may not perform ${action} on ${resource}: ${SUMMARIES[reason](statements)}.`,
  };
}

/**
 * Decides whether the caller may perform `action` on `key`, as KMS does (Developer Guide, "Determining
 * access to an AWS KMS key"): an explicit Deny in the key policy or the caller's identity policies
 * wins; a key-policy statement naming the caller (or its role, or `*`) allows by itself; one naming
 * the caller's account lets that account's identity policies decide (the account root is allowed by
 * them); a key of another account needs both the key policy and the caller's identity policies;
 * failing all that, a grant to the caller allows its operations. Throws AccessDeniedException with
 * AWS's wording and an explanation (see {@link explanationOf}).
 *
 * The common case, the key account's root with a key policy that gives it `kms:*` unconditionally
 * (the default key policy), is decided without evaluating anything.
 */
export function authorize(context: OperationContext, action: KmsAction, key: KeyRecord, input?: unknown, options: AuthorizeOptions = {}): void {
  const { caller } = context;
  const policy = compilePolicy(key.policy);
  if (caller.type === 'Account' && caller.accountId === key.accountId && policy.unconditionalRoots.has(caller.accountId)) return;

  const requestContext: RequestContext = kmsRequestContext(context, { key, input, ...options });
  const request: EvaluationRequest = { caller, action, resource: key.arn, context: requestContext };
  const keyPolicy: PolicyEvaluation = evaluatePolicy(policy, request, true);
  const messageResource = context.operation === 'Decrypt' && (input as { KeyId?: string } | undefined)?.KeyId === undefined ? CIPHERTEXT_RESOURCE : key.arn;
  if (keyPolicy.denies.length > 0) {
    throw denied(explain(context, action, key.arn, 'explicit-deny-resource', describe('key policy', keyPolicy.denies)), messageResource);
  }
  const identity = evaluateIdentity(context, request);
  if (identity.denies.length > 0) throw denied(explain(context, action, key.arn, 'explicit-deny-identity', identity.denies), messageResource);

  const identityAllows = identity.implicitAllow || identity.allows.length > 0;
  const sameAccount = caller.accountId === key.accountId;
  const byPrincipal = keyPolicy.allows.filter((m) => m.match === 'principal');
  const byAccount = keyPolicy.allows.filter((m) => m.match === 'account');
  // Within the key's account a statement naming the principal is enough; across accounts the
  // caller's own account must also allow it through its identity policies.
  if (sameAccount && byPrincipal.length > 0) return;
  if ((byAccount.length > 0 || (!sameAccount && byPrincipal.length > 0)) && identityAllows) return;

  const operation = action.slice('kms:'.length);
  if (allowingGrant(context, key, operation, input, options.side)) return;

  const keyAllows = keyPolicy.allows.length > 0;
  const reason: DenialReason = keyAllows ? 'no-identity-allow' : 'no-resource-allow';
  throw denied(explain(context, action, key.arn, reason, keyAllows ? describe('key policy', keyPolicy.allows) : []), messageResource);
}

/**
 * Authorizes an operation on no key (CreateKey, ListKeys, ListAliases, GenerateRandom,
 * ListRetirableGrants, ...) or the alias part of an alias operation (`resource` is then the alias
 * ARN): by the caller's identity policies alone. An account root may do everything in its account.
 */
export function authorizeWithoutKey(context: OperationContext, action: KmsAction, input?: unknown, resource = '*'): void {
  if (context.caller.type === 'Account') return;
  const request: EvaluationRequest = { caller: context.caller, action, resource, context: kmsRequestContext(context, { input }) };
  const identity = evaluateIdentity(context, request);
  if (identity.denies.length > 0) throw denied(explain(context, action, resource, 'explicit-deny-identity', identity.denies), resource);
  if (identity.allows.length > 0) return;
  throw denied(explain(context, action, resource, 'no-identity-allow', []), resource);
}
