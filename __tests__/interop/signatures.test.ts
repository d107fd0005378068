import { createHash, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { CreateKeyCommand, GetPublicKeyCommand, SignCommand, type KeySpec, type SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import { vaultClient } from '../helpers/vault-client';
import { opensslWorkspace } from './openssl';

/** Signatures made by the vault verify outside it: with the `openssl` command line and with node:crypto, against GetPublicKey's output. */
describe('interop: KMS signatures verify with openssl and node:crypto', () => {
  const { kms } = vaultClient({ seed: 'interop-signatures' });
  const ws = opensslWorkspace();
  const message = Buffer.from('a message signed by kms-vault-mock');
  const messageFile = ws.file('message', message);
  afterAll(() => ws.cleanup());

  const keys = new Map<KeySpec, { keyId: string; spki: Uint8Array; pem: string }>();
  async function key(KeySpec: KeySpec): Promise<{ keyId: string; spki: Uint8Array; pem: string }> {
    let k = keys.get(KeySpec);
    if (!k) {
      const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage: 'SIGN_VERIFY' }));
      const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: KeyMetadata?.KeyId }));
      k = { keyId: KeyMetadata?.KeyId as string, spki: PublicKey as Uint8Array, pem: ws.pem(`${KeySpec}.pem`, PublicKey as Uint8Array) };
      keys.set(KeySpec, k);
    }
    return k;
  }

  async function signature(
    KeySpec: KeySpec,
    SigningAlgorithm: SigningAlgorithmSpec,
    name: string,
    digest?: Buffer,
  ): Promise<{ file: string; bytes: Buffer; pem: string; spki: Uint8Array }> {
    const k = await key(KeySpec);
    const input = digest ? { Message: digest, MessageType: 'DIGEST' as const } : { Message: message };
    const { Signature } = await kms.send(new SignCommand({ KeyId: k.keyId, SigningAlgorithm, ...input }));
    const bytes = Buffer.from(Signature as Uint8Array);
    return { file: ws.file(name, bytes), bytes, pem: k.pem, spki: k.spki };
  }

  it.each<[KeySpec, SigningAlgorithmSpec, string]>([
    ['RSA_2048', 'RSASSA_PKCS1_V1_5_SHA_256', 'sha256'],
    ['RSA_2048', 'RSASSA_PKCS1_V1_5_SHA_512', 'sha512'],
    ['ECC_NIST_P256', 'ECDSA_SHA_256', 'sha256'],
    ['ECC_NIST_P384', 'ECDSA_SHA_384', 'sha384'],
    ['ECC_NIST_P521', 'ECDSA_SHA_512', 'sha512'],
    ['ECC_SECG_P256K1', 'ECDSA_SHA_256', 'sha256'],
  ])('%s %s: openssl dgst -%s -verify says Verified OK', async (KeySpec, SigningAlgorithm, hash) => {
    const sig = await signature(KeySpec, SigningAlgorithm, `${KeySpec}-${SigningAlgorithm}.sig`);
    expect(ws.run(['dgst', `-${hash}`, '-verify', sig.pem, '-signature', sig.file, messageFile])).toContain('Verified OK');
    expect(nodeVerify(hash, message, createPublicKey({ key: Buffer.from(sig.spki), format: 'der', type: 'spki' }), sig.bytes)).toBe(true);
  });

  it.each<[SigningAlgorithmSpec, string, number]>([
    ['RSASSA_PSS_SHA_256', 'sha256', 32],
    ['RSASSA_PSS_SHA_384', 'sha384', 48],
    ['RSASSA_PSS_SHA_512', 'sha512', 64],
  ])('%s: openssl verifies RSA-PSS with MGF1-%s and a salt length of exactly %i bytes', async (SigningAlgorithm, hash, saltLength) => {
    const sig = await signature('RSA_2048', SigningAlgorithm, `${SigningAlgorithm}.sig`);
    const args = (salt: number) => [
      'dgst',
      `-${hash}`,
      '-sigopt',
      'rsa_padding_mode:pss',
      '-sigopt',
      `rsa_pss_saltlen:${salt}`,
      '-sigopt',
      `rsa_mgf1_md:${hash}`,
      '-verify',
      sig.pem,
      '-signature',
      sig.file,
      messageFile,
    ];
    expect(ws.run(args(saltLength))).toContain('Verified OK');
    expect(() => ws.run(args(saltLength + 1))).toThrow();
  });

  it('a DIGEST signed by KMS verifies with openssl pkeyutl over the same digest, and with openssl dgst over the message', async () => {
    const digest = createHash('sha256').update(message).digest();
    const digestFile = ws.file('digest', digest);
    for (const [KeySpec, SigningAlgorithm] of [
      ['ECC_NIST_P256', 'ECDSA_SHA_256'],
      ['RSA_2048', 'RSASSA_PKCS1_V1_5_SHA_256'],
    ] as const) {
      const sig = await signature(KeySpec, SigningAlgorithm, `${KeySpec}-digest.sig`, digest);
      expect(ws.run(['pkeyutl', '-verify', '-pubin', '-inkey', sig.pem, '-in', digestFile, '-sigfile', sig.file, '-pkeyopt', 'digest:sha256'])).toContain(
        'Signature Verified Successfully',
      );
      expect(ws.run(['dgst', '-sha256', '-verify', sig.pem, '-signature', sig.file, messageFile])).toContain('Verified OK');
    }
    const pss = await signature('RSA_2048', 'RSASSA_PSS_SHA_256', 'pss-digest.sig', digest);
    expect(
      ws.run(['dgst', '-sha256', '-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32', '-verify', pss.pem, '-signature', pss.file, messageFile]),
    ).toContain('Verified OK');
  });

  it('ECC_NIST_EDWARDS25519 ED25519_SHA_512: openssl pkeyutl -rawin verifies the PureEdDSA signature', async () => {
    const sig = await signature('ECC_NIST_EDWARDS25519', 'ED25519_SHA_512', 'ed25519.sig');
    expect(ws.run(['pkeyutl', '-verify', '-pubin', '-inkey', sig.pem, '-rawin', '-in', messageFile, '-sigfile', sig.file])).toContain(
      'Signature Verified Successfully',
    );
  });

  it('a signature over another message does not verify with openssl', async () => {
    const sig = await signature('ECC_NIST_P256', 'ECDSA_SHA_256', 'other.sig');
    const other = ws.file('other-message', 'another message');
    expect(() => ws.run(['dgst', '-sha256', '-verify', sig.pem, '-signature', sig.file, other])).toThrow();
  });
});
