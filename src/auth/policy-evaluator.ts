import type { Caller } from '../vault/principal';
import { conditionHolds } from './condition-operators';
import { accountOfEntry, type CompiledPolicy, type CompiledStatement, type PrincipalSet } from './policy-document';
import { substituteVariables, type RequestContext } from './request-context';
import { wildcardMatch } from './wildcard';

/** One request as policies see it. */
export interface EvaluationRequest {
  readonly caller: Caller;
  /** `kms:Encrypt`, ... */
  readonly action: string;
  /** The key ARN, the alias ARN, or `*` for operations on no resource. */
  readonly resource: string;
  readonly context: RequestContext;
}

/**
 * How a resource-policy statement names the caller: by its own ARN (or its role's, or `*`), which
 * allows by itself; or by its account, which lets that account's identity policies decide.
 */
export type PrincipalMatch = 'principal' | 'account';

/** A statement that applies to the request. */
export interface StatementMatch {
  readonly statement: CompiledStatement;
  readonly match: PrincipalMatch;
}

/** The statements of one policy that apply to a request, by effect. */
export interface PolicyEvaluation {
  readonly allows: readonly StatementMatch[];
  readonly denies: readonly StatementMatch[];
}

function principalMatch(set: PrincipalSet, caller: Caller): PrincipalMatch | undefined {
  if (set.anyone) return 'principal';
  let match: PrincipalMatch | undefined;
  for (const entry of set.aws) {
    if (entry === caller.arn || entry === caller.principalArn) return 'principal';
    if (accountOfEntry(entry) === caller.accountId) match = 'account';
  }
  return match;
}

/** NotPrincipal: the statement applies to everyone it does not name (naming the account names its root). */
function excluded(set: PrincipalSet, caller: Caller): boolean {
  if (set.anyone) return true;
  return set.aws.some(
    (entry) => entry === caller.arn || entry === caller.principalArn || (caller.type === 'Account' && accountOfEntry(entry) === caller.accountId),
  );
}

function actionMatches(patterns: readonly string[], action: string): boolean {
  return patterns.some((p) => wildcardMatch(p, action, true));
}

function resourceMatches(patterns: readonly string[], resource: string, context: RequestContext): boolean {
  return patterns.some((p) => {
    const pattern = substituteVariables(p, context);
    return pattern !== undefined && wildcardMatch(pattern, resource);
  });
}

function statementApplies(s: CompiledStatement, request: EvaluationRequest): boolean {
  if (s.actions && !actionMatches(s.actions, request.action)) return false;
  if (s.notActions && actionMatches(s.notActions, request.action)) return false;
  if (s.resources && !resourceMatches(s.resources, request.resource, request.context)) return false;
  if (s.notResources && resourceMatches(s.notResources, request.resource, request.context)) return false;
  if (s.unknownOperator) return false;
  return s.conditions.every((c) => conditionHolds(c.operator, c.key, c.values, request.context));
}

/**
 * The statements of a policy that apply to a request: action (NotAction), resource (NotResource, with
 * policy variables), conditions, and for resource policies the principal (NotPrincipal). Identity
 * policies have no principal element: their statements apply to the principal they are attached to.
 */
export function evaluatePolicy(policy: CompiledPolicy, request: EvaluationRequest, resourcePolicy: boolean): PolicyEvaluation {
  const allows: StatementMatch[] = [];
  const denies: StatementMatch[] = [];
  for (const s of policy.statements) {
    let match: PrincipalMatch | undefined = 'principal';
    if (resourcePolicy) {
      if (s.principal) match = principalMatch(s.principal, request.caller);
      else if (s.notPrincipal) match = excluded(s.notPrincipal, request.caller) ? undefined : 'principal';
      else match = undefined;
    }
    if (match === undefined || !statementApplies(s, request)) continue;
    (s.effect === 'Deny' ? denies : allows).push({ statement: s, match });
  }
  return { allows, denies };
}
