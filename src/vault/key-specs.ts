// What each KMS key spec is, which key usages it allows and which algorithms it supports, as data.
// Sources: API Reference, CreateKey (KeySpec, KeyUsage), Sign/Verify (MessageType), Encrypt
// (plaintext limits), GenerateMac, DeriveSharedSecret, Encapsulate; Developer Guide, "Key spec
// reference" (https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-choose-key-spec.html).
// Operations look rules up here; none of them tests a key spec by name.
import type { HashName, MaterialParams, SigningAlgorithmRule } from '../crypto/params';
import type {
  DataKeyPairSpec,
  EncapsulationAlgorithmSpec,
  EncryptionAlgorithmSpec,
  KeyAgreementAlgorithmSpec,
  KeySpec,
  KeyUsageType,
  MacAlgorithmSpec,
  SigningAlgorithmSpec,
} from '@aws-sdk/client-kms';

/** The regions where KMS offers the China-only key specs (SM2) and withholds ML-KEM. */
export const CHINA_REGIONS: ReadonlySet<string> = new Set(['cn-north-1', 'cn-northwest-1']);

/** Where a key spec is offered. */
export type SpecAvailability = 'everywhere' | 'china-only' | 'outside-china';

/** The algorithms a key supports for one key usage, in the members DescribeKey and GetPublicKey report. */
export interface UsageAlgorithms {
  readonly EncryptionAlgorithms?: readonly EncryptionAlgorithmSpec[];
  readonly SigningAlgorithms?: readonly SigningAlgorithmSpec[];
  readonly MacAlgorithms?: readonly MacAlgorithmSpec[];
  readonly KeyAgreementAlgorithms?: readonly KeyAgreementAlgorithmSpec[];
  readonly EncapsulationAlgorithms?: readonly EncapsulationAlgorithmSpec[];
}

/** One row of the key-spec table. */
export interface KeySpecRule {
  /** Symmetric keys have no public key (GetPublicKey fails); the others are key pairs. */
  readonly symmetric: boolean;
  readonly material: MaterialParams;
  readonly availability: SpecAvailability;
  /** The key usages CreateKey accepts for the spec, each with the algorithms the key then supports. */
  readonly usages: Readonly<Partial<Record<KeyUsageType, UsageAlgorithms>>>;
}

const RSA_ENCRYPTION: UsageAlgorithms = { EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] };
const RSA_SIGNING: UsageAlgorithms = {
  SigningAlgorithms: [
    'RSASSA_PKCS1_V1_5_SHA_256',
    'RSASSA_PKCS1_V1_5_SHA_384',
    'RSASSA_PKCS1_V1_5_SHA_512',
    'RSASSA_PSS_SHA_256',
    'RSASSA_PSS_SHA_384',
    'RSASSA_PSS_SHA_512',
  ],
};
const ECDH: UsageAlgorithms = { KeyAgreementAlgorithms: ['ECDH'] };
const ML_DSA: UsageAlgorithms = { SigningAlgorithms: ['ML_DSA_SHAKE_256'] };
const ML_KEM: UsageAlgorithms = { EncapsulationAlgorithms: ['ML_KEM'] };

