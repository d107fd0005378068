import { randomUUID } from 'node:crypto';
import type { WireResponse } from '../protocol/wire-message';
import type { CloudTrailLog } from './cloudtrail-log';
import { lookupEvents } from './lookup-events';
import { CLOUDTRAIL_TARGET_PREFIX } from './cloudtrail-routes';

function reply(status: number, value: unknown, errorType?: string): WireResponse {
  const body = JSON.stringify(value);
  return {
    status,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': String(Buffer.byteLength(body)),
      'x-amzn-requestid': randomUUID(),
      ...(errorType !== undefined ? { 'x-amzn-errortype': errorType } : {}),
    },
    body,
  };
}

function error(type: string, message: string): WireResponse {
  return reply(400, { __type: `com.amazonaws.cloudtrail.v20131101#${type}`, Message: message }, type);
}

/**
 * Answers a request of CloudTrail's JSON protocol (`X-Amz-Target: …CloudTrail_20131101.<Operation>`)
 * from the vault's log: LookupEvents; any other CloudTrail operation is UnknownOperationException.
 */
export function answerCloudTrailRequest(log: CloudTrailLog, now: Date, target: string, body: Uint8Array): WireResponse {
  const operation = target.slice(CLOUDTRAIL_TARGET_PREFIX.length);
  if (operation !== 'LookupEvents') return error('UnknownOperationException', `kms-vault-mock answers CloudTrail's LookupEvents only, not ${operation}.`);
  let request: unknown = {};
  if (body.length > 0) {
    try {
      request = JSON.parse(Buffer.from(body).toString('utf8')) as unknown;
    } catch {
      return error('SerializationException', 'The request body is not JSON.');
    }
  }
  const answer = lookupEvents(log.events(), request, now);
  return answer.ok ? reply(200, answer.body) : error(answer.type, answer.message);
}
