import type { EncryptionAlgorithmSpec, MacAlgorithmSpec, MessageType, SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { KeyRecord } from '../vault/key-record';
import {
  algorithmsOf,
  ASYMMETRIC_ENCRYPTION_ALGORITHMS,
  KEY_SPECS,
  MAC_ALGORITHMS,
  SIGNING_ALGORITHMS,
  type AsymmetricEncryptionRule,
  isSymmetricEncryptionSpec,
} from '../vault/key-specs';
import type { HashName, SigningAlgorithmRule } from '../crypto/params';

/** Whether a key is a key pair (asymmetric), as opposed to a symmetric encryption or HMAC key. */
export function isKeyPair(key: KeyRecord): boolean {
  return !KEY_SPECS[key.keySpec].symmetric;
}

/**
 * InvalidKeyUsageException unless the key is a symmetric encryption key: data keys and data key pairs
 * are encrypted under SYMMETRIC_DEFAULT keys only (API Reference, GenerateDataKey, GenerateDataKeyPair).
 */
export function requireSymmetricEncryptionKey(key: KeyRecord, operation: string): void {
  if (!isSymmetricEncryptionSpec(key.keySpec)) throw kmsError('InvalidKeyUsageException', messages.keySpecNotValid(key.arn, key.keySpec, operation));
}

/** The rule of a signing algorithm the key's spec supports; InvalidKeyUsageException otherwise. */
export function requireSigningAlgorithm(key: KeyRecord, algorithm: SigningAlgorithmSpec): SigningAlgorithmRule {
  if (!algorithmsOf(key.keySpec, key.keyUsage).SigningAlgorithms?.includes(algorithm)) {
    throw kmsError('InvalidKeyUsageException', messages.algorithmIncompatible(algorithm, key.keySpec));
  }
  return SIGNING_ALGORITHMS[algorithm];
}

/** The hash of a MAC algorithm the key's spec supports; InvalidKeyUsageException otherwise (recorded wording). */
export function requireMacAlgorithm(key: KeyRecord, algorithm: MacAlgorithmSpec): HashName {
  if (!algorithmsOf(key.keySpec, key.keyUsage).MacAlgorithms?.includes(algorithm)) {
    throw kmsError('InvalidKeyUsageException', messages.algorithmIncompatible(algorithm, key.keySpec));
  }
  return MAC_ALGORITHMS[algorithm].hash;
}

/**
 * The rule (RSAES-OAEP and its hash, or SM2PKE) of an encryption algorithm an asymmetric key supports
 * (the default, SYMMETRIC_DEFAULT, never fits one): InvalidKeyUsageException
 * `Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.`
 */
export function requireAsymmetricEncryptionAlgorithm(
  key: KeyRecord,
  algorithm: EncryptionAlgorithmSpec | undefined,
): { readonly algorithm: EncryptionAlgorithmSpec } & AsymmetricEncryptionRule {
  const chosen = algorithm ?? 'SYMMETRIC_DEFAULT';
  const rule = ASYMMETRIC_ENCRYPTION_ALGORITHMS[chosen];
  if (!rule || !algorithmsOf(key.keySpec, key.keyUsage).EncryptionAlgorithms?.includes(chosen)) {
    throw kmsError('InvalidKeyUsageException', messages.algorithmIncompatible(chosen, key.keySpec));
  }
  return { algorithm: chosen, ...rule };
}

/**
 * The message rules of Sign and Verify: the MessageType must be one the algorithm takes (Ed25519:
 * RAW for ED25519_SHA_512, DIGEST for ED25519_PH_SHA_512; EXTERNAL_MU for ML-DSA only), and a DIGEST
 * or EXTERNAL_MU message must have the digest's (μ's) length: ValidationException otherwise.
 */
export function requireMessage(rule: SigningAlgorithmRule, algorithm: SigningAlgorithmSpec, messageType: MessageType, message: Uint8Array): void {
  if (!rule.messageTypes.includes(messageType)) throw kmsError('ValidationException', messages.messageTypeNotSupported(messageType, algorithm));
  if (messageType !== 'RAW' && message.length !== rule.digestBytes) throw kmsError('ValidationException', messages.digestLength(algorithm));
}
