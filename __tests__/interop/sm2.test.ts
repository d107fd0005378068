import { CreateKeyCommand, GetPublicKeyCommand, SignCommand, VerifyCommand } from '@aws-sdk/client-kms';
import { vaultClient } from '../helpers/vault-client';
import { opensslWorkspace } from './openssl';

/** SM2 keys (China Regions): SM2DSA signatures with the default distinguishing id verify with openssl. */
describe('interop: SM2DSA signatures verify with openssl', () => {
  const { kms } = vaultClient({ seed: 'interop-sm2', clientRegion: 'cn-north-1' });
  const ws = opensslWorkspace();
  afterAll(() => ws.cleanup());

  it('openssl dgst -sm3 -verify accepts an SM2DSA signature of a RAW message', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY' }));
    expect(KeyMetadata?.SigningAlgorithms).toEqual(['SM2DSA']);
    const message = Buffer.from('signed in cn-north-1');
    const { Signature } = await kms.send(new SignCommand({ KeyId: KeyMetadata?.KeyId, Message: message, SigningAlgorithm: 'SM2DSA' }));
    const pem = ws.pem('sm2.pem', (await kms.send(new GetPublicKeyCommand({ KeyId: KeyMetadata?.KeyId }))).PublicKey as Uint8Array);
    expect(ws.run(['dgst', '-sm3', '-verify', pem, '-signature', ws.file('sm2.sig', Signature as Uint8Array), ws.file('message', message)])).toContain('Verified OK');
    expect((await kms.send(new VerifyCommand({ KeyId: KeyMetadata?.KeyId, Message: message, Signature, SigningAlgorithm: 'SM2DSA' }))).SignatureValid).toBe(true);
  });
});