/** Every key spec of the KMS API: its material, where it is offered, its usages and their algorithms. */
export const KEY_SPECS: Readonly<Record<KeySpec, KeySpecRule>> = {
  SYMMETRIC_DEFAULT: {
    symmetric: true,
    material: { kind: 'aes', bytes: 32 },
    availability: 'everywhere',
    usages: { ENCRYPT_DECRYPT: { EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] } },
  },
  HMAC_224: {
    symmetric: true,
    material: { kind: 'hmac', bytes: 28 },
    availability: 'everywhere',
    usages: { GENERATE_VERIFY_MAC: { MacAlgorithms: ['HMAC_SHA_224'] } },
  },
  HMAC_256: {
    symmetric: true,
    material: { kind: 'hmac', bytes: 32 },
    availability: 'everywhere',
    usages: { GENERATE_VERIFY_MAC: { MacAlgorithms: ['HMAC_SHA_256'] } },
  },
  HMAC_384: {
    symmetric: true,
    material: { kind: 'hmac', bytes: 48 },
    availability: 'everywhere',
    usages: { GENERATE_VERIFY_MAC: { MacAlgorithms: ['HMAC_SHA_384'] } },
  },
  HMAC_512: {
    symmetric: true,
    material: { kind: 'hmac', bytes: 64 },
    availability: 'everywhere',
    usages: { GENERATE_VERIFY_MAC: { MacAlgorithms: ['HMAC_SHA_512'] } },
  },
  RSA_2048: {
    symmetric: false,
    material: { kind: 'rsa', bits: 2048 },
    availability: 'everywhere',
    usages: { ENCRYPT_DECRYPT: RSA_ENCRYPTION, SIGN_VERIFY: RSA_SIGNING },
  },
  RSA_3072: {
    symmetric: false,
    material: { kind: 'rsa', bits: 3072 },
    availability: 'everywhere',
    usages: { ENCRYPT_DECRYPT: RSA_ENCRYPTION, SIGN_VERIFY: RSA_SIGNING },
  },
  RSA_4096: {
    symmetric: false,
    material: { kind: 'rsa', bits: 4096 },
    availability: 'everywhere',
    usages: { ENCRYPT_DECRYPT: RSA_ENCRYPTION, SIGN_VERIFY: RSA_SIGNING },
  },
  ECC_NIST_P256: {
    symmetric: false,
    material: { kind: 'ec', curve: 'P-256' },
    availability: 'everywhere',
    usages: { SIGN_VERIFY: { SigningAlgorithms: ['ECDSA_SHA_256'] }, KEY_AGREEMENT: ECDH },
  },
  ECC_NIST_P384: {
    symmetric: false,
    material: { kind: 'ec', curve: 'P-384' },
    availability: 'everywhere',
    usages: { SIGN_VERIFY: { SigningAlgorithms: ['ECDSA_SHA_384'] }, KEY_AGREEMENT: ECDH },
  },
  ECC_NIST_P521: {
    symmetric: false,
    material: { kind: 'ec', curve: 'P-521' },
    availability: 'everywhere',
    usages: { SIGN_VERIFY: { SigningAlgorithms: ['ECDSA_SHA_512'] }, KEY_AGREEMENT: ECDH },
  },
  ECC_SECG_P256K1: {
    symmetric: false,
    material: { kind: 'ec', curve: 'secp256k1' },
    availability: 'everywhere',
    usages: { SIGN_VERIFY: { SigningAlgorithms: ['ECDSA_SHA_256'] } },
  },
  ECC_NIST_EDWARDS25519: {
    symmetric: false,
    material: { kind: 'ed25519' },
    availability: 'everywhere',
    usages: { SIGN_VERIFY: { SigningAlgorithms: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'] } },
  },
  SM2: {
    symmetric: false,
    material: { kind: 'sm2' },
    availability: 'china-only',
    usages: { ENCRYPT_DECRYPT: { EncryptionAlgorithms: ['SM2PKE'] }, SIGN_VERIFY: { SigningAlgorithms: ['SM2DSA'] }, KEY_AGREEMENT: ECDH },
  },
  ML_DSA_44: { symmetric: false, material: { kind: 'ml-dsa', level: 44 }, availability: 'everywhere', usages: { SIGN_VERIFY: ML_DSA } },
  ML_DSA_65: { symmetric: false, material: { kind: 'ml-dsa', level: 65 }, availability: 'everywhere', usages: { SIGN_VERIFY: ML_DSA } },
  ML_DSA_87: { symmetric: false, material: { kind: 'ml-dsa', level: 87 }, availability: 'everywhere', usages: { SIGN_VERIFY: ML_DSA } },
  ML_KEM_512: { symmetric: false, material: { kind: 'ml-kem', level: 512 }, availability: 'outside-china', usages: { ENCAPSULATE_DECAPSULATE: ML_KEM } },
  ML_KEM_768: { symmetric: false, material: { kind: 'ml-kem', level: 768 }, availability: 'outside-china', usages: { ENCAPSULATE_DECAPSULATE: ML_KEM } },
  ML_KEM_1024: { symmetric: false, material: { kind: 'ml-kem', level: 1024 }, availability: 'outside-china', usages: { ENCAPSULATE_DECAPSULATE: ML_KEM } },
};

/** Every signing algorithm of the KMS API. */
export const SIGNING_ALGORITHMS: Readonly<Record<SigningAlgorithmSpec, SigningAlgorithmRule>> = {
  RSASSA_PSS_SHA_256: { scheme: 'rsa-pss', hash: 'sha256', digestBytes: 32, messageTypes: ['RAW', 'DIGEST'] },
  RSASSA_PSS_SHA_384: { scheme: 'rsa-pss', hash: 'sha384', digestBytes: 48, messageTypes: ['RAW', 'DIGEST'] },
  RSASSA_PSS_SHA_512: { scheme: 'rsa-pss', hash: 'sha512', digestBytes: 64, messageTypes: ['RAW', 'DIGEST'] },
  RSASSA_PKCS1_V1_5_SHA_256: { scheme: 'rsa-pkcs1', hash: 'sha256', digestBytes: 32, messageTypes: ['RAW', 'DIGEST'] },
  RSASSA_PKCS1_V1_5_SHA_384: { scheme: 'rsa-pkcs1', hash: 'sha384', digestBytes: 48, messageTypes: ['RAW', 'DIGEST'] },
  RSASSA_PKCS1_V1_5_SHA_512: { scheme: 'rsa-pkcs1', hash: 'sha512', digestBytes: 64, messageTypes: ['RAW', 'DIGEST'] },
  ECDSA_SHA_256: { scheme: 'ecdsa', hash: 'sha256', digestBytes: 32, messageTypes: ['RAW', 'DIGEST'] },
  ECDSA_SHA_384: { scheme: 'ecdsa', hash: 'sha384', digestBytes: 48, messageTypes: ['RAW', 'DIGEST'] },
  ECDSA_SHA_512: { scheme: 'ecdsa', hash: 'sha512', digestBytes: 64, messageTypes: ['RAW', 'DIGEST'] },
  // ED25519_SHA_512 is PureEdDSA over the message (RAW only); ED25519_PH_SHA_512 is HashEdDSA over a
  // SHA-512 digest (DIGEST only), which KMS hashes once more as Ed25519ph prescribes.
  ED25519_SHA_512: { scheme: 'ed25519', hash: 'sha512', digestBytes: 64, messageTypes: ['RAW'] },
  ED25519_PH_SHA_512: { scheme: 'ed25519ph', hash: 'sha512', digestBytes: 64, messageTypes: ['DIGEST'] },
  SM2DSA: { scheme: 'sm2dsa', hash: 'sm3', digestBytes: 32, messageTypes: ['RAW'] },
  // EXTERNAL_MU is the 64-byte μ of FIPS 204 section 6.2.
  ML_DSA_SHAKE_256: { scheme: 'ml-dsa', hash: 'shake256', digestBytes: 64, messageTypes: ['RAW', 'EXTERNAL_MU'] },
};

/**
 * How an asymmetric encryption algorithm encrypts: RSAES-OAEP with one hash for the label and MGF1
 * (its plaintext limit depends on the modulus), or SM2 public-key encryption with a fixed limit.
 */
export type AsymmetricEncryptionRule =
  { readonly scheme: 'rsa-oaep'; readonly oaepHash: HashName; readonly hashBytes: number } | { readonly scheme: 'sm2pke'; readonly plaintextLimit: number };

/** The encryption algorithms of asymmetric keys (SYMMETRIC_DEFAULT is the symmetric ciphertext format). */
export const ASYMMETRIC_ENCRYPTION_ALGORITHMS: Readonly<Partial<Record<EncryptionAlgorithmSpec, AsymmetricEncryptionRule>>> = {
  RSAES_OAEP_SHA_1: { scheme: 'rsa-oaep', oaepHash: 'sha1', hashBytes: 20 },
  RSAES_OAEP_SHA_256: { scheme: 'rsa-oaep', oaepHash: 'sha256', hashBytes: 32 },
  // GB/T 32918.4 with SM3; "SM2PKE: 1024 bytes (China Regions only)" (API Reference, Encrypt).
  SM2PKE: { scheme: 'sm2pke', plaintextLimit: 1024 },
};

/**
 * The largest plaintext an RSA key encrypts with an OAEP algorithm: modulus bytes − 2·hash bytes − 2
 * (RFC 8017 7.1.1), the figures the KMS Developer Guide lists (RSA_2048: 214 with SHA-1, 190 with SHA-256).
 */
export function rsaOaepPlaintextLimit(bits: number, hashBytes: number): number {
  return bits / 8 - 2 * hashBytes - 2;
}

/** The hash of each MAC algorithm. */
export const MAC_ALGORITHMS: Readonly<Record<MacAlgorithmSpec, { readonly hash: HashName }>> = {
  HMAC_SHA_224: { hash: 'sha224' },
  HMAC_SHA_256: { hash: 'sha256' },
  HMAC_SHA_384: { hash: 'sha384' },
  HMAC_SHA_512: { hash: 'sha512' },
};

/** The key material of each data key pair spec (GenerateDataKeyPair), with the same availability rules. */
export const DATA_KEY_PAIR_SPECS: Readonly<Record<DataKeyPairSpec, KeySpec>> = {
  RSA_2048: 'RSA_2048',
  RSA_3072: 'RSA_3072',
  RSA_4096: 'RSA_4096',
  ECC_NIST_P256: 'ECC_NIST_P256',
  ECC_NIST_P384: 'ECC_NIST_P384',
  ECC_NIST_P521: 'ECC_NIST_P521',
  ECC_SECG_P256K1: 'ECC_SECG_P256K1',
  ECC_NIST_EDWARDS25519: 'ECC_NIST_EDWARDS25519',
  SM2: 'SM2',
  ML_KEM_512: 'ML_KEM_512',
  ML_KEM_768: 'ML_KEM_768',
  ML_KEM_1024: 'ML_KEM_1024',
};

/** Whether a key spec with this availability is offered in `region`. */
export function availableIn(availability: SpecAvailability, region: string): boolean {
  if (availability === 'everywhere') return true;
  return CHINA_REGIONS.has(region) === (availability === 'china-only');
}

/** The algorithms a key of this spec and usage reports (DescribeKey, GetPublicKey). */
export function algorithmsOf(spec: KeySpec, usage: KeyUsageType): UsageAlgorithms {
  return KEY_SPECS[spec]?.usages[usage] ?? {};
}

/** Whether a key spec is the symmetric encryption key spec (AES-256-GCM key material). */
export function isSymmetricEncryptionSpec(spec: KeySpec): boolean {
  return KEY_SPECS[spec]?.material.kind === 'aes';
}

/** Whether a key spec is an HMAC key spec. */
export function isHmacSpec(spec: KeySpec): boolean {
  return KEY_SPECS[spec]?.material.kind === 'hmac';
}
