import type { GrantOperation, KeyUsageType } from '@aws-sdk/client-kms';
import { isSymmetricEncryptionSpec } from '../vault/key-specs';
import type { KeyRecord } from '../vault/key-record';

/** Every grant may allow these, whatever the key (Developer Guide, "Grant concepts: grant operations"). */
const ALWAYS: readonly GrantOperation[] = ['CreateGrant', 'RetireGrant', 'DescribeKey'];

/** The cryptographic operations a grant may allow, by the key's usage (asymmetric encryption keys apart). */
const BY_USAGE: Readonly<Record<KeyUsageType, readonly GrantOperation[]>> = {
  ENCRYPT_DECRYPT: [
    'Decrypt',
    'Encrypt',
    'GenerateDataKey',
    'GenerateDataKeyWithoutPlaintext',
    'GenerateDataKeyPair',
    'GenerateDataKeyPairWithoutPlaintext',
    'ReEncryptFrom',
    'ReEncryptTo',
  ],
  SIGN_VERIFY: ['Sign', 'Verify', 'GetPublicKey'],
  GENERATE_VERIFY_MAC: ['GenerateMac', 'VerifyMac'],
  KEY_AGREEMENT: ['DeriveSharedSecret', 'GetPublicKey'],
  ENCAPSULATE_DECAPSULATE: ['Encapsulate', 'Decapsulate', 'GetPublicKey'],
};

const ASYMMETRIC_ENCRYPTION: readonly GrantOperation[] = ['Decrypt', 'Encrypt', 'ReEncryptFrom', 'ReEncryptTo', 'GetPublicKey'];

/**
 * The grant operations a key supports (Developer Guide, "Grant operations"): the operations its key
 * type can perform, plus CreateGrant, RetireGrant and DescribeKey. A grant for another operation is a
 * ValidationException.
 */
export function grantOperationsFor(key: KeyRecord): ReadonlySet<GrantOperation> {
  const crypto = key.keyUsage === 'ENCRYPT_DECRYPT' && !isSymmetricEncryptionSpec(key.keySpec) ? ASYMMETRIC_ENCRYPTION : BY_USAGE[key.keyUsage];
  return new Set([...crypto, ...ALWAYS]);
}

/** Encryption context constraints are for symmetric encryption keys only: other keys take no encryption context. */
export function supportsGrantConstraints(key: KeyRecord): boolean {
  return isSymmetricEncryptionSpec(key.keySpec) && key.keyUsage === 'ENCRYPT_DECRYPT';
}
