import type { OperationContext } from '../context/operation-context';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { GrantRecord } from '../vault/grants';
import type { KeyRecord } from '../vault/key-record';

const GRANT_ID = /^[0-9a-f]{64}$/;

/**
 * The grant with this id on this key: InvalidGrantIdException for an id KMS could not have issued,
 * NotFoundException for one that is not (or no longer) on the key.
 */
export function findGrant(context: OperationContext, key: KeyRecord, grantId: string): GrantRecord {
  if (!GRANT_ID.test(grantId)) throw kmsError('InvalidGrantIdException', messages.grantIdNotFound(grantId));
  const grant = context.state.grants.get(grantId);
  if (!grant || grant.keyArn !== key.arn) throw kmsError('NotFoundException', messages.grantIdNotFound(grantId));
  return grant;
}
