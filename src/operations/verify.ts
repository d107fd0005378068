import type { SigningAlgorithmSpec, VerifyRequest, VerifyResponse } from '@aws-sdk/client-kms';
import type { OperationContext } from '../engine/context';
import { authorize } from '../auth/authorize';
import { verifySignature } from '../crypto/asymmetric-signature';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { keyPairOf } from '../vault/key-pair-of';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from '../vault/resolve-key';
import { requireMessage, requireSigningAlgorithm } from './algorithm-rules';
import { bytesOf, endDryRun, requireKeyUsage } from './shared';

/**
 * Verifies a signature made by Sign (or by anyone holding the private key) with the public key of a
 * SIGN_VERIFY key pair: `SignatureValid: true`, or KMSInvalidSignatureException for a signature that
 * does not verify, with the same MessageType rules as Sign.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Verify.html
 */
export function verify(context: OperationContext, input: VerifyRequest): VerifyResponse {
  const key = resolveKey(context, input.KeyId as string, { aliases: true });
  authorize(context, 'kms:Verify', key);
  requireKeyState('Verify', key);
  requireKeyUsage(key, 'SIGN_VERIFY', 'Verify');
  const algorithm = input.SigningAlgorithm as SigningAlgorithmSpec;
  const rule = requireSigningAlgorithm(key, algorithm);
  const message = bytesOf(input.Message as Uint8Array);
  const messageType = input.MessageType ?? 'RAW';
  requireMessage(rule, algorithm, messageType, message);
  endDryRun(input);
  if (!verifySignature(keyPairOf(key), rule, message, messageType, bytesOf(input.Signature as Uint8Array))) {
    throw kmsError('KMSInvalidSignatureException', messages.invalidSignature());
  }
  return { KeyId: key.arn, SignatureValid: true, SigningAlgorithm: algorithm };
}
