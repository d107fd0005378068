import { randomUUID } from 'node:crypto';
import type { WireResponse } from '../protocol/wire-message';
import type { CloudTrailLog } from './cloudtrail-log';
import { answerCloudTrailRequest } from './cloudtrail-wire';
import { CLOUDTRAIL_PATHS, CLOUDTRAIL_TARGET_PREFIX } from './cloudtrail-routes';
import { CloudTrailLogFiles } from './log-files';

export { CLOUDTRAIL_PATHS };

/** What the server needs of a vault for CloudTrail. */
export interface CloudTrailVault {
  readonly cloudTrail: CloudTrailLog;
  readonly clock: { now(): Date };
}

/** A server's CloudTrail: its endpoints and, with a directory, its log files. */
export interface ServedCloudTrail {
  /** The answer to a CloudTrail request (the JSON protocol's LookupEvents, or a CloudTrail path), or undefined for any other request. */
  answer(method: string, path: string, target: string | undefined, body: Uint8Array): WireResponse | undefined;
  /** Writes pending log files and stops writing. */
  close(): void;
}

function json(status: number, value: unknown): WireResponse {
  const body = JSON.stringify(value);
  return { status, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'x-amzn-requestid': randomUUID() }, body };
}

/**
 * CloudTrail for a server: LookupEvents in CloudTrail's own protocol (so `aws cloudtrail lookup-events
 * --endpoint-url` works) and at {@link CLOUDTRAIL_PATHS}, and, with `dir`, log files written there as
 * CloudTrail delivers them, within a second of each call.
 */
export function serveCloudTrail(vault: CloudTrailVault, dir?: string): ServedCloudTrail {
  const files = dir === undefined ? undefined : new CloudTrailLogFiles(dir, () => vault.clock.now());
  const unsubscribe = files ? vault.cloudTrail.subscribe((event) => files.add(event)) : undefined;
  return {
    answer(method, path, target, body) {
      if (target?.startsWith(CLOUDTRAIL_TARGET_PREFIX) && method === 'POST') return answerCloudTrailRequest(vault.cloudTrail, vault.clock.now(), target, body);
      if (path === CLOUDTRAIL_PATHS.events && method === 'GET') return json(200, { Records: vault.cloudTrail.events() });
      if (path === CLOUDTRAIL_PATHS.lookupEvents && (method === 'GET' || method === 'POST')) {
        return answerCloudTrailRequest(
          vault.cloudTrail,
          vault.clock.now(),
          `${CLOUDTRAIL_TARGET_PREFIX}LookupEvents`,
          method === 'POST' ? body : new Uint8Array(),
        );
      }
      return undefined;
    },
    close() {
      unsubscribe?.();
      files?.close();
    },
  };
}
