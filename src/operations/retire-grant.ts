import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { GrantRecord } from '../vault/grants';
import { isGrantee } from '../auth/grant-evaluation';
import { authorizeWithoutKey } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { findGrant } from './grant-lookup';
import { endDryRun } from './shared';
import { resolveKey } from './resolve-key';

/** Whether the grant itself lets the caller retire it (API Reference, RetireGrant): its retiring principal, its grantee when it allows RetireGrant. */
function namedByGrant(context: OperationContext, grant: GrantRecord): boolean {
  const { caller } = context;
  if (grant.retiringPrincipal !== undefined && (grant.retiringPrincipal === caller.arn || grant.retiringPrincipal === caller.principalArn)) return true;
  return grant.operations.includes('RetireGrant') && isGrantee(grant, caller);
}

/**
 * Retires a grant, named by its token or by key ARN and grant id. The grant, not a policy, says who
 * may: its retiring principal, its grantee when the grant allows RetireGrant, or the account that
 * created it.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RetireGrant.html
 */
export function retireGrant(context: OperationContext, input: HandlerInput<'RetireGrant'>): HandlerOutput<'RetireGrant'> {
  let grant: GrantRecord;
  if (input.GrantToken !== undefined) {
    const grants = context.state.grants;
    if (!grants.knowsToken(input.GrantToken)) throw kmsError('InvalidGrantTokenException', messages.invalidGrantToken());
    const found = grants.byToken(input.GrantToken);
    if (!found || (input.GrantId !== undefined && found.grantId !== input.GrantId))
      throw kmsError('NotFoundException', messages.grantIdNotFound(input.GrantId ?? ''));
    grant = found;
  } else {
    if (input.KeyId === undefined || input.GrantId === undefined) throw kmsError('ValidationException', messages.retireGrantArguments());
    const key = resolveKey(context, input.KeyId, { aliases: false });
    grant = findGrant(context, key, input.GrantId);
  }
  if (!namedByGrant(context, grant)) {
    // The account that created the grant may retire it: its root, and its principals whose identity
    // policies allow kms:RetireGrant (Developer Guide, "Retiring and revoking grants"); no key policy counts.
    if (grant.issuingAccount !== `arn:aws:iam::${context.caller.accountId}:root`) {
      throw kmsError('AccessDeniedException', messages.accessDenied(context.caller.arn, permissionOf(context.operation), grant.keyArn, 'no-resource-allow'));
    }
    authorizeWithoutKey(context, permissionOf(context.operation), input, grant.keyArn);
  }
  endDryRun(input);
  context.state.grants.remove(grant);
  return {};
}
