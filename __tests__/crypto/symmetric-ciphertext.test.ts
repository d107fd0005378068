import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { encodeEncryptionContext } from '../../src/crypto/encryption-context';
import { openSymmetric, sealSymmetric, symmetricMaterialId } from '../../src/crypto/symmetric-ciphertext';

const key = { idBytes: randomBytes(32), secret: randomBytes(32) };
const noContext = encodeEncryptionContext(undefined);

describe('symmetric ciphertext format (docs/architecture.md: a real KMS blob layout)', () => {
  it('round-trips plaintexts of 1 to 4096 bytes', () => {
    for (const size of [1, 32, 127, 128, 255, 256, 4096]) {
      const plaintext = randomBytes(size);
      const blob = sealSymmetric(key, plaintext, noContext, randomBytes(12));
      expect(openSymmetric(blob, key.secret, noContext)).toEqual(plaintext);
    }
  });

  it('starts with the real-KMS header and names the key material', () => {
    const blob = sealSymmetric(key, Buffer.from('x'), noContext, randomBytes(12));
    expect([...blob.subarray(0, 5)]).toEqual([0x01, 0x02, 0x02, 0x00, 0x78]);
    expect(symmetricMaterialId(blob)).toBe(key.idBytes.toString('hex'));
  });

  it('carries a DER CMS EncryptedData with id-aes256-GCM (12-byte nonce, 16-byte ICV) that openssl asn1parse reads', () => {
    const blob = sealSymmetric(key, randomBytes(300), noContext, randomBytes(12));
    const derLength = blob.readUInt32BE(37);
    const der = blob.subarray(41);
    expect(der.length).toBe(derLength);
    const parsed = execFileSync('openssl', ['asn1parse', '-inform', 'DER'], { input: der }).toString();
    expect(parsed).toContain('pkcs7-encryptedData');
    expect(parsed).toContain('pkcs7-data');
    expect(parsed).toContain('aes-256-gcm');
    expect(parsed).toMatch(/OCTET STRING\s+\[HEX DUMP\]:[0-9A-F]{24}\n/);
    expect(parsed).toMatch(/INTEGER\s+:10\n/);
    expect(parsed).toMatch(/cont \[ 0 \]\s*\n$/);
  });

  it('rejects every single-byte change anywhere in the blob', () => {
    const blob = sealSymmetric(key, randomBytes(40), noContext, randomBytes(12));
    for (let i = 0; i < blob.length; i++) {
      const tampered = Buffer.from(blob);
      tampered[i] = (tampered[i] as number) ^ 0x01;
      expect(openSymmetric(tampered, key.secret, noContext)).toBeUndefined();
    }
  });

  it('rejects truncated and extended blobs', () => {
    const blob = sealSymmetric(key, randomBytes(40), noContext, randomBytes(12));
    expect(openSymmetric(blob.subarray(0, blob.length - 1), key.secret, noContext)).toBeUndefined();
    expect(openSymmetric(Buffer.concat([blob, Buffer.from([0])]), key.secret, noContext)).toBeUndefined();
    expect(openSymmetric(blob.subarray(0, 10), key.secret, noContext)).toBeUndefined();
  });

  it('rejects another key material and another encryption context', () => {
    const context = encodeEncryptionContext({ purpose: 'test' });
    const blob = sealSymmetric(key, Buffer.from('secret'), context, randomBytes(12));
    expect(openSymmetric(blob, randomBytes(32), context)).toBeUndefined();
    expect(openSymmetric(blob, key.secret, noContext)).toBeUndefined();
    expect(openSymmetric(blob, key.secret, encodeEncryptionContext({ purpose: 'tesT' }))).toBeUndefined();
    expect(openSymmetric(blob, key.secret, context)).toEqual(Buffer.from('secret'));
  });
});

describe('encryption context encoding (docs/architecture.md: length-prefixed canonical encoding)', () => {
  it('keeps {"ab":"c"} and {"a":"bc"} apart', () => {
    expect(encodeEncryptionContext({ ab: 'c' })).not.toEqual(encodeEncryptionContext({ a: 'bc' }));
  });

  it('does not depend on the order the pairs are written in (KMS: order is irrelevant)', () => {
    expect(encodeEncryptionContext({ a: '1', b: '2' })).toEqual(encodeEncryptionContext({ b: '2', a: '1' }));
  });

  it('treats an empty context like none (KMS: an empty map is no encryption context)', () => {
    expect(encodeEncryptionContext({})).toEqual(encodeEncryptionContext(undefined));
  });

  it('distinguishes pairs that would collide under naive concatenation', () => {
    expect(encodeEncryptionContext({ a: 'b', c: 'd' })).not.toEqual(encodeEncryptionContext({ a: 'bc', '': 'd' }));
    expect(encodeEncryptionContext({ 'a=b': 'c' })).not.toEqual(encodeEncryptionContext({ a: 'b=c' }));
  });
});
