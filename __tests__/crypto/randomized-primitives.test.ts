import { constants, createHash, generateKeyPairSync, privateDecrypt, verify } from 'node:crypto';
import { ecdsaSign } from '../../src/crypto/ecdsa';
import { rsaOaepEncrypt } from '../../src/crypto/rsa-oaep';
import { sm2Sign, sm2Verify } from '../../src/crypto/sm2-signature';
import { keyPairFromSeed, type NodeKeyPair } from '../../src/crypto/key-pair';
import { SeededRandom } from '../../src/vault/random';

const seeded = (seed: string) => {
  const random = new SeededRandom(seed);
  return (length: number) => random.bytes(length);
};

describe('RSAES-OAEP with the seed from the vault (RFC 8017 7.1.1)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  it.each([
    ['sha1', 214],
    ['sha256', 190],
  ] as const)('OAEP over %s: OpenSSL decrypts every length up to the limit (%i bytes), and a seed repeats the ciphertext', (hash, limit) => {
    for (const length of [0, 1, 100, limit]) {
      const plaintext = Buffer.alloc(length, 7);
      const ciphertext = rsaOaepEncrypt(publicKey, hash, plaintext, seeded(`oaep ${length}`));
      expect(ciphertext).toHaveLength(256);
      expect(privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, ciphertext).equals(plaintext)).toBe(true);
      expect(rsaOaepEncrypt(publicKey, hash, plaintext, seeded(`oaep ${length}`)).equals(ciphertext)).toBe(true);
    }
  });
});

describe('ECDSA with the nonce input from the vault (FIPS 186-5 6.4.1; RFC 6979 3.6, @noble/curves)', () => {
  it.each([
    ['prime256v1', 'sha256'],
    ['secp384r1', 'sha384'],
    ['secp521r1', 'sha512'],
    ['secp256k1', 'sha256'],
  ] as const)('%s over %s: node:crypto verifies the DER signature; the same seed gives the same signature', (curve, hash) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
    const scalar = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
    const message = Buffer.from('message');
    const digest = createHash(hash).update(message).digest();
    const signature = ecdsaSign(curve, scalar, digest, seeded('k'));
    expect(verify(hash, message, publicKey, signature)).toBe(true);
    expect(ecdsaSign(curve, scalar, digest, seeded('k')).equals(signature)).toBe(true);
    expect(verify(hash, Buffer.from('other'), publicKey, signature)).toBe(false);
    expect(ecdsaSign(curve, scalar, digest, seeded('another k')).equals(signature)).toBe(false);
  });

  it.each([
    ['prime256v1', 32],
    ['secp384r1', 48],
    ['secp521r1', 66],
    ['secp256k1', 32],
  ] as const)("%s: the nonce input is the order's length plus 8 bytes of the vault's randomness, drawn once per signature", (curve, orderBytes) => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: curve });
    const scalar = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
    const draws: number[] = [];
    const random = seeded('count');
    ecdsaSign(curve, scalar, Buffer.alloc(32, 1), (length) => {
      draws.push(length);
      return random(length);
    });
    expect(draws).toEqual([orderBytes + 8]);
  });
});

describe("SM2DSA with KMS's distinguishing id (GB/T 32918.2)", () => {
  const pair = keyPairFromSeed({ kind: 'sm2' } as Parameters<typeof keyPairFromSeed>[0], Buffer.alloc(32, 3)) as NodeKeyPair;
  const { scalar, point } = pair.ec ?? { scalar: Buffer.alloc(0), point: Buffer.alloc(0) };
  const message = Buffer.from('message');

  it("verifies its own signatures, not another message's or a changed signature; a seed repeats it", () => {
    const signature = sm2Sign(scalar, point, message, seeded('sm2'));
    expect(sm2Verify(point, message, signature)).toBe(true);
    expect(sm2Sign(scalar, point, message, seeded('sm2')).equals(signature)).toBe(true);
    expect(sm2Verify(point, Buffer.from('other'), signature)).toBe(false);
    const changed = Buffer.from(signature);
    changed[changed.length - 1] = (changed[changed.length - 1] ?? 0) ^ 1;
    expect(sm2Verify(point, message, changed)).toBe(false);
    expect(sm2Verify(point, message, Buffer.from('not der'))).toBe(false);
  });

  it("is not OpenSSL's default (empty) distinguishing id: node:crypto, which cannot set one, does not verify it", () => {
    expect(verify('sm3', message, pair.publicKey, sm2Sign(scalar, point, message, seeded('sm2')))).toBe(false);
  });
});
