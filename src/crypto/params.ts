import type { MessageType } from '@aws-sdk/client-kms';

// The parameters the crypto layer works with. The KMS rule tables (vault/key-specs.ts) say which key
// spec and which algorithm use which of them.

/** The kind of key material behind a key spec, with its size or curve: what the crypto layer makes. */
export type MaterialParams =
  | { readonly kind: 'aes'; readonly bytes: 32 }
  | { readonly kind: 'hmac'; readonly bytes: number }
  | { readonly kind: 'rsa'; readonly bits: 2048 | 3072 | 4096 }
  | { readonly kind: 'ec'; readonly curve: 'P-256' | 'P-384' | 'P-521' | 'secp256k1' }
  | { readonly kind: 'sm2' }
  | { readonly kind: 'ed25519' }
  | { readonly kind: 'ml-dsa'; readonly level: 44 | 65 | 87 }
  | { readonly kind: 'ml-kem'; readonly level: 512 | 768 | 1024 };

/** Node's name of a hash function, as `node:crypto` takes it. */
export type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' | 'sm3' | 'shake256';

/** How a signing algorithm signs: the scheme, its hash, and the message types it accepts. */
export interface SigningAlgorithmRule {
  readonly scheme: 'rsa-pss' | 'rsa-pkcs1' | 'ecdsa' | 'ed25519' | 'ed25519ph' | 'sm2dsa' | 'ml-dsa';
  readonly hash: HashName;
  /** Length in bytes of a DIGEST (or EXTERNAL_MU) message. */
  readonly digestBytes: number;
  /** The MessageType values KMS accepts with the algorithm; RAW is the default. */
  readonly messageTypes: readonly MessageType[];
}
