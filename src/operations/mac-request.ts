import type { GenerateMacRequest, MacAlgorithmSpec, VerifyMacRequest } from '@aws-sdk/client-kms';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import type { OperationContext } from '../context/operation-context';
import type { KeyRecord } from '../vault/key-record';
import type { HashName } from '../crypto/params';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from './resolve-key';
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
 * caller's permission, the key state, GENERATE_VERIFY_MAC usage, the one MAC algorithm of the key
 * spec; then the DryRun stop.
 */
export function macRequest(context: OperationContext, operation: 'GenerateMac' | 'VerifyMac', input: GenerateMacRequest | VerifyMacRequest): MacRequest {
  const key = resolveKey(context, input.KeyId as string, { aliases: true });
  authorize(context, permissionOf(operation), key, input);
  requireKeyState(operation, key);
  requireKeyUsage(key, 'GENERATE_VERIFY_MAC', operation);
  const algorithm = input.MacAlgorithm as MacAlgorithmSpec;
  const hash = requireMacAlgorithm(key, algorithm);
  endDryRun(input);
  return { key, algorithm, hash };
}
