import type { MessageType, SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { KeyRecord } from '../vault/key-record';
import type { KeyPair } from '../crypto/key-pair';
import { keyPairOf } from '../vault/key-pair-of';
import type { SigningAlgorithmRule } from '../crypto/params';
import type { HandlerInput } from './handler-types';
import { keyForOperation } from './key-for-operation';
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
 * permission, the key state (the running operation's, from the context: {@link keyForOperation}), SIGN_VERIFY usage, an algorithm of the key spec, the message type and
 * digest length; then the DryRun stop.
 */
export function signingRequest(context: OperationContext, input: HandlerInput<'Sign'> | HandlerInput<'Verify'>): SigningRequest {
  const key = keyForOperation(context, input.KeyId, input, { aliases: true });
  requireKeyUsage(key, 'SIGN_VERIFY', context.operation);
  const algorithm = input.SigningAlgorithm;
  const rule = requireSigningAlgorithm(key, algorithm);
  const message = bytesOf(input.Message);
  const messageType = input.MessageType ?? 'RAW';
  requireMessage(rule, algorithm, messageType, message);
  endDryRun(input);
  return { key, pair: keyPairOf(key), algorithm, rule, message, messageType };
}
