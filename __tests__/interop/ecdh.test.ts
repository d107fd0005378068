import { CreateKeyCommand, DeriveSharedSecretCommand, GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { vaultClient } from '../helpers/vault-client';
import { opensslWorkspace } from './openssl';

/** The shared secret DeriveSharedSecret returns is the one the peer computes with openssl pkeyutl -derive. */
describe('interop: ECDH shared secrets agree with openssl', () => {
  const { kms } = vaultClient({ seed: 'interop-ecdh' });
  const ws = opensslWorkspace();
  afterAll(() => ws.cleanup());

  it.each([
    ['ECC_NIST_P256', 'prime256v1'],
    ['ECC_NIST_P521', 'secp521r1'],
  ] as const)('%s: the peer (openssl, %s) derives the same secret from the KMS public key', async (KeySpec, curve) => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage: 'KEY_AGREEMENT' }));
    const kmsPublic = ws.pem(`${curve}-kms.pem`, (await kms.send(new GetPublicKeyCommand({ KeyId: KeyMetadata?.KeyId }))).PublicKey as Uint8Array);
    ws.run(['genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${curve}`, '-out', `${curve}-peer.pem`]);
    ws.run(['pkey', '-in', `${curve}-peer.pem`, '-pubout', '-outform', 'DER', '-out', `${curve}-peer.der`]);
    const peerPublic = Buffer.from(ws.run(['base64', '-A', '-in', `${curve}-peer.der`]), 'base64');
    ws.run(['pkeyutl', '-derive', '-inkey', `${curve}-peer.pem`, '-peerkey', kmsPublic, '-out', `${curve}-secret`]);
    const theirs = Buffer.from(ws.run(['base64', '-A', '-in', `${curve}-secret`]), 'base64');
    const { SharedSecret } = await kms.send(new DeriveSharedSecretCommand({ KeyId: KeyMetadata?.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: peerPublic }));
    expect(Buffer.from(SharedSecret as Uint8Array)).toEqual(theirs);
  });
});
