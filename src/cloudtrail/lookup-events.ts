import type { CallerIdentity, CloudTrailEvent } from './cloudtrail-event';

/**
 * CloudTrail's LookupEvents over a vault's log (AWS CloudTrail API Reference, LookupEvents): the
 * request and response shapes of the AWS JSON 1.1 protocol, so that `aws cloudtrail lookup-events
 * --endpoint-url` and the SDKs' CloudTrailClient read the vault's events.
 */

/** One event as LookupEvents returns it. */
export interface LookupEvent {
  readonly EventId: string;
  readonly EventName: string;
  /** `"true"` or `"false"`: a string in LookupEvents. */
  readonly ReadOnly: string;
  readonly AccessKeyId?: string;
  /** Seconds since the epoch (the JSON protocol's timestamps). */
  readonly EventTime: number;
  readonly EventSource: string;
  readonly Username?: string;
  readonly Resources: readonly { readonly ResourceType: string; readonly ResourceName: string }[];
  /** The whole record, as JSON text. */
  readonly CloudTrailEvent: string;
}

/** A LookupEvents answer: the response, or CloudTrail's error. */
export type LookupAnswer =
  | { readonly ok: true; readonly body: { readonly Events: LookupEvent[]; readonly NextToken?: string } }
  | { readonly ok: false; readonly type: string; readonly message: string };

const ATTRIBUTE_KEYS = ['EventId', 'EventName', 'ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'EventSource', 'AccessKeyId'] as const;
type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];
const NINETY_DAYS_MS = 90 * 86_400_000;
const TOKEN = 'kvm1.';

function fail(type: string, message: string): LookupAnswer {
  return { ok: false, type, message };
}

/** The user name LookupEvents reports: an IAM user's name, a role session's name, `root` for a root user. */
function username(event: CloudTrailEvent): string | undefined {
  const who = event.userIdentity as Partial<CallerIdentity>;
  if (who.type === 'Root') return 'root';
  if (who.type === 'IAMUser') return who.userName;
  if (who.type === 'AssumedRole' && who.arn !== undefined) return who.arn.slice(who.arn.lastIndexOf('/') + 1);
  return undefined;
}

/** One record as LookupEvents returns it. */
export function lookupEvent(event: CloudTrailEvent): LookupEvent {
  const accessKeyId = (event.userIdentity as Partial<CallerIdentity>).accessKeyId;
  const user = username(event);
  return {
    EventId: event.eventID,
    EventName: event.eventName,
    ReadOnly: String(event.readOnly),
    ...(accessKeyId !== undefined ? { AccessKeyId: accessKeyId } : {}),
    EventTime: Date.parse(event.eventTime) / 1000,
    EventSource: event.eventSource,
    ...(user !== undefined ? { Username: user } : {}),
    Resources: (event.resources ?? []).map((r) => ({ ResourceType: r.type, ResourceName: r.ARN })),
    CloudTrailEvent: JSON.stringify(event),
  };
}

function attributeValue(event: LookupEvent, key: AttributeKey): readonly string[] {
  switch (key) {
    case 'ResourceType':
      return event.Resources.map((r) => r.ResourceType);
    case 'ResourceName':
      return event.Resources.map((r) => r.ResourceName);
    default: {
      const value = event[key];
      return value === undefined ? [] : [value];
    }
  }
}

/** A timestamp of the JSON protocol: seconds since the epoch (a number), or ISO text as some clients send. */
function timestamp(value: unknown): number | undefined | 'invalid' {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return Date.parse(value);
  return 'invalid';
}

/**
 * Answers a LookupEvents request over `records` (oldest first) at vault time `now`: at most one lookup
 * attribute, a time range (default: the last 90 days), MaxResults 1 to 50 (default 50), newest first,
 * NextToken to page on.
 */
export function lookupEvents(records: readonly CloudTrailEvent[], request: unknown, now: Date): LookupAnswer {
  const req = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  const attributes = req.LookupAttributes;
  let filter: { key: AttributeKey; value: string } | undefined;
  if (attributes !== undefined) {
    if (!Array.isArray(attributes)) return fail('InvalidLookupAttributesException', 'LookupAttributes must be a list.');
    if (attributes.length > 1) return fail('InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.');
    const [first] = attributes as unknown[];
    if (first !== undefined) {
      const { AttributeKey: key, AttributeValue: value } = (first ?? {}) as { AttributeKey?: unknown; AttributeValue?: unknown };
      if (typeof key !== 'string' || !(ATTRIBUTE_KEYS as readonly string[]).includes(key))
        return fail('InvalidLookupAttributesException', `Invalid attribute key: ${String(key)}.`);
      if (typeof value !== 'string' || value.length === 0 || value.length > 2000)
        return fail('InvalidLookupAttributesException', 'The attribute value must be 1 to 2000 characters.');
      filter = { key: key as AttributeKey, value };
    }
  }
  if (req.EventCategory !== undefined && req.EventCategory !== 'insight')
    return fail('InvalidEventCategoryException', 'The only valid event category is insight.');
  const start = timestamp(req.StartTime);
  const end = timestamp(req.EndTime);
  if (start === 'invalid' || end === 'invalid') return fail('ValidationException', 'StartTime and EndTime must be timestamps.');
  const to = end ?? now.getTime();
  const from = start ?? now.getTime() - NINETY_DAYS_MS;
  if (from > to) return fail('InvalidTimeRangeException', 'The start time must be earlier than the end time.');
  const max = req.MaxResults ?? 50;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 50) return fail('InvalidMaxResultsException', 'MaxResults must be from 1 to 50.');
  // A NextToken names the first event of the next page, so events logged between pages shift nothing.
  let after: string | undefined;
  if (req.NextToken !== undefined) {
    if (typeof req.NextToken !== 'string' || !req.NextToken.startsWith(TOKEN)) return fail('InvalidNextTokenException', 'Invalid NextToken.');
    after = req.NextToken.slice(TOKEN.length);
  }
  // CloudTrail has no insight events for KMS calls: an insight lookup finds nothing.
  const matching: LookupEvent[] = [];
  if (req.EventCategory !== 'insight') {
    for (let i = records.length - 1; i >= 0; i--) {
      const record = records[i] as CloudTrailEvent;
      const t = Date.parse(record.eventTime);
      if (t < Math.floor(from / 1000) * 1000 || t > to) continue;
      const event = lookupEvent(record);
      if (filter && !attributeValue(event, filter.key).includes(filter.value)) continue;
      matching.push(event);
    }
  }
  const offset = after === undefined ? 0 : matching.findIndex((e) => e.EventId === after);
  if (offset < 0) return fail('InvalidNextTokenException', 'Invalid NextToken.');
  const page = matching.slice(offset, offset + max);
  const next = matching[offset + max];
  return { ok: true, body: { Events: page, ...(next ? { NextToken: TOKEN + next.EventId } : {}) } };
}
