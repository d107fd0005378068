import type { MacAlgorithmSpec } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { KeyRecord } from '../vault/key-record';
import type { HashName } from '../crypto/params';
import type { HandlerInput } from './handler-types';
import { keyForOperation } from './key-for-operation';
import { requireMacAlgorithm } from './algorithm-rules';
import { endDryRun, requireKeyUsage } from './shared';

/** A GenerateMac or VerifyMac request, checked: its HMAC key, MAC algorithm and that algorithm's hash. */
export interface MacRequest {
  readonly key: KeyRecord;
  readonly algorithm: MacAlgorithmSpec;
  readonly hash: HashName;
}

/**
 * What GenerateMac and VerifyMac check alike, in KMS's order: the key (by id, ARN or alias), the
 * caller's permission, the key state (the running operation's, from the context: {@link keyForOperation}),
 * GENERATE_VERIFY_MAC usage, the one MAC algorithm of the key spec; then the DryRun stop.
 */
export function macRequest(context: OperationContext, input: HandlerInput<'GenerateMac'> | HandlerInput<'VerifyMac'>): MacRequest {
  const key = keyForOperation(context, input.KeyId, input, { aliases: true });
  requireKeyUsage(key, 'GENERATE_VERIFY_MAC', context.operation);
  const algorithm = input.MacAlgorithm;
  const hash = requireMacAlgorithm(key, algorithm);
  endDryRun(input);
  return { key, algorithm, hash };
}
