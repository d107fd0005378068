import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
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
export function verifyMac(context: OperationContext, input: HandlerInput<'VerifyMac'>): HandlerOutput<'VerifyMac'> {
  const { key, algorithm, hash } = macRequest(context, input);
  if (!hmacMatches(hash, key.currentMaterial.secret, bytesOf(input.Message), bytesOf(input.Mac))) {
    throw kmsError('KMSInvalidMacException', messages.invalidMac());
  }
  return { KeyId: key.arn, MacValid: true, MacAlgorithm: algorithm };
}
