import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { ecdhSharedSecret } from '../crypto/ecdh';
import { curveOf } from '../crypto/key-pair';
import { kmsError } from '../errors/kms-error';
import { answerRecipient, recipientOf, withRecipientFacts } from '../nitro/recipient';
import { messages } from '../errors/messages';
import { keyPairOf } from '../vault/key-pair-of';
import { keyForOperation } from './key-for-operation';
import { blob, bytesOf, endDryRun, requireKeyUsage } from './shared';

/**
 * ECDH between the private key of a KEY_AGREEMENT key pair and a peer's public key (DER
 * SubjectPublicKeyInfo on the same curve): the raw shared secret, which the peer computes as well.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeriveSharedSecret.html
 */
export function deriveSharedSecret(context: OperationContext, input: HandlerInput<'DeriveSharedSecret'>): HandlerOutput<'DeriveSharedSecret'> {
  // A Nitro enclave's request: the shared secret goes to the enclave's public key (CiphertextForRecipient).
  const recipient = recipientOf(context, input.Recipient);
  if (recipient)
    return answerRecipient(context, recipient, deriveSharedSecret(withRecipientFacts(context, recipient), { ...input, Recipient: undefined }), 'SharedSecret');
  const key = keyForOperation(context, input.KeyId, input, { aliases: true });
  requireKeyUsage(key, 'KEY_AGREEMENT', 'DeriveSharedSecret');
  const pair = keyPairOf(key);
  const curve = curveOf(pair);
  const secret = curve && pair.kind === 'node' && pair.ec ? ecdhSharedSecret(curve, pair.ec.scalar, bytesOf(input.PublicKey)) : undefined;
  if (!secret) throw kmsError('ValidationException', messages.invalidPeerPublicKey());
  endDryRun(input);
  return { KeyId: key.arn, SharedSecret: blob(secret), KeyAgreementAlgorithm: 'ECDH', KeyOrigin: key.origin };
}
