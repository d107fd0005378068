import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { hmac } from '../crypto/hmac';
import { macRequest } from './mac-request';
import { blob, bytesOf } from './shared';

/**
 * The HMAC (RFC 2104) of a message under an HMAC key, with the one MAC algorithm its key spec supports.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateMac.html
 */
export function generateMac(context: OperationContext, input: HandlerInput<'GenerateMac'>): HandlerOutput<'GenerateMac'> {
  const { key, algorithm, hash } = macRequest(context, input);
  const mac = hmac(hash, key.currentMaterial.secret, bytesOf(input.Message));
  return { Mac: blob(mac), MacAlgorithm: algorithm, KeyId: key.arn };
}
