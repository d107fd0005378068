import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { openSymmetric, sealSymmetric, symmetricMaterialId, type ExternalLayer } from '../../src/crypto/symmetric-ciphertext';

/** An in-memory stand-in for a proxy: AES-256-GCM with the IV size and metadata it is given. */
function layer(ivBytes: 12 | 16, metadata: Buffer): ExternalLayer & { calls: string[] } {
  const key = randomBytes(32);
  const calls: string[] = [];
  const aadOf = (aad: Buffer, meta: Buffer): Buffer =>
    Buffer.concat([Buffer.from([aad.length >> 8, aad.length & 0xff]), aad, Buffer.from([meta.length]), meta]);
  return {
    calls,
    encrypt(inner, aad) {
      calls.push('encrypt');
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aadOf(aad, metadata));
      const ciphertext = Buffer.concat([cipher.update(inner), cipher.final()]);
      return { ciphertext, iv, tag: cipher.getAuthTag(), metadata };
    },
    decrypt(outer, aad) {
      calls.push('decrypt');
      const decipher = createDecipheriv('aes-256-gcm', key, outer.iv);
      decipher.setAAD(aadOf(aad, outer.metadata));
      decipher.setAuthTag(outer.tag);
      try {
        return Buffer.concat([decipher.update(outer.ciphertext), decipher.final()]);
      } catch {
        throw new Error('proxy: InvalidCiphertextException');
      }
    },
    innerLayerError: () => new Error('inner layer'),
  };
}

const material = { idBytes: randomBytes(32), secret: randomBytes(32) };
const context = Buffer.from('encoded-context');

describe('blobs whose outer layer a real proxy makes (double encryption, Developer Guide)', () => {
  it.each([
    [12, 0],
    [12, 6],
    [16, 20],
  ] as const)('round trip with a %i-byte proxy IV and %i bytes of ciphertextMetadata; the header still names the key material', (ivBytes, metadataBytes) => {
    const proxy = layer(ivBytes, randomBytes(metadataBytes));
    const blob = sealSymmetric(material, Buffer.from('secret'), context, randomBytes(12), proxy);
    expect(symmetricMaterialId(blob)).toBe(material.idBytes.toString('hex'));
    expect(openSymmetric(blob, material.secret, context, undefined, proxy)?.toString()).toBe('secret');
    expect(proxy.calls).toEqual(['encrypt', 'decrypt']);
  });

  it('the proxy sees the header and the encryption context as AAD: another context fails in the proxy', () => {
    const proxy = layer(12, Buffer.alloc(0));
    const blob = sealSymmetric(material, Buffer.from('secret'), context, randomBytes(12), proxy);
    expect(() => openSymmetric(blob, material.secret, Buffer.from('other'), undefined, proxy)).toThrow('proxy: InvalidCiphertextException');
  });

  it("a proxy whose plaintext is not KMS's layer gives the layer's inner-layer error", () => {
    const proxy = layer(12, Buffer.alloc(0));
    const blob = sealSymmetric(material, Buffer.from('secret'), context, randomBytes(12), proxy);
    expect(() => openSymmetric(blob, randomBytes(32), context, undefined, proxy)).toThrow('inner layer');
  });

  it('a blob of the wrong shape is refused before the proxy is asked (no header, IV length, metadata over 20 bytes, too short)', () => {
    const proxy = layer(12, Buffer.alloc(0));
    const blob = sealSymmetric(material, Buffer.from('secret'), context, randomBytes(12), proxy);
    proxy.calls.length = 0;
    const withIvLength = Buffer.from(blob);
    withIvLength[37 + 12] = 13;
    const withMetadataLength = Buffer.from(blob);
    withMetadataLength[37 + 12 + 1 + 12] = 21;
    for (const bad of [Buffer.from('not a blob'), withIvLength, withMetadataLength, blob.subarray(0, 37 + 12 + 1 + 12 + 1 + 16 + 4)]) {
      expect(openSymmetric(bad, material.secret, context, undefined, proxy)).toBeUndefined();
    }
    expect(proxy.calls).toEqual([]);
  });
});
