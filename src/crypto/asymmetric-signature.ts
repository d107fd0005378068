import { constants, createHash, privateEncrypt, publicDecrypt, sign, timingSafeEqual, verify } from 'node:crypto';
import type { MessageType } from '@aws-sdk/client-kms';
import type { SigningAlgorithmRule } from './params';
import { ecdsaSign } from './ecdsa';
import { curveOf, mlDsa, type KeyPair, type NodeKeyPair } from './key-pair';
import { mgf1 } from './mgf1';
import { nobleEd25519, nobleNist, nobleSecp256k1 } from './noble';
import { sm2Sign, sm2Verify } from './sm2-signature';

/** A source of random bytes: the vault's, so that a seeded vault repeats its signatures. */
export type RandomBytes = (length: number) => Uint8Array;

/** DigestInfo prefixes of EMSA-PKCS1-v1_5 (RFC 8017 9.2, note 1). */
const DIGEST_INFO: Readonly<Record<string, Buffer>> = {
  sha256: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  sha384: Buffer.from('3041300d060960864801650304020205000430', 'hex'),
  sha512: Buffer.from('3051300d060960864801650304020305000440', 'hex'),
};

/** ECDSA verification over a precomputed digest, which node:crypto cannot do (it always hashes). */
function ecdsaCurves() {
  const { p256, p384, p521 } = nobleNist();
  return { 'P-256': p256, 'P-384': p384, 'P-521': p521, secp256k1: nobleSecp256k1().secp256k1 } as const;
}

function node(pair: KeyPair): NodeKeyPair {
  if (pair.kind !== 'node') throw new Error(`a ${pair.params.kind} key pair cannot do this signing scheme`);
  return pair;
}

function modulusBits(pair: NodeKeyPair): number {
  return pair.publicKey.asymmetricKeyDetails?.modulusLength ?? 0;
}

/** EMSA-PSS-ENCODE (RFC 8017 9.1.1) of a message hash, salt length = hash length, the salt from `randomBytes`. */
function pssEncode(hash: string, mHash: Buffer, emBits: number, randomBytes: RandomBytes): Buffer {
  const hLen = mHash.length;
  const emLen = Math.ceil(emBits / 8);
  const salt = Buffer.from(randomBytes(hLen));
  const h = createHash(hash).update(Buffer.alloc(8)).update(mHash).update(salt).digest();
  const db = Buffer.concat([Buffer.alloc(emLen - 2 * hLen - 2), Buffer.from([1]), salt]);
  const mask = mgf1(hash, h, db.length);
  for (let i = 0; i < db.length; i++) db[i] = (db[i] ?? 0) ^ (mask[i] ?? 0);
  db[0] = (db[0] ?? 0) & (0xff >> (8 * emLen - emBits));
  return Buffer.concat([db, h, Buffer.from([0xbc])]);
}

/** EMSA-PSS-VERIFY (RFC 8017 9.1.2) with salt length = hash length. */
function pssVerify(hash: string, mHash: Buffer, em: Buffer, emBits: number): boolean {
  const hLen = mHash.length;
  const emLen = Math.ceil(emBits / 8);
  if (em.length !== emLen || em[emLen - 1] !== 0xbc) return false;
  const maskedDb = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  if (((maskedDb[0] ?? 0) & ~(0xff >> (8 * emLen - emBits)) & 0xff) !== 0) return false;
  const mask = mgf1(hash, h, maskedDb.length);
  const db = Buffer.from(maskedDb.map((b, i) => b ^ (mask[i] ?? 0)));
  db[0] = (db[0] ?? 0) & (0xff >> (8 * emLen - emBits));
  const psLen = emLen - 2 * hLen - 2;
  if (!db.subarray(0, psLen).every((b) => b === 0) || db[psLen] !== 1) return false;
  const salt = db.subarray(psLen + 1);
  const expected = createHash(hash).update(Buffer.alloc(8)).update(mHash).update(salt).digest();
  return timingSafeEqual(expected, h);
}

function padTo(bytes: Buffer, length: number): Buffer {
  return bytes.length >= length ? bytes : Buffer.concat([Buffer.alloc(length - bytes.length), bytes]);
}

/** The private scalar and public point of an elliptic-curve key pair; read from its JWK when the pair was imported. */
function ecKeys(pair: NodeKeyPair): { readonly scalar: Uint8Array; readonly point: Uint8Array } {
  if (pair.ec) return pair.ec;
  const jwk = pair.privateKey.export({ format: 'jwk' });
  const part = (value: string | undefined) => Buffer.from(value ?? '', 'base64url');
  return { scalar: part(jwk.d), point: Buffer.concat([Buffer.from([4]), part(jwk.x), part(jwk.y)]) };
}

/**
 * Signs as KMS does: RSASSA-PSS with salt length = digest length, RSASSA-PKCS1-v1_5, ECDSA with a DER
 * signature (RFC 3279), Ed25519 (PureEdDSA) or Ed25519ph, SM2DSA (KMS's distinguishing id 1234567812345678), ML-DSA
 * (pure, empty context). With MessageType DIGEST, `message` is the hash of the message (Ed25519ph still
 * hashes it once more); with EXTERNAL_MU it is ML-DSA's μ. Every random choice (PSS salt, ECDSA and
 * SM2DSA k, ML-DSA's rnd) comes from `randomBytes`, so a seeded vault repeats its signatures. ECDSA's
 * s is not normalized: as from KMS, about half the signatures have s above n/2.
 */
