import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { CreateKeyCommand, GenerateDataKeyPairCommand, type DataKeyPairSpec } from '@aws-sdk/client-kms';
import { vaultClient } from '../helpers/vault-client';
import { opensslWorkspace } from './openssl';

/** The two halves of a data key pair belong together, as openssl and node:crypto see them. */
describe('interop: data key pair halves match', () => {
  const { kms } = vaultClient({ seed: 'interop-data-key-pair' });
  const ws = opensslWorkspace();
  afterAll(() => ws.cleanup());
  let keyId: string;
  beforeAll(async () => {
    keyId = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId as string;
  });

  it.each<DataKeyPairSpec>(['RSA_2048', 'ECC_NIST_P256', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'ECC_NIST_EDWARDS25519'])(
    '%s: openssl derives PublicKey from PrivateKeyPlaintext (PKCS #8 DER)',
    async (KeyPairSpec) => {
      const out = await kms.send(new GenerateDataKeyPairCommand({ KeyId: keyId, KeyPairSpec }));
      const privateFile = ws.file(`${KeyPairSpec}.p8`, out.PrivateKeyPlaintext as Uint8Array);
      ws.run(['pkey', '-inform', 'DER', '-in', privateFile, '-pubout', '-outform', 'DER', '-out', `${KeyPairSpec}.spki`]);
      const derived = Buffer.from(ws.run(['base64', '-A', '-in', `${KeyPairSpec}.spki`]), 'base64');
      expect(derived).toEqual(Buffer.from(out.PublicKey as Uint8Array));
      // And the pair works: a signature by the private half verifies with the public half.
      const privateKey = createPrivateKey({ key: Buffer.from(out.PrivateKeyPlaintext as Uint8Array), format: 'der', type: 'pkcs8' });
      const publicKey = createPublicKey({ key: Buffer.from(out.PublicKey as Uint8Array), format: 'der', type: 'spki' });
      const hash = KeyPairSpec === 'ECC_NIST_EDWARDS25519' ? null : 'sha256';
      expect(nodeVerify(hash, Buffer.from('m'), publicKey, nodeSign(hash, Buffer.from('m'), privateKey))).toBe(true);
    },
  );
});
