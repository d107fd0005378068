import { execFileSync } from 'node:child_process';
import { createPublicKey, publicEncrypt, privateDecrypt } from 'node:crypto';
import { rsaKeyFromSeed } from '../../src/crypto/rsa-key-generation';

describe('RSA key pairs derived from a seed (docs/decisions/005)', () => {
  const seed = Buffer.alloc(32, 7);
  const key = rsaKeyFromSeed(seed, 2048);

  it('is a 2048-bit key with public exponent 65537 that openssl rsa -check accepts', () => {
    expect(key.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
    const pem = key.export({ type: 'pkcs8', format: 'pem' });
    expect(execFileSync('openssl', ['rsa', '-check', '-noout'], { input: pem }).toString()).toContain('RSA key ok');
  });

  it('is the same key for the same seed, another for another seed', () => {
    const spki = (k: typeof key) => createPublicKey(k).export({ type: 'spki', format: 'der' });
    expect(spki(rsaKeyFromSeed(Buffer.alloc(32, 7), 2048))).toEqual(spki(key));
    expect(spki(rsaKeyFromSeed(Buffer.alloc(32, 8), 2048))).not.toEqual(spki(key));
  });

  it('encrypts and decrypts', () => {
    const ciphertext = publicEncrypt(createPublicKey(key), Buffer.from('round trip'));
    expect(privateDecrypt(key, ciphertext).toString()).toBe('round trip');
  });
});
