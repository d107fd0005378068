import type { CallerIdentity, CloudTrailEvent } from './cloudtrail-event';

/** Which events {@link CloudTrailLog.events} returns; every given condition must hold. */
export interface CloudTrailFilter {
  /** The operation (or KMS's own event: RotateKey, DeleteKey, DeleteExpiredKeyMaterial), or any of several. */
  readonly eventName?: string | readonly string[];
  /** A key the event is about: key id, key ARN or alias ARN, matched against `resources`. */
  readonly keyId?: string;
  /** The caller: the ARN in userIdentity (a role session's ARN, or the ARN of its role), or an account id. */
  readonly principal?: string;
  /** The error the call failed with (`AccessDenied` for AccessDeniedException); `true`: any failure, `false`: successes only. */
  readonly errorCode?: string | boolean;
  /** `AwsApiCall` (calls) or `AwsServiceEvent` (what KMS did on its own). */
  readonly eventType?: CloudTrailEvent['eventType'];
  /** Events at or after this vault time. */
  readonly startTime?: Date;
  /** Events at or before this vault time. */
  readonly endTime?: Date;
}

/** Told of every event as it is logged. */
export type CloudTrailListener = (event: CloudTrailEvent) => void;

/**
 * A vault's CloudTrail log: one record per call and per thing KMS did on its own, oldest first, as
 * KMS writes them. Keeps the latest `limit` records (the vault option `cloudTrailLimit`), so a long
 * run or a server does not grow without bound; listeners (the server's log files) see every record.
 */
export class CloudTrailLog {
  /** Records, or what makes one when it is first read (making a record costs more than a call's capture). */
  private readonly records: (CloudTrailEvent | Deferred | typeof UNMADE)[] = [];
  private readonly listeners: CloudTrailListener[] = [];
  /** Index of the oldest record kept, once the log is full (records are overwritten in a ring). */
  private start = 0;

  constructor(
    /** How many records are kept; 0 keeps none (listeners are still told). */
    readonly limit: number,
  ) {}

  /** The records kept, oldest first, that match `filter`. */
  events(filter: CloudTrailFilter = {}): CloudTrailEvent[] {
    const records = this.records;
    for (let i = 0; i < records.length; i++) {
      const entry = records[i] as CloudTrailEvent | Deferred;
      if (entry instanceof Deferred) records[i] = entry.made();
    }
    const all = (this.start === 0 ? records.slice() : [...records.slice(this.start), ...records.slice(0, this.start)]) as (CloudTrailEvent | typeof UNMADE)[];
    const test = matcher(filter);
    return all.filter((e): e is CloudTrailEvent => e !== UNMADE && test(e));
  }

  /** Whether a record would be read by anyone: kept (limit > 0) or told to a listener. */
  get active(): boolean {
    return this.limit > 0 || this.listeners.length > 0;
  }

  /** How many records are kept. */
  get size(): number {
    return this.records.length;
  }

  /** Forgets the records kept (listeners stay). */
  clear(): void {
    this.records.length = 0;
    this.start = 0;
  }

  /** Tells `listener` of every record from now on; returns what stops it. */
  subscribe(listener: CloudTrailListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** @internal Logs one record, made by `make` when it is first read (at once when a listener takes it). */
  appendDeferred(make: () => CloudTrailEvent): void {
    if (this.listeners.length > 0) {
      const record = new Deferred(make).made();
      if (record !== UNMADE) this.append(record);
    } else if (this.limit > 0) this.keep(new Deferred(make));
  }

  /** @internal Logs one record. */
  append(event: CloudTrailEvent): void {
    if (this.limit > 0) this.keep(event);
    for (const listener of this.listeners) listener(event);
  }

  private keep(event: CloudTrailEvent | Deferred | typeof UNMADE): void {
    if (this.limit > 0) {
      if (this.records.length < this.limit) this.records.push(event);
      else {
        this.records[this.start] = event;
        this.start = (this.start + 1) % this.limit;
      }
    }
  }
}

/** What stands for a record that could not be made: left out of the log (logging never fails a call or a read). */
const UNMADE = Symbol('unmade');

/** A record not made yet. */
class Deferred {
  constructor(private readonly make: () => CloudTrailEvent) {}

  made(): CloudTrailEvent | typeof UNMADE {
    try {
      return this.make();
    } catch {
      return UNMADE;
    }
  }
}

/** Whether a record is about the key `keyId` names (id, key ARN, alias ARN). */
function aboutKey(event: CloudTrailEvent, keyId: string): boolean {
  return (event.resources ?? []).some((r) => r.ARN === keyId || r.ARN.endsWith(`:key/${keyId}`));
}

function byPrincipal(event: CloudTrailEvent, principal: string): boolean {
  const who = event.userIdentity as Partial<CallerIdentity>;
  return (
    who.arn === principal ||
    who.sessionContext?.sessionIssuer.arn === principal ||
    (who.accountId === principal && (who.type === 'Root' || who.type === undefined))
  );
}

/** The test a filter stands for. */
export function matcher(filter: CloudTrailFilter): (event: CloudTrailEvent) => boolean {
  const names = filter.eventName === undefined ? undefined : typeof filter.eventName === 'string' ? [filter.eventName] : filter.eventName;
  const from = filter.startTime?.getTime();
  const to = filter.endTime?.getTime();
  return (event) => {
    if (names && !names.includes(event.eventName)) return false;
    if (filter.eventType !== undefined && event.eventType !== filter.eventType) return false;
    if (filter.keyId !== undefined && !aboutKey(event, filter.keyId)) return false;
    if (filter.principal !== undefined && !byPrincipal(event, filter.principal)) return false;
    if (filter.errorCode === true && event.errorCode === undefined) return false;
    if (filter.errorCode === false && event.errorCode !== undefined) return false;
    if (typeof filter.errorCode === 'string' && event.errorCode !== filter.errorCode) return false;
    if (from !== undefined || to !== undefined) {
      const t = Date.parse(event.eventTime);
      if (from !== undefined && t < Math.floor(from / 1000) * 1000) return false;
      if (to !== undefined && t > to) return false;
    }
    return true;
  };
}
