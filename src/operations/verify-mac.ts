import type { VerifyMacRequest, VerifyMacResponse } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { hmacMatches } from '../crypto/hmac';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { macRequest } from './mac-request';
import { bytesOf } from './shared';

/**
 * Recomputes the HMAC of a message and compares it with the one given: `MacValid: true`, or
 * KMSInvalidMacException when they differ.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_VerifyMac.html
 */
export function verifyMac(context: OperationContext, input: VerifyMacRequest): VerifyMacResponse {
  const { key, algorithm, hash } = macRequest(context, 'VerifyMac', input);
  if (!hmacMatches(hash, key.currentMaterial.secret, bytesOf(input.Message as Uint8Array), bytesOf(input.Mac as Uint8Array))) {
    throw kmsError('KMSInvalidMacException', messages.invalidMac());
  }
  return { KeyId: key.arn, MacValid: true, MacAlgorithm: algorithm };
}
