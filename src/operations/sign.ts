import type { SignRequest, SignResponse, SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import type { OperationContext } from '../engine/context';
import { authorize } from '../auth/authorize';
import { signMessage } from '../crypto/asymmetric-signature';
import { keyPairOf } from '../vault/key-pair-of';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from '../vault/resolve-key';
import { requireMessage, requireSigningAlgorithm } from './algorithm-rules';
import { blob, bytesOf, endDryRun, requireKeyUsage } from './shared';

/**
 * Signs a message (RAW), a message digest (DIGEST) or ML-DSA's μ (EXTERNAL_MU) with the private key of
 * a SIGN_VERIFY key pair. RSASSA-PSS uses a salt as long as the digest; ECDSA signatures are DER.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html
 */
export function sign(context: OperationContext, input: SignRequest): SignResponse {
  const key = resolveKey(context, input.KeyId as string, { aliases: true });
  authorize(context, 'kms:Sign', key);
  requireKeyState('Sign', key);
  requireKeyUsage(key, 'SIGN_VERIFY', 'Sign');
  const algorithm = input.SigningAlgorithm as SigningAlgorithmSpec;
  const rule = requireSigningAlgorithm(key, algorithm);
  const message = bytesOf(input.Message as Uint8Array);
  const messageType = input.MessageType ?? 'RAW';
  requireMessage(rule, algorithm, messageType, message);
  endDryRun(input);
  const signature = signMessage(keyPairOf(key), rule, message, messageType);
  return { KeyId: key.arn, Signature: blob(signature), SigningAlgorithm: algorithm };
}
