import { CreateKeyCommand, DecryptCommand, EncryptCommand, GetPublicKeyCommand, SignCommand, VerifyCommand } from '@aws-sdk/client-kms';
import { keyPairOf } from '../../src/vault/key-pair-of';
import { vaultClient } from '../helpers/vault-client';
import { opensslWorkspace } from './openssl';

/** SM2 keys (China Regions): SM2DSA signatures with the default distinguishing id verify with openssl. */
describe('interop: SM2DSA signatures verify with openssl', () => {
  const { kms } = vaultClient({ seed: 'interop-sm2', clientRegion: 'cn-north-1' });
  const ws = opensslWorkspace();
  afterAll(() => ws.cleanup());

  it("openssl dgst -sm3 -verify with KMS's distinguishing id 1234567812345678 (-sigopt distid) accepts an SM2DSA signature of a RAW message (Developer Guide, offline verification with SM2 key pairs)", async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY' }));
    expect(KeyMetadata?.SigningAlgorithms).toEqual(['SM2DSA']);
    const message = Buffer.from('signed in cn-north-1');
    const { Signature } = await kms.send(new SignCommand({ KeyId: KeyMetadata?.KeyId, Message: message, SigningAlgorithm: 'SM2DSA' }));
    const pem = ws.pem('sm2.pem', (await kms.send(new GetPublicKeyCommand({ KeyId: KeyMetadata?.KeyId }))).PublicKey as Uint8Array);
    expect(
      ws.run([
        'dgst',
        '-sm3',
        '-sigopt',
        'distid:1234567812345678',
        '-verify',
        pem,
        '-signature',
        ws.file('sm2.sig', Signature as Uint8Array),
        ws.file('message', message),
      ]),
    ).toContain('Verified OK');
    expect((await kms.send(new VerifyCommand({ KeyId: KeyMetadata?.KeyId, Message: message, Signature, SigningAlgorithm: 'SM2DSA' }))).SignatureValid).toBe(
      true,
    );
  });
});

/**
 * SM2PKE ciphertexts are the DER SM2 ciphertexts of GM/T 0009 (C1, C3, C2) that OpenSSL 3 makes and
 * reads with `pkeyutl`: KMS's Developer Guide has SM2 public keys used for encryption outside KMS.
 */
describe('interop: SM2PKE ciphertexts are what openssl pkeyutl makes and reads', () => {
  const { kms, vault } = vaultClient({ seed: 'interop-sm2pke', clientRegion: 'cn-north-1' });
  const ws = opensslWorkspace();
  afterAll(() => ws.cleanup());
  let keyId: string;
  beforeAll(async () => {
    keyId = (await kms.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'ENCRYPT_DECRYPT' }))).KeyMetadata?.KeyId as string;
  });

  it.each([1, 32, 33, 200, 1024])(
    'a %i-byte plaintext that openssl pkeyutl -encrypt encrypted with the public key from GetPublicKey decrypts with Decrypt',
    async (size) => {
      const pem = ws.pem('sm2-encrypt.pem', (await kms.send(new GetPublicKeyCommand({ KeyId: keyId }))).PublicKey as Uint8Array);
      const plaintext = Buffer.alloc(size, 0).map((_, i) => (i * 7 + size) & 0xff);
      ws.run(['pkeyutl', '-encrypt', '-pubin', '-inkey', pem, '-in', ws.file('outside.txt', plaintext), '-out', 'outside.sm2']);
      const ciphertext = Buffer.from(ws.run(['base64', '-A', '-in', 'outside.sm2']), 'base64');
      const { Plaintext } = await kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: ciphertext, EncryptionAlgorithm: 'SM2PKE' }));
      expect(Buffer.from(Plaintext as Uint8Array)).toEqual(plaintext);
    },
  );

  it("what Encrypt makes, openssl asn1parse reads as SEQUENCE { INTEGER, INTEGER, OCTET STRING (SM3), OCTET STRING } and openssl pkeyutl -decrypt opens with the key pair's private key", async () => {
    const plaintext = Buffer.from('encrypted by kms-vault-mock, decrypted by openssl');
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext, EncryptionAlgorithm: 'SM2PKE' }));
    const blob = ws.file('inside.sm2', CiphertextBlob as Uint8Array);
    const parsed = ws
      .run(['asn1parse', '-inform', 'DER', '-in', blob])
      .split('\n')
      .filter((line) => line.includes('d=1'))
      .map((line) => /prim:\s+(INTEGER|OCTET STRING)/.exec(line)?.[1]);
    expect(parsed).toEqual(['INTEGER', 'INTEGER', 'OCTET STRING', 'OCTET STRING']);
    // KMS never exports an SM2 key's private key; the test reads it from the vault's state.
    const record = vault.state.peek(vault.accountId, 'cn-north-1')?.keys.get(keyId);
    if (!record) throw new Error('the key is in the vault');
    const privateKey = ws.file('sm2-private.p8', keyPairOf(record).pkcs8);
    expect(Buffer.from(ws.run(['pkeyutl', '-decrypt', '-keyform', 'DER', '-inkey', privateKey, '-in', blob]), 'latin1')).toEqual(plaintext);
  });
});
