import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { usageAlgorithms } from '../vault/key-metadata';
import { keyPairOf } from '../vault/key-pair-of';
import { keyForOperation } from './key-for-operation';
import { isKeyPair } from './algorithm-rules';
import { blob } from './shared';

/**
 * The public key of an asymmetric key pair as a DER SubjectPublicKeyInfo (RFC 5280), with the key's
 * spec, usage and algorithms, so it can be used outside KMS. Symmetric and HMAC keys have none:
 * UnsupportedOperationException.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetPublicKey.html
 */
export function getPublicKey(context: OperationContext, input: HandlerInput<'GetPublicKey'>): HandlerOutput<'GetPublicKey'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: true });
  if (!isKeyPair(key)) throw kmsError('UnsupportedOperationException', messages.keySpecNotValid(key.arn, key.keySpec, 'GetPublicKey'));
  return {
    KeyId: key.arn,
    PublicKey: blob(keyPairOf(key).spki),
    CustomerMasterKeySpec: key.keySpec as KeyMetadata['CustomerMasterKeySpec'],
    KeySpec: key.keySpec,
    KeyUsage: key.keyUsage,
    ...usageAlgorithms(key),
  };
}
