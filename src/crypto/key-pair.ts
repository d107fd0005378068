import { createECDH, createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from 'node:crypto';
import type { MaterialParams } from './params';
import { derBitString, derElement, derOctetString, derOid, derSequence, derSmallInteger, privateKeyInfo, subjectPublicKeyInfo } from './der-writer';
import { nobleMlDsa, nobleMlKem } from './noble';
import { rsaKeyFromSeed } from './rsa-key-generation';

/** The parameters of the asymmetric key kinds (everything but AES and HMAC secrets). */
export type AsymmetricParams = Exclude<MaterialParams, { kind: 'aes' } | { kind: 'hmac' }>;

/** A key pair node:crypto holds: RSA, NIST and SECG elliptic curves, SM2, Ed25519. */
export interface NodeKeyPair {
  readonly kind: 'node';
  readonly params: Extract<AsymmetricParams, { kind: 'rsa' | 'ec' | 'sm2' | 'ed25519' }>;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** DER SubjectPublicKeyInfo. */
  readonly spki: Buffer;
  /** DER PKCS #8 PrivateKeyInfo. */
  readonly pkcs8: Buffer;
  /** Elliptic curves: the private scalar, big-endian, and the uncompressed public point. */
  readonly ec?: { readonly scalar: Buffer; readonly point: Buffer };
  /** Ed25519: the 32-byte private key (RFC 8032 seed). */
  readonly edSeed?: Buffer;
}

/** An ML-DSA or ML-KEM key pair (FIPS 204, FIPS 203), held as raw bytes. */
export interface LatticeKeyPair {
  readonly kind: 'lattice';
  readonly params: Extract<AsymmetricParams, { kind: 'ml-dsa' | 'ml-kem' }>;
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly spki: Buffer;
  readonly pkcs8: Buffer;
}

/** An asymmetric key pair of any kind. */
export type KeyPair = NodeKeyPair | LatticeKeyPair;

/** The elliptic curves of KMS key specs: OpenSSL's name, the curve's OID and the size of a scalar. */
export const CURVES = {
  'P-256': { nodeName: 'prime256v1', oid: '1.2.840.10045.3.1.7', scalarBytes: 32, scalarBits: 256 },
  'P-384': { nodeName: 'secp384r1', oid: '1.3.132.0.34', scalarBytes: 48, scalarBits: 384 },
  'P-521': { nodeName: 'secp521r1', oid: '1.3.132.0.35', scalarBytes: 66, scalarBits: 521 },
  secp256k1: { nodeName: 'secp256k1', oid: '1.3.132.0.10', scalarBytes: 32, scalarBits: 256 },
  SM2: { nodeName: 'SM2', oid: '1.2.156.10197.1.301', scalarBytes: 32, scalarBits: 256 },
} as const;

const EC_PUBLIC_KEY_OID = '1.2.840.10045.2.1';
const ED25519_OID = '1.3.101.112';
/** NIST's OIDs for ML-DSA (2.16.840.1.101.3.4.3.17-19) and ML-KEM (2.16.840.1.101.3.4.4.1-3). */
const LATTICE_OIDS = {
  'ml-dsa': { 44: '2.16.840.1.101.3.4.3.17', 65: '2.16.840.1.101.3.4.3.18', 87: '2.16.840.1.101.3.4.3.19' },
  'ml-kem': { 512: '2.16.840.1.101.3.4.4.1', 768: '2.16.840.1.101.3.4.4.2', 1024: '2.16.840.1.101.3.4.4.3' },
} as const;

/** The ML-DSA implementation of a security level. */
export function mlDsa(level: 44 | 65 | 87): ReturnType<typeof nobleMlDsa>['ml_dsa44'] {
  const { ml_dsa44, ml_dsa65, ml_dsa87 } = nobleMlDsa();
  return level === 44 ? ml_dsa44 : level === 65 ? ml_dsa65 : ml_dsa87;
}

/** The ML-KEM implementation of a security level. */
export function mlKem(level: 512 | 768 | 1024): ReturnType<typeof nobleMlKem>['ml_kem512'] {
  const { ml_kem512, ml_kem768, ml_kem1024 } = nobleMlKem();
  return level === 512 ? ml_kem512 : level === 768 ? ml_kem768 : ml_kem1024;
}

function expand(seed: Uint8Array, label: string, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', seed, Buffer.alloc(0), `kms-vault-mock ${label}`, length));
}

/** A node:crypto key pair of `params` from its private key, with its DER encodings. */
export function fromNode(params: NodeKeyPair['params'], privateKey: KeyObject, extra: Pick<NodeKeyPair, 'ec' | 'edSeed'> & { pkcs8?: Buffer }): NodeKeyPair {
  const publicKey = createPublicKey(privateKey);
  return {
    kind: 'node',
    params,
    privateKey,
    publicKey,
    spki: publicKey.export({ type: 'spki', format: 'der' }),
    pkcs8: extra.pkcs8 ?? privateKey.export({ type: 'pkcs8', format: 'der' }),
    ...(extra.ec ? { ec: extra.ec } : {}),
    ...(extra.edSeed ? { edSeed: extra.edSeed } : {}),
  };
}

function ecKeyPair(params: Extract<AsymmetricParams, { kind: 'ec' | 'sm2' }>, seed: Uint8Array): NodeKeyPair {
  const curve = CURVES[params.kind === 'sm2' ? 'SM2' : params.curve];
  // One bit below the size of the group order keeps the scalar below the order without knowing it.
  const scalar = expand(seed, `ec ${curve.nodeName}`, curve.scalarBytes);
  const excessBits = curve.scalarBytes * 8 - (curve.scalarBits - 1);
  scalar[0] = (scalar[0] ?? 0) & (0xff >> excessBits);
  if (scalar.every((b) => b === 0)) scalar[scalar.length - 1] = 1;
  const ecdh = createECDH(curve.nodeName);
  ecdh.setPrivateKey(scalar);
  const point = ecdh.getPublicKey();
  // SEC 1 ECPrivateKey inside PKCS #8; OpenSSL reads a key on the SM2 curve as an SM2 key (SM2DSA).
  const ecPrivateKey = derSequence(derSmallInteger(1), derOctetString(scalar), derElement(0xa1, derBitString(point)));
  const pkcs8 = privateKeyInfo(EC_PUBLIC_KEY_OID, ecPrivateKey, derOid(curve.oid));
  const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  return fromNode(params, privateKey, { ec: { scalar, point }, pkcs8 });
}

function latticeKeyPair(params: LatticeKeyPair['params'], seed: Uint8Array): LatticeKeyPair {
  if (params.kind === 'ml-dsa') {
    const keys = mlDsa(params.level).keygen(expand(seed, 'ml-dsa', 32));
    const oid = LATTICE_OIDS['ml-dsa'][params.level];
    // ML-DSA keys are never exported (no ML-DSA data key pairs); the expanded form is what we hold.
    return {
      kind: 'lattice',
      params,
      secretKey: keys.secretKey,
      publicKey: keys.publicKey,
      spki: subjectPublicKeyInfo(oid, keys.publicKey),
      pkcs8: privateKeyInfo(oid, derOctetString(keys.secretKey)),
    };
  }
  const kemSeed = expand(seed, 'ml-kem', 64);
  const keys = mlKem(params.level).keygen(kemSeed);
  const oid = LATTICE_OIDS['ml-kem'][params.level];
  // The seed choice of the IETF LAMPS ML-KEM private key format: [0] IMPLICIT OCTET STRING (SIZE (64)).
  return {
    kind: 'lattice',
    params,
    secretKey: keys.secretKey,
    publicKey: keys.publicKey,
    spki: subjectPublicKeyInfo(oid, keys.publicKey),
    pkcs8: privateKeyInfo(oid, derElement(0x80, kemSeed)),
  };
}

/**
 * The key pair of a key spec that `seed` (32 bytes or more) determines: the same seed gives the same
 * key pair, so a seeded vault has the same public keys on every run, and a key's pair can be made when
 * it is first used rather than when it is created.
 */
export function keyPairFromSeed(params: AsymmetricParams, seed: Uint8Array): KeyPair {
  switch (params.kind) {
    case 'rsa':
      return fromNode(params, rsaKeyFromSeed(seed, params.bits), {});
    case 'ec':
    case 'sm2':
      return ecKeyPair(params, seed);
    case 'ed25519': {
      const edSeed = expand(seed, 'ed25519', 32);
      const pkcs8 = privateKeyInfo(ED25519_OID, derOctetString(edSeed));
      return fromNode(params, createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }), { edSeed, pkcs8 });
    }
    default:
      return latticeKeyPair(params, seed);
  }
}

/** The curve of an elliptic-curve key pair, or undefined for other kinds. */
export function curveOf(pair: KeyPair): (typeof CURVES)[keyof typeof CURVES] | undefined {
  if (pair.params.kind === 'sm2') return CURVES.SM2;
  return pair.params.kind === 'ec' ? CURVES[pair.params.curve] : undefined;
}