export function signMessage(pair: KeyPair, rule: SigningAlgorithmRule, message: Buffer, messageType: MessageType, randomBytes: RandomBytes): Buffer {
  const prehashed = messageType !== 'RAW';
  switch (rule.scheme) {
    case 'rsa-pkcs1': {
      const key = node(pair).privateKey;
      if (!prehashed) return sign(rule.hash, message, key);
      return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([DIGEST_INFO[rule.hash] ?? Buffer.alloc(0), message]));
    }
    case 'rsa-pss': {
      const rsa = node(pair);
      const mHash = prehashed ? message : createHash(rule.hash).update(message).digest();
      const bits = modulusBits(rsa);
      const em = padTo(pssEncode(rule.hash, mHash, bits - 1, randomBytes), bits / 8);
      return privateEncrypt({ key: rsa.privateKey, padding: constants.RSA_NO_PADDING }, em);
    }
    case 'ecdsa': {
      const ec = node(pair);
      const digest = prehashed ? message : createHash(rule.hash).update(message).digest();
      return ecdsaSign(curveOf(ec)?.nodeName ?? '', ecKeys(ec).scalar, digest, randomBytes);
    }
    case 'ed25519':
      return sign(null, message, node(pair).privateKey);
    case 'ed25519ph':
      return Buffer.from(nobleEd25519().ed25519ph.sign(message, node(pair).edSeed ?? Buffer.alloc(0)));
    case 'sm2dsa': {
      const keys = ecKeys(node(pair));
      return sm2Sign(keys.scalar, keys.point, message, randomBytes);
    }
    case 'ml-dsa': {
      if (pair.kind !== 'lattice' || pair.params.kind !== 'ml-dsa') throw new Error('ML-DSA needs an ML-DSA key pair');
      const dsa = mlDsa(pair.params.level);
      // FIPS 204's hedged variant: the 32-byte rnd from the vault's randomness.
      const extraEntropy = Uint8Array.from(randomBytes(32));
      return Buffer.from(
        prehashed ? dsa.internal.sign(message, pair.secretKey, { externalMu: true, extraEntropy }) : dsa.sign(message, pair.secretKey, { extraEntropy }),
      );
    }
  }
}

/** Whether `signature` is a valid signature of `message` (as {@link signMessage} reads it) under the pair's public key. */
export function verifySignature(pair: KeyPair, rule: SigningAlgorithmRule, message: Buffer, messageType: MessageType, signature: Buffer): boolean {
  const prehashed = messageType !== 'RAW';
  try {
    switch (rule.scheme) {
      case 'rsa-pkcs1': {
        const key = node(pair).publicKey;
        if (!prehashed) return verify(rule.hash, message, key, signature);
        const decoded = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
        const expected = Buffer.concat([DIGEST_INFO[rule.hash] ?? Buffer.alloc(0), message]);
        return decoded.length === expected.length && timingSafeEqual(decoded, expected);
      }
      case 'rsa-pss': {
        const rsa = node(pair);
        if (!prehashed) {
          return verify(
            rule.hash,
            message,
            { key: rsa.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
            signature,
          );
        }
        const bits = modulusBits(rsa);
        if (signature.length !== bits / 8) return false;
        const em = publicDecrypt({ key: rsa.publicKey, padding: constants.RSA_NO_PADDING }, signature);
        return pssVerify(rule.hash, message, em.subarray(em.length - Math.ceil((bits - 1) / 8)), bits - 1);
      }
      case 'ecdsa': {
        const ec = node(pair);
        if (!prehashed) return verify(rule.hash, message, { key: ec.publicKey, dsaEncoding: 'der' }, signature);
        const curve = ecdsaCurves()[ec.params.kind === 'ec' ? ec.params.curve : 'P-256'];
        return curve.verify(signature, message, ecKeys(ec).point, { prehash: false, format: 'der', lowS: false });
      }
      case 'ed25519':
        return verify(null, message, node(pair).publicKey, signature);
      case 'ed25519ph': {
        const ed = node(pair);
        const { ed25519ph } = nobleEd25519();
        return ed25519ph.verify(signature, message, ed25519ph.getPublicKey(ed.edSeed ?? Buffer.alloc(0)));
      }
      case 'sm2dsa':
        return sm2Verify(ecKeys(node(pair)).point, message, signature);
      case 'ml-dsa': {
        if (pair.kind !== 'lattice' || pair.params.kind !== 'ml-dsa') return false;
        const dsa = mlDsa(pair.params.level);
        return prehashed ? dsa.internal.verify(signature, message, pair.publicKey, { externalMu: true }) : dsa.verify(signature, message, pair.publicKey);
      }
    }
  } catch {
    // A malformed signature (wrong length, bad DER, out-of-range values) is simply not valid.
    return false;
  }
}
