import type { GetKeyLastUsageResponse, KeyLastUsageTrackingOperation } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import { resolveKey } from './resolve-key';
import { createHash } from 'node:crypto';

/**
 * The last successful cryptographic operation with a key: operation, time, request id and a
 * CloudTrail event id. The vault tracks every key from its creation, so TrackingStartDate is the
 * key's CreationDate.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyLastUsage.html
 */
export function getKeyLastUsage(context: OperationContext, input: HandlerInput<'GetKeyLastUsage'>): HandlerOutput<'GetKeyLastUsage'> {
  const key = resolveKey(context, input.KeyId, { aliases: false });
  authorize(context, permissionOf(context.operation), key, input);
  const out: GetKeyLastUsageResponse = {
    KeyId: key.arn,
    TrackingStartDate: new Date(key.creationDate.getTime()),
    KeyCreationDate: new Date(key.creationDate.getTime()),
  };
  const used = key.lastUsage;
  if (used) {
    out.KeyLastUsage = {
      Operation: used.operation as KeyLastUsageTrackingOperation,
      Timestamp: new Date(used.time.getTime()),
      KmsRequestId: used.requestId,
      CloudTrailEventId: eventIdOf(used.requestId),
    };
  }
  return out;
}

/** A stable UUID-shaped CloudTrail event id for a request (the vault writes no CloudTrail). */
function eventIdOf(requestId: string): string {
  const h = createHash('sha256').update(`cloudtrail:${requestId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
