import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { isKemKeyPair, mlKemEncapsulate } from '../crypto/ml-kem';
import { KmsVaultMockError } from '../errors/library-error';
import { keyPairOf } from '../vault/key-pair-of';
import { keyForOperation } from './key-for-operation';
import { blob, endDryRun, requireKeyUsage } from './shared';

/**
 * ML-KEM encapsulation (FIPS 203) with the public key of an ENCAPSULATE_DECAPSULATE key pair: a fresh
 * 32-byte shared secret and its ciphertext (768, 1088 or 1568 bytes for ML_KEM_512, _768, _1024).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Encapsulate.html
 */
export function encapsulate(context: OperationContext, input: HandlerInput<'Encapsulate'>): HandlerOutput<'Encapsulate'> {
  const key = keyForOperation(context, input.KeyId, input, { aliases: true });
  requireKeyUsage(key, 'ENCAPSULATE_DECAPSULATE', 'Encapsulate');
  endDryRun(input);
  const pair = keyPairOf(key);
  if (!isKemKeyPair(pair)) throw new KmsVaultMockError(`${key.arn} has no ML-KEM key pair; this is a bug in kms-vault-mock.`);
  const { sharedSecret, ciphertext } = mlKemEncapsulate(pair, (length) => context.random.bytes(length));
  return { KeyId: key.arn, SharedSecret: blob(sharedSecret), SharedSecretCiphertextBlob: blob(ciphertext), EncapsulationAlgorithm: 'ML_KEM' };
}
