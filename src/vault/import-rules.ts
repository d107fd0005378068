// What importing key material accepts, as data. Sources: API Reference, GetParametersForImport
// (WrappingAlgorithm, WrappingKeySpec) and ImportKeyMaterial; Developer Guide, "Importing key material
// for AWS KMS keys": "Select a wrapping algorithm", "Select a wrapping public key spec", "Requirements
// for imported key material", "Encrypt the key material".
import type { AlgorithmSpec, KeySpec, WrappingKeySpec } from '@aws-sdk/client-kms';
import type { HashName } from '../crypto/params';
import type { SpecAvailability } from './key-specs';

/** How a wrapping algorithm protects key material in transit. */
export type WrappingAlgorithmRule =
  /** RSAES-OAEP with this hash (label and MGF1) directly over the key material. */
  | { readonly scheme: 'rsa-oaep'; readonly hash: HashName; readonly availability: SpecAvailability }
  /**
   * An ephemeral 256-bit AES key encrypted with RSAES-OAEP (this hash), followed by the key material
   * wrapped under that AES key with AES Key Wrap with Padding (RFC 5649).
   */
  | { readonly scheme: 'rsa-aes-key-wrap'; readonly hash: HashName; readonly availability: SpecAvailability }
  /** SM2 public-key encryption (China Regions only). */
  | { readonly scheme: 'sm2pke'; readonly availability: SpecAvailability }
  /** "As of October 10, 2023, KMS does not support the RSAES_PKCS1_V1_5 wrapping algorithm." */
  | { readonly scheme: 'withdrawn' };

/** Every wrapping algorithm of the KMS API. RSA_AES_KEY_WRAP_* "are not supported in China Regions". */
export const WRAPPING_ALGORITHMS: Readonly<Record<AlgorithmSpec, WrappingAlgorithmRule>> = {
  RSAES_OAEP_SHA_1: { scheme: 'rsa-oaep', hash: 'sha1', availability: 'everywhere' },
  RSAES_OAEP_SHA_256: { scheme: 'rsa-oaep', hash: 'sha256', availability: 'everywhere' },
  RSA_AES_KEY_WRAP_SHA_1: { scheme: 'rsa-aes-key-wrap', hash: 'sha1', availability: 'outside-china' },
  RSA_AES_KEY_WRAP_SHA_256: { scheme: 'rsa-aes-key-wrap', hash: 'sha256', availability: 'outside-china' },
  SM2PKE: { scheme: 'sm2pke', availability: 'china-only' },
  RSAES_PKCS1_V1_5: { scheme: 'withdrawn' },
};

/** The wrapping key of each WrappingKeySpec; SM2 wrapping keys exist in China Regions only. */
export const WRAPPING_KEY_SPECS: Readonly<Record<WrappingKeySpec, { readonly kind: 'rsa'; readonly bits: 2048 | 3072 | 4096 } | { readonly kind: 'sm2' }>> = {
  RSA_2048: { kind: 'rsa', bits: 2048 },
  RSA_3072: { kind: 'rsa', bits: 3072 },
  RSA_4096: { kind: 'rsa', bits: 4096 },
  SM2: { kind: 'sm2' },
};

/**
 * The length in bytes of the key material a symmetric key spec takes: 256 bits for SYMMETRIC_DEFAULT;
 * for HMAC keys at least the hash's output and at most its block size.
 */
export const IMPORTED_SECRET_BYTES: Readonly<Partial<Record<KeySpec, { readonly min: number; readonly max: number }>>> = {
  SYMMETRIC_DEFAULT: { min: 32, max: 32 },
  HMAC_224: { min: 28, max: 64 },
  HMAC_256: { min: 32, max: 64 },
  HMAC_384: { min: 48, max: 128 },
  HMAC_512: { min: 64, max: 128 },
};

/** How long a public key and import token from GetParametersForImport stay valid: 24 hours. */
export const IMPORT_PARAMETERS_VALID_MS = 24 * 3_600_000;

/** The latest ValidTo ImportKeyMaterial accepts: 365 days from the request. */
export const MAX_VALID_TO_MS = 365 * 86_400_000;
