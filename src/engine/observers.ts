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
 *
 * The list is copied on write: adding or removing replaces it, and a notification walks the list as it
 * was when the call was answered, so an observer that removes itself (or another, or adds one) while
 * being told never makes the next one miss the call. An observer that throws changes neither the
 * caller's answer nor what the others are told: its error is reported as a process warning (once per
 * observer name) and the others are told as usual.
 */
export class CallObservers implements Iterable<NamedObserver> {
  private list: readonly NamedObserver[] = [];
  private readonly warned = new Set<string>();

  /** Adds `observe` under `name` (a name can be taken once); returns what removes it. */
  add(name: string, observe: CallObserver): () => void {
    if (this.has(name)) throw new KmsVaultMockError(`The vault already has an observer named '${name}'.`);
    const entry: NamedObserver = { name, observe };
    this.list = [...this.list, entry];
    return () => {
      if (this.list.includes(entry)) this.list = this.list.filter((o) => o !== entry);
    };
  }

  /** Removes the observer named `name`; false when there is none. */
  remove(name: string): boolean {
    if (!this.has(name)) return false;
    this.list = this.list.filter((o) => o.name !== name);
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

  /** Tells every observer of `event`, in order; never throws. */
  notify(event: CallEvent): void {
    // The list as it is now: adding or removing during the walk replaces `this.list`, not this array.
    const list = this.list;
    for (let i = 0; i < list.length; i++) {
      const observer = list[i]!;
      try {
        observer.observe(event);
      } catch (error) {
        this.report(observer.name, error);
      }
    }
  }

  private report(name: string, error: unknown): void {
    if (this.warned.has(name)) return;
    this.warned.add(name);
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.emitWarning(
      `kms-vault-mock: the vault observer '${name}' threw (${reason}); the call's answer is unchanged and the other observers were told. Further errors of this observer are not reported.`,
      {
        code: 'KMS_VAULT_MOCK_OBSERVER',
      },
    );
  }
}
