import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { OperationContext } from '../context/operation-context';
import { parseOperator } from './condition-operators';
import { kmsRequestContext } from './kms-request-context';
import { compilePolicy } from './policy-document';
import { evaluatePolicy, type EvaluationRequest } from './policy-evaluator';

const PRINCIPAL_ARN =
  /^(?:\d{12}|arn:aws[a-z-]*:iam::\d{12}:(?:root|user\/[\w+=,.@/-]+|role\/[\w+=,.@/-]+|federated-user\/[\w+=,.@-]+)|arn:aws[a-z-]*:sts::\d{12}:(?:assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+|federated-user\/[\w+=,.@-]+))$/;
const SERVICE = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);

function malformed(problem: string): never {
  throw kmsError('MalformedPolicyDocumentException', messages.malformedPolicy(problem));
}

function stringList(value: unknown): value is string | string[] {
  return typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'));
}

function checkPrincipal(value: unknown): void {
  if (value === '*') return;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw kmsError('MalformedPolicyDocumentException', messages.invalidPolicyPrincipals());
  for (const [kind, entries] of Object.entries(value as Record<string, unknown>)) {
    if (!stringList(entries)) throw kmsError('MalformedPolicyDocumentException', messages.invalidPolicyPrincipals());
    const list = typeof entries === 'string' ? [entries] : entries;
    const valid =
      kind === 'AWS'
        ? list.every((e) => e === '*' || PRINCIPAL_ARN.test(e))
        : kind === 'Service'
          ? list.every((e) => SERVICE.test(e))
          : kind === 'Federated' || kind === 'CanonicalUser';
    if (!valid) throw kmsError('MalformedPolicyDocumentException', messages.invalidPolicyPrincipals());
  }
}

/**
 * Checks a key policy document as KMS does when it is written (CreateKey, PutKeyPolicy, ReplicateKey):
 * JSON with a Statement; each statement with an Effect, a Principal or NotPrincipal of valid
 * principals, an Action or NotAction, known condition operators. MalformedPolicyDocumentException
 * otherwise.
 */
export function validateKeyPolicy(text: string): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    malformed('it is not valid JSON.');
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) malformed('it must be a JSON object.');
  const statements = (doc as { Statement?: unknown }).Statement;
  if (statements === undefined) malformed('it must contain a Statement.');
  const list = Array.isArray(statements) ? statements : [statements];
  if (list.length === 0) malformed('it must contain a Statement.');
  for (const s of list) {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) malformed('each statement must be a JSON object.');
    const statement = s as Record<string, unknown>;
    const unknown = Object.keys(statement).find((k) => !STATEMENT_KEYS.has(k));
    if (unknown !== undefined) malformed(`unknown statement element ${unknown}.`);
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') malformed('each statement needs an Effect of Allow or Deny.');
    if ((statement.Principal === undefined) === (statement.NotPrincipal === undefined))
      malformed('each statement needs exactly one of Principal and NotPrincipal.');
    checkPrincipal(statement.Principal ?? statement.NotPrincipal);
    if ((statement.Action === undefined) === (statement.NotAction === undefined)) malformed('each statement needs exactly one of Action and NotAction.');
    if (!stringList(statement.Action ?? statement.NotAction)) malformed('Action must be a string or a list of strings.');
    const resource = statement.Resource ?? statement.NotResource;
    if (resource !== undefined && !stringList(resource)) malformed('Resource must be a string or a list of strings.');
    const condition = statement.Condition;
    if (condition !== undefined) {
      if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) malformed('Condition must be a JSON object.');
      for (const op of Object.keys(condition)) if (!parseOperator(op)) malformed(`unknown condition operator ${op}.`);
    }
  }
}

/**
 * The policy lockout safety check (API Reference, PutKeyPolicy and CreateKey
 * BypassPolicyLockoutSafetyCheck): the new policy must allow the principal making the request to make
 * a later PutKeyPolicy request, by naming it or by naming its account (whose root, or whose identity
 * policies, then decide). MalformedPolicyDocumentException otherwise.
 */
export function checkPolicyLockout(context: OperationContext, policy: string, keyArn: string, input: unknown): void {
  const { caller } = context;
  const request: EvaluationRequest = { caller, action: 'kms:PutKeyPolicy', resource: keyArn, context: kmsRequestContext(context, { input }) };
  const result = evaluatePolicy(compilePolicy(policy), request, true);
  if (result.denies.length === 0) {
    if (result.allows.some((m) => m.match === 'principal' && caller.accountId === keyArn.split(':')[4])) return;
    if (result.allows.length > 0 && identityAllows(context, request)) return;
  }
  throw kmsError('MalformedPolicyDocumentException', messages.policyLockout());
}

function identityAllows(context: OperationContext, request: EvaluationRequest): boolean {
  const { caller } = context;
  if (caller.type === 'Account') return true;
  let allowed = false;
  for (const text of context.state.principals.get(caller.arn)?.policies ?? []) {
    const r = evaluatePolicy(compilePolicy(text), request, false);
    if (r.denies.length > 0) return false;
    if (r.allows.length > 0) allowed = true;
  }
  return allowed;
}
