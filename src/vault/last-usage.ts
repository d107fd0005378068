import { KEY_USAGE_TRACKING_OPERATIONS, type OperationName } from '../contract/generated';
import type { VaultState } from './vault-state';

/** The operations GetKeyLastUsage tracks: the model's KeyLastUsageTrackingOperation, generated into the contract. */
const TRACKED: ReadonlySet<OperationName> = new Set(KEY_USAGE_TRACKING_OPERATIONS);

/**
 * Records a successful cryptographic operation on the keys its output names (`KeyId`, and for
 * ReEncrypt also `SourceKeyId`): each key of a multi-Region set tracks its own usage.
 */
export function recordKeyUsage(state: VaultState, operation: OperationName, output: Record<string, unknown>, time: Date, requestId: string): void {
  if (!TRACKED.has(operation)) return;
  for (const member of ['KeyId', 'SourceKeyId'] as const) {
    const arn = output[member];
    if (typeof arn !== 'string') continue;
    const key = state.keyByArn(arn);
    if (key) key.lastUsage = { operation, time, requestId };
  }
}
