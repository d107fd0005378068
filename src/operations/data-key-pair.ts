import type { OperationContext } from '../context/operation-context';
import { encodeEncryptionContext } from '../crypto/encryption-context';
import { keyPairFromSeed } from '../crypto/key-pair';
import { sealSymmetric } from '../crypto/symmetric-ciphertext';
import { externalLayerFor } from '../xks/real-proxy';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { asymmetricParams } from '../vault/key-pair-of';
import { availableIn, DATA_KEY_PAIR_SPECS, KEY_SPECS } from '../vault/key-specs';
import type { HandlerInput } from './handler-types';
import { keyForOperation } from './key-for-operation';
import { requireSymmetricEncryptionKey } from './algorithm-rules';
import { endDryRun, requireKeyUsage } from './shared';

/** A data key pair made for the caller: its halves, and the private key sealed under the KMS key. */
export interface DataKeyPair {
  readonly keyArn: string;
  readonly keyMaterialId: string;
  /** DER PKCS #8 PrivateKeyInfo. */
  readonly privateKey: Buffer;
  /** DER SubjectPublicKeyInfo. */
  readonly publicKey: Buffer;
  /** The private key in the vault's symmetric ciphertext format, bound to the encryption context. */
  readonly privateKeyCiphertext: Buffer;
}

/**
 * Shared by GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext: a fresh key pair of
 * `KeyPairSpec` (drawn from the vault's randomness, so a seeded vault repeats it) whose private key is
 * encrypted under a symmetric encryption key, as Encrypt would with the same encryption context.
 */
export function makeDataKeyPair(
  context: OperationContext,
  input: HandlerInput<'GenerateDataKeyPair'> | HandlerInput<'GenerateDataKeyPairWithoutPlaintext'>,
): DataKeyPair {
  const key = keyForOperation(context, input.KeyId, input, { aliases: true });
  requireKeyUsage(key, 'ENCRYPT_DECRYPT', context.operation);
  requireSymmetricEncryptionKey(key, context.operation);
  const pairSpec = input.KeyPairSpec;
  const spec = DATA_KEY_PAIR_SPECS[pairSpec];
  if (!availableIn(KEY_SPECS[spec].availability, context.region)) throw kmsError('UnsupportedOperationException', messages.keySpecNotInRegion(pairSpec));
  endDryRun(input);
  const pair = keyPairFromSeed(asymmetricParams({ keySpec: spec, arn: key.arn }), context.random.bytes(32));
  const material = key.currentMaterial;
  const privateKeyCiphertext = sealSymmetric(
    material,
    pair.pkcs8,
    encodeEncryptionContext(input.EncryptionContext),
    context.random.bytes(12),
    externalLayerFor(context, key),
  );
  return { keyArn: key.arn, keyMaterialId: material.id, privateKey: pair.pkcs8, publicKey: pair.spki, privateKeyCiphertext };
}
