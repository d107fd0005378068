import type { OperationName } from '../contract/generated';

/** One call the vault answered: what was asked, what it answered, and when (vault time). */
export interface CallRecord {
  readonly operation: OperationName;
  readonly input: unknown;
  readonly region: string;
  readonly time: Date;
  readonly requestId: string;
  /** The output, when the call succeeded. */
  readonly output?: unknown;
  /** The KMS error, when it failed. */
  readonly error?: Error;
}
