import type { MacAlgorithmSpec, VerifyMacRequest, VerifyMacResponse } from '@aws-sdk/client-kms';
import type { OperationContext } from '../engine/context';
import { authorize } from '../auth/authorize';
import { hmacMatches } from '../crypto/hmac';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from '../vault/resolve-key';
import { requireMacAlgorithm } from './algorithm-rules';
import { bytesOf, endDryRun, requireKeyUsage } from './shared';

/**
 * Recomputes the HMAC of a message and compares it with the one given: `MacValid: true`, or
 * KMSInvalidMacException when they differ.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_VerifyMac.html
 */
export function verifyMac(context: OperationContext, input: VerifyMacRequest): VerifyMacResponse {
  const key = resolveKey(context, input.KeyId as string, { aliases: true });
  authorize(context, 'kms:VerifyMac', key);
  requireKeyState('VerifyMac', key);
  requireKeyUsage(key, 'GENERATE_VERIFY_MAC', 'VerifyMac');
  const algorithm = input.MacAlgorithm as MacAlgorithmSpec;
  const hash = requireMacAlgorithm(key, algorithm);
  endDryRun(input);
  if (!hmacMatches(hash, key.currentMaterial.secret, bytesOf(input.Message as Uint8Array), bytesOf(input.Mac as Uint8Array))) {
    throw kmsError('KMSInvalidMacException', messages.invalidMac());
  }
  return { KeyId: key.arn, MacValid: true, MacAlgorithm: algorithm };
}
