import { X509Certificate } from 'node:crypto';
import { KmsVault } from '../../src';
import { CborError, decodeCbor, encodeCbor } from '../../src/nitro/cbor';
import { opensslWorkspace } from '../interop/openssl';

describe('CBOR (RFC 8949) as attestation documents use it', () => {
  it('encodes the RFC 8949 appendix A examples it supports', () => {
    const hex = (v: Parameters<typeof encodeCbor>[0]) => encodeCbor(v).toString('hex');
    expect(hex(0)).toBe('00');
    expect(hex(23)).toBe('17');
    expect(hex(24)).toBe('1818');
    expect(hex(1000)).toBe('1903e8');
    expect(hex(1000000)).toBe('1a000f4240');
    expect(hex(1000000000000)).toBe('1b000000e8d4a51000');
    expect(hex(-1)).toBe('20');
    expect(hex(-1000)).toBe('3903e7');
    expect(hex('IETF')).toBe('6449455446');
    expect(hex(new Uint8Array([1, 2, 3, 4]))).toBe('4401020304');
    expect(hex([1, [2, 3], [4, 5]])).toBe('8301820203820405');
    expect(
      hex(
        new Map<number | string, number>([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe('a201020304');
    expect(hex(false)).toBe('f4');
    expect(hex(null)).toBe('f6');
    expect(hex({ tag: 18, value: [] })).toBe('d280');
  });

  it('decodes what it encodes', () => {
    const value = new Map<string | number, unknown>([
      ['a', 1],
      [-35, new Uint8Array([9, 8])],
      ['nested', [true, null, 'x', new Map([[0, new Uint8Array(48)]])]],
    ]);
    expect(decodeCbor(encodeCbor(value as never))).toEqual(value);
  });

  it('refuses trailing bytes, truncation, indefinite lengths, floats, duplicate keys', () => {
    for (const bad of ['0000', '19', '5f', 'f93c00', 'a201020103', '9f']) {
      expect(() => decodeCbor(Buffer.from(bad, 'hex'))).toThrow(CborError);
    }
  });
});

describe('CloudHSM trust anchors (vault.addCloudHsmCluster)', () => {
  it('are self-signed CA certificates that X509Certificate and openssl read; a seeded vault repeats them', () => {
    const anchor = new KmsVault({ seed: 1 }).addCloudHsmCluster('cluster-234a5bcdefg').trustAnchorCertificate;
    expect(new KmsVault({ seed: 1 }).addCloudHsmCluster('cluster-234a5bcdefg').trustAnchorCertificate).toBe(anchor);
    const cert = new X509Certificate(anchor);
    expect(cert.ca).toBe(true);
    expect(cert.checkIssued(cert)).toBe(true);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.subject).toContain('CN=cluster-234a5bcdefg customer CA');
    const ws = opensslWorkspace();
    try {
      const file = ws.file('customerCA.crt', anchor);
      expect(ws.run(['verify', '-CAfile', file, file])).toContain('OK');
    } finally {
      ws.cleanup();
    }
  });
});
