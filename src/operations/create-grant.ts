import type { CreateGrantRequest, GrantOperation } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { grantOperationsFor, supportsGrantConstraints } from '../auth/grant-operations';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { GrantConstraints, GrantRecord } from '../vault/grants';
import type { KeyRecord } from '../vault/key-record';
import { requireKeyState } from '../vault/key-state-rules';
import { endDryRun } from './shared';
import { resolveKey } from './resolve-key';

/** Developer Guide, "Quotas": grants per KMS key, and grants for one grantee principal on one key. */
const GRANTS_PER_KEY = 50_000;
const GRANTS_PER_GRANTEE = 500;

function constraintsOf(input: CreateGrantRequest): GrantConstraints | undefined {
  const c = input.Constraints;
  if (!c || (c.EncryptionContextEquals === undefined && c.EncryptionContextSubset === undefined)) return undefined;
  return {
    ...(c.EncryptionContextEquals ? { encryptionContextEquals: { ...c.EncryptionContextEquals } } : {}),
    ...(c.EncryptionContextSubset ? { encryptionContextSubset: { ...c.EncryptionContextSubset } } : {}),
  };
}

function sameRecord(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Whether an existing grant has exactly the parameters of a request (CreateGrant is idempotent by Name). */
function sameGrant(
  grant: GrantRecord,
  grantee: string,
  retiring: string | undefined,
  operations: readonly GrantOperation[],
  constraints: GrantConstraints | undefined,
): boolean {
  return (
    grant.granteePrincipal === grantee &&
    grant.retiringPrincipal === retiring &&
    grant.operations.length === new Set(operations).size &&
    operations.every((op) => grant.operations.includes(op)) &&
    sameRecord(grant.constraints?.encryptionContextEquals, constraints?.encryptionContextEquals) &&
    sameRecord(grant.constraints?.encryptionContextSubset, constraints?.encryptionContextSubset)
  );
}

/** A new grant token: opaque, base64, different on every CreateGrant. */
function newToken(context: OperationContext): string {
  return `AQpA${context.random.bytes(120).toString('base64')}`;
}

function checkKey(key: KeyRecord, operations: readonly GrantOperation[], constraints: GrantConstraints | undefined): void {
  requireKeyState('CreateGrant', key);
  const supported = grantOperationsFor(key);
  const unsupported = operations.filter((op) => !supported.has(op));
  if (unsupported.length > 0) throw kmsError('ValidationException', messages.grantOperationsNotSupported(`[${unsupported.join(', ')}]`, key.arn));
  if (constraints && !supportsGrantConstraints(key)) throw kmsError('ValidationException', messages.grantConstraintsNotSupported());
}

/**
 * Creates a grant: the grantee may perform the listed operations on the key, within the encryption
 * context constraint. The grant is usable at once with the returned token, and without it after the
 * vault's grant propagation time. A request with the Name and parameters of an existing grant returns
 * that grant's id with a new token.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html
 */
export function createGrant(context: OperationContext, input: HandlerInput<'CreateGrant'>): HandlerOutput<'CreateGrant'> {
  const key = resolveKey(context, input.KeyId, { aliases: false });
  const grantee = input.GranteePrincipal ?? input.GranteeServicePrincipal;
  if (grantee === undefined || (input.GranteePrincipal !== undefined && input.GranteeServicePrincipal !== undefined)) {
    throw kmsError('ValidationException', messages.granteeRequired());
  }
  if (input.RetiringPrincipal !== undefined && input.RetiringServicePrincipal !== undefined)
    throw kmsError('ValidationException', messages.retiringPrincipalConflict());
  authorize(context, permissionOf(context.operation), key, input);
  const operations = [...new Set(input.Operations ?? [])];
  const constraints = constraintsOf(input);
  checkKey(key, operations, constraints);
  const retiring = input.RetiringPrincipal ?? input.RetiringServicePrincipal;
  const grants = context.state.grants;
  const existing =
    input.Name === undefined ? undefined : grants.ofKey(key.arn).find((g) => g.name === input.Name && sameGrant(g, grantee, retiring, operations, constraints));
  if (!existing) {
    const onKey = grants.ofKey(key.arn);
    if (onKey.length >= GRANTS_PER_KEY || onKey.filter((g) => g.granteePrincipal === grantee).length >= GRANTS_PER_GRANTEE) {
      throw kmsError('LimitExceededException', messages.grantLimit(key.arn));
    }
  }
  endDryRun(input);
  const token = newToken(context);
  if (existing) {
    grants.addToken(existing, token);
    return { GrantId: existing.grantId, GrantToken: token };
  }
  const grant: GrantRecord = {
    grantId: context.random.bytes(32).toString('hex'),
    keyArn: key.arn,
    ...(input.Name !== undefined ? { name: input.Name } : {}),
    creationDate: context.now,
    granteePrincipal: grantee,
    ...(retiring !== undefined ? { retiringPrincipal: retiring } : {}),
    issuingAccount: `arn:aws:iam::${context.caller.accountId}:root`,
    operations,
    ...(constraints ? { constraints } : {}),
    tokens: [token],
  };
  grants.add(grant);
  return { GrantId: grant.grantId, GrantToken: token };
}
