import { CreateKeyCommand, DecryptCommand, GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { vaultClient } from '../helpers/vault-client';
import { opensslWorkspace } from './openssl';

/** Data encrypted outside the vault with the public key (openssl pkeyutl, RSA-OAEP) decrypts inside. */
describe('interop: RSA-OAEP ciphertexts made by openssl decrypt in the vault', () => {
  const { kms } = vaultClient({ seed: 'interop-oaep' });
  const ws = opensslWorkspace();
  afterAll(() => ws.cleanup());

  it.each([
    ['RSAES_OAEP_SHA_1', 'sha1'],
    ['RSAES_OAEP_SHA_256', 'sha256'],
  ] as const)('%s: openssl pkeyutl -encrypt with OAEP and MGF1 over %s', async (EncryptionAlgorithm, hash) => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }));
    const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: KeyMetadata?.KeyId }));
    const pem = ws.pem(`${hash}.pem`, PublicKey as Uint8Array);
    const plaintext = ws.file(`${hash}.txt`, 'encrypted by openssl');
    ws.run([
      'pkeyutl',
      '-encrypt',
      '-pubin',
      '-inkey',
      pem,
      '-in',
      plaintext,
      '-out',
      `${hash}.bin`,
      '-pkeyopt',
      'rsa_padding_mode:oaep',
      '-pkeyopt',
      `rsa_oaep_md:${hash}`,
      '-pkeyopt',
      `rsa_mgf1_md:${hash}`,
    ]);
    const ciphertext = ws.run(['base64', '-A', '-in', `${hash}.bin`]);
    const out = await kms.send(new DecryptCommand({ KeyId: KeyMetadata?.KeyId, CiphertextBlob: Buffer.from(ciphertext, 'base64'), EncryptionAlgorithm }));
    expect(Buffer.from(out.Plaintext as Uint8Array).toString()).toBe('encrypted by openssl');
  });
});
