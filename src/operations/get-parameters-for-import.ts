import { createPublicKey } from 'node:crypto';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { sealImportToken } from '../crypto/import-token';
import { wrappingKeyFromSeed } from '../crypto/key-import';
import { kmsError } from '../errors/kms-error';
import { NotImplementedError } from '../errors/library-error';
import { messages } from '../errors/messages';
import { IMPORT_PARAMETERS_VALID_MS, WRAPPING_ALGORITHMS, WRAPPING_KEY_SPECS } from '../vault/import-rules';
import { availableIn } from '../vault/key-specs';
import { keyForOperation } from './key-for-operation';
import { blob, requireExternalOrigin } from './shared';

/**
 * Returns a wrapping public key (DER SubjectPublicKeyInfo) and an import token for importing key
 * material into a key with Origin EXTERNAL. The token binds the key, the wrapping key pair and the
 * wrapping algorithm; both are valid for 24 hours by the vault clock (ParametersValidTo). Each key has its
 * own: a replica of a multi-Region key with imported key material gets a token bound to the replica
 * ("You need a different public key and import token for each replica key", Developer Guide,
 * "Importing key material into multi-Region keys").
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetParametersForImport.html
 */
export function getParametersForImport(context: OperationContext, input: HandlerInput<'GetParametersForImport'>): HandlerOutput<'GetParametersForImport'> {
  const algorithm = input.WrappingAlgorithm;
  const keySpec = input.WrappingKeySpec;
  const rule = WRAPPING_ALGORITHMS[algorithm];
  const wrapping = WRAPPING_KEY_SPECS[keySpec];
  if (rule.scheme === 'withdrawn') throw kmsError('UnsupportedOperationException', messages.wrappingAlgorithmWithdrawn(algorithm));
  if (!availableIn(rule.availability, context.region))
    throw kmsError('UnsupportedOperationException', messages.wrappingNotInRegion(`WrappingAlgorithm ${algorithm}`));
  if (wrapping.kind === 'sm2' && !availableIn('china-only', context.region))
    throw kmsError('UnsupportedOperationException', messages.wrappingNotInRegion(`WrappingKeySpec ${keySpec}`));
  if ((rule.scheme === 'sm2pke') !== (wrapping.kind === 'sm2')) throw kmsError('ValidationException', messages.wrappingMismatch(algorithm, keySpec));

  const key = keyForOperation(context, input.KeyId, input, { aliases: false });
  requireExternalOrigin(key);
  if (wrapping.kind === 'sm2')
    throw new NotImplementedError('kms-vault-mock does not implement SM2 wrapping keys (WrappingKeySpec SM2, SM2PKE) for importing key material yet.');

  const seed = Buffer.from(context.random.bytes(32));
  const publicKey = createPublicKey(wrappingKeyFromSeed(seed, wrapping.bits)).export({ type: 'spki', format: 'der' });
  const validTo = context.now.getTime() + IMPORT_PARAMETERS_VALID_MS;
  const token = sealImportToken(context.state.issueImportTokenSecret(context.random), Buffer.from(context.random.bytes(12)), {
    keyArn: key.arn,
    wrappingAlgorithm: algorithm,
    wrappingKeySpec: keySpec,
    wrappingSeed: seed,
    validTo,
  });
  return { KeyId: key.arn, ImportToken: blob(token), PublicKey: blob(publicKey), ParametersValidTo: new Date(validTo) };
}
