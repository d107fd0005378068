/**
 * CloudTrail records as KMS writes them (KMS Developer Guide, "Logging AWS KMS API calls with AWS
 * CloudTrail" and its per-operation examples; AWS CloudTrail User Guide, "CloudTrail record contents").
 * Evidence, field by field: docs/research/cloudtrail.md.
 */

/** The record format version the current KMS examples show (Developer Guide, Decrypt example). */
export const EVENT_VERSION = '1.11';

/** `userIdentity` of a call: who made it, as IAM identified the caller. */
export interface CallerIdentity {
  /** `Root` (an account's root user), `IAMUser`, or `AssumedRole` (a role session). */
  readonly type: 'Root' | 'IAMUser' | 'AssumedRole';
  /** The account id for a root, the user's `AIDA…` id, or `AROA…:session` for a role session. */
  readonly principalId: string;
  readonly arn: string;
  readonly accountId: string;
  /** The access key id the request was signed with, when known. */
  readonly accessKeyId?: string;
  /** IAM users only. */
  readonly userName?: string;
  /** Role sessions only: the role the session was issued by. */
  readonly sessionContext?: {
    readonly sessionIssuer: {
      readonly type: 'Role';
      readonly principalId: string;
      readonly arn: string;
      readonly accountId: string;
      readonly userName: string;
    };
    readonly attributes: { readonly creationDate: string; readonly mfaAuthenticated: 'false' };
  };
  /** The AWS service a request was made through (`kms:ViaService`), as `secretsmanager.amazonaws.com`. */
  readonly invokedBy?: string;
}

/** `userIdentity` in the key owner's copy of a cross-account call: the calling account, as CloudTrail names it there. */
export interface AccountIdentity {
  readonly type: 'AWSAccount';
  readonly principalId: string;
  readonly accountId: string;
  readonly invokedBy?: string;
}

/** `userIdentity` of KMS's own events (RotateKey, DeleteKey, DeleteExpiredKeyMaterial): no caller. */
export interface ServiceIdentity {
  readonly accountId: string;
  readonly invokedBy: 'AWS Internal';
}

/** One entry of `resources`. */
export interface CloudTrailResource {
  readonly accountId: string;
  readonly type: 'AWS::KMS::Key';
  readonly ARN: string;
}

/** A JSON value as it appears in requestParameters, responseElements and additionalEventData. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { readonly [key: string]: JsonValue };

/** One CloudTrail record of a KMS event, with its fields in the order CloudTrail writes them. */
export interface CloudTrailEvent {
  readonly eventVersion: string;
  readonly userIdentity: CallerIdentity | AccountIdentity | ServiceIdentity;
  /** UTC, to the second: `2024-01-01T00:00:00Z` (vault time). */
  readonly eventTime: string;
  readonly eventSource: 'kms.amazonaws.com';
  readonly eventName: string;
  readonly awsRegion: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  /** Failed calls: the exception's name, `AccessDenied` for AccessDeniedException. */
  readonly errorCode?: string;
  readonly errorMessage?: string;
  /** The request, as KMS logs it: camelCase member names, no plaintext, ciphertext or secret. */
  readonly requestParameters: JsonObject | null;
  /** Null for reads and cryptographic operations (KMS logs no response for them). */
  readonly responseElements: JsonObject | null;
  readonly additionalEventData?: JsonObject;
  /** The KMS request id (the `x-amzn-RequestId` the caller got); absent on KMS's own events. */
  readonly requestID?: string;
  readonly eventID: string;
  readonly readOnly: boolean;
  /** The KMS keys (and aliases) the call acted on. Absent for custom key store operations. */
  readonly resources?: readonly CloudTrailResource[];
  readonly eventType: 'AwsApiCall' | 'AwsServiceEvent';
  readonly managementEvent: true;
  /** The account whose log holds this copy: the caller's; the key owner's copy of a cross-account call names the owner. */
  readonly recipientAccountId: string;
  /** Cross-account calls: the id the caller's copy and the key owner's copy share. */
  readonly sharedEventID?: string;
  readonly eventCategory: 'Management';
  /** KMS's own events: the key the event is about. */
  readonly serviceEventDetails?: { readonly keyId: string };
}
