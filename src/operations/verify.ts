import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { verifySignature } from '../crypto/asymmetric-signature';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { bytesOf } from './shared';
import { signingRequest } from './signing-request';

/**
 * Verifies a signature made by Sign (or by anyone holding the private key) with the public key of a
 * SIGN_VERIFY key pair: `SignatureValid: true`, or KMSInvalidSignatureException for a signature that
 * does not verify, with the same MessageType rules as Sign.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Verify.html
 */
export function verify(context: OperationContext, input: HandlerInput<'Verify'>): HandlerOutput<'Verify'> {
  const { key, pair, algorithm, rule, message, messageType } = signingRequest(context, input);
  if (!verifySignature(pair, rule, message, messageType, bytesOf(input.Signature))) {
    throw kmsError('KMSInvalidSignatureException', messages.invalidSignature());
  }
  return { KeyId: key.arn, SignatureValid: true, SigningAlgorithm: algorithm };
}
