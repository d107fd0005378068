import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { isKemKeyPair, mlKemDecapsulate } from '../crypto/ml-kem';
import { kmsError } from '../errors/kms-error';
import { KmsVaultMockError } from '../errors/library-error';
import { messages } from '../errors/messages';
import { keyPairOf } from '../vault/key-pair-of';
import { keyForOperation } from './key-for-operation';
import { blob, bytesOf, endDryRun, requireKeyUsage } from './shared';

/**
 * Recovers the shared secret of an Encapsulate ciphertext with the private key of an ML-KEM key pair.
 * A ciphertext whose length does not fit the key spec is InvalidCiphertextException; any other
 * ciphertext yields a secret (ML-KEM's implicit rejection gives a pseudo-random one for a forged blob).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Decapsulate.html
 */
export function decapsulate(context: OperationContext, input: HandlerInput<'Decapsulate'>): HandlerOutput<'Decapsulate'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: true });
  requireKeyUsage(key, 'ENCAPSULATE_DECAPSULATE', 'Decapsulate');
  const pair = keyPairOf(key);
  if (!isKemKeyPair(pair)) throw new KmsVaultMockError(`${key.arn} has no ML-KEM key pair; this is a bug in kms-vault-mock.`);
  const secret = mlKemDecapsulate(pair, bytesOf(input.SharedSecretCiphertextBlob));
  if (!secret) throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  endDryRun(input);
  return { KeyId: key.arn, SharedSecret: blob(secret), EncapsulationAlgorithm: 'ML_KEM' };
}
