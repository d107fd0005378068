import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { signMessage } from '../crypto/asymmetric-signature';
import { blob } from './shared';
import { signingRequest } from './signing-request';

/**
 * Signs a message (RAW), a message digest (DIGEST) or ML-DSA's μ (EXTERNAL_MU) with the private key of
 * a SIGN_VERIFY key pair. RSASSA-PSS uses a salt as long as the digest; ECDSA signatures are DER.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html
 */
export function sign(context: OperationContext, input: HandlerInput<'Sign'>): HandlerOutput<'Sign'> {
  const { key, pair, algorithm, rule, message, messageType } = signingRequest(context, input);
  return {
    KeyId: key.arn,
    Signature: blob(signMessage(pair, rule, message, messageType, (length) => context.random.bytes(length))),
    SigningAlgorithm: algorithm,
  };
}
