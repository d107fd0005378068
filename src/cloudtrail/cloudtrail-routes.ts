/**
 * Which requests are CloudTrail's, without loading CloudTrail: the server routes by these and loads the
 * CloudTrail server on the first such request.
 */

/** The `X-Amz-Target` prefix of CloudTrail's AWS JSON 1.1 API (AWS CloudTrail API Reference). */
export const CLOUDTRAIL_TARGET_PREFIX = 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.';

const PATH_PREFIX = '/_kms-vault-mock/cloudtrail/';

/** The server's CloudTrail endpoints, under the control prefix. */
export const CLOUDTRAIL_PATHS = {
  /** GET: every record the vault keeps, oldest first, as a log file holds them: `{"Records": [...]}`. */
  events: `${PATH_PREFIX}events`,
  /** POST a LookupEvents request body (or GET, for all): the LookupEvents response. */
  lookupEvents: `${PATH_PREFIX}lookup-events`,
} as const;

/** A request for CloudTrail: its own protocol (`X-Amz-Target`), or a path under the control prefix. */
export function isCloudTrailRequest(target: string | undefined, path: string): boolean {
  return target?.startsWith(CLOUDTRAIL_TARGET_PREFIX) === true || path.startsWith(PATH_PREFIX);
}
