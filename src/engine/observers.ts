import type { KMSServiceException } from '@aws-sdk/client-kms';
import type { OperationName } from '../contract/generated';
import type { Caller, RequestFacts } from '../context/operation-context';
import { KmsVaultMockError } from '../errors/library-error';
import type { Output } from './execute';

/** Where a request came from, beyond what policies test: what an audit log (CloudTrail) records. */
export interface RequestSource {
  /** The address the request came from (requests over the wire). */
  readonly sourceIp?: string;
  /** The request's `User-Agent` header (requests over the wire). */
  readonly userAgent?: string;
  /** The access key id the request was signed with (requests over the wire that carry a signature). */
  readonly accessKeyId?: string;
}

/** One answered call, as the engine hands it to its observers. */
export interface CallEvent {
  readonly operation: OperationName;
  readonly input: unknown;
  readonly region: string;
  readonly caller: Caller;
  readonly time: Date;
  readonly requestId: string;
  /** The facts policies can test (`kms:ViaService`, `aws:SourceIp`, `aws:SecureTransport`). */
  readonly request: RequestFacts;
  /** Where the request came from (source address, user agent, access key id), as far as the entry point knows. */
  readonly source: RequestSource;
  /** The output, when the call succeeded. */
  readonly output?: Output;
  /** The KMS error, when it failed. */
  readonly error?: KMSServiceException;
}

/**
 * Something that watches every call the engine answers for callers (the call history, last usage,
 * persistence). Internal uses (matchers, scenario loading) are not shown to observers.
 */
export type CallObserver = (event: CallEvent) => void;

/** An observer with the name it was added under. */
export interface NamedObserver {
  readonly name: string;
  readonly observe: CallObserver;
}

/**
 * A vault's observers, by name, told of every answered call in the order they were added. Adding one
 * is one line: `vault.observers.add('cloudtrail', (event) => trail.push(event))`; the function it
 * returns (or `remove(name)`) takes it away again.
 */
export class CallObservers implements Iterable<NamedObserver> {
  private readonly list: NamedObserver[] = [];

  /** Adds `observe` under `name` (a name can be taken once); returns what removes it. */
  add(name: string, observe: CallObserver): () => void {
    if (this.has(name)) throw new KmsVaultMockError(`The vault already has an observer named '${name}'.`);
    const entry: NamedObserver = { name, observe };
    this.list.push(entry);
    return () => {
      const i = this.list.indexOf(entry);
      if (i >= 0) this.list.splice(i, 1);
    };
  }

  /** Removes the observer named `name`; false when there is none. */
  remove(name: string): boolean {
    const i = this.list.findIndex((o) => o.name === name);
    if (i < 0) return false;
    this.list.splice(i, 1);
    return true;
  }

  has(name: string): boolean {
    return this.list.some((o) => o.name === name);
  }

  /** The observers' names, in the order they are told. */
  get names(): string[] {
    return this.list.map((o) => o.name);
  }

  get size(): number {
    return this.list.length;
  }

  [Symbol.iterator](): Iterator<NamedObserver> {
    return this.list[Symbol.iterator]();
  }

  /** Tells every observer of `event`, in order. */
  notify(event: CallEvent): void {
    const list = this.list;
    for (let i = 0; i < list.length; i++) list[i]!.observe(event);
  }
}
