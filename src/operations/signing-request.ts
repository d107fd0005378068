import type { MessageType, SignRequest, SigningAlgorithmSpec, VerifyRequest } from '@aws-sdk/client-kms';
import { authorize } from '../auth/authorize';
import { permissionOf } from '../auth/permissions';
import type { OperationContext } from '../context/operation-context';
import type { KeyRecord } from '../vault/key-record';
import type { KeyPair } from '../crypto/key-pair';
import { keyPairOf } from '../vault/key-pair-of';
import { requireKeyState } from '../vault/key-state-rules';
import type { SigningAlgorithmRule } from '../crypto/params';
import { resolveKey } from './resolve-key';
import { requireMessage, requireSigningAlgorithm } from './algorithm-rules';
import { bytesOf, endDryRun, requireKeyUsage } from './shared';

/** A Sign or Verify request, checked: its key, algorithm, message and message type. */
export interface SigningRequest {
  readonly key: KeyRecord;
  readonly pair: KeyPair;
  readonly algorithm: SigningAlgorithmSpec;
  readonly rule: SigningAlgorithmRule;
  readonly message: Buffer;
  readonly messageType: MessageType;
}

/**
 * What Sign and Verify check alike, in KMS's order: the key (by id, ARN or alias), the caller's
 * permission, the key state, SIGN_VERIFY usage, an algorithm of the key spec, the message type and
 * digest length; then the DryRun stop.
 */
export function signingRequest(context: OperationContext, operation: 'Sign' | 'Verify', input: SignRequest | VerifyRequest): SigningRequest {
  const key = resolveKey(context, input.KeyId as string, { aliases: true });
  authorize(context, permissionOf(operation), key, input);
  requireKeyState(operation, key);
  requireKeyUsage(key, 'SIGN_VERIFY', operation);
  const algorithm = input.SigningAlgorithm as SigningAlgorithmSpec;
  const rule = requireSigningAlgorithm(key, algorithm);
  const message = bytesOf(input.Message as Uint8Array);
  const messageType = input.MessageType ?? 'RAW';
  requireMessage(rule, algorithm, messageType, message);
  endDryRun(input);
  return { key, pair: keyPairOf(key), algorithm, rule, message, messageType };
}
