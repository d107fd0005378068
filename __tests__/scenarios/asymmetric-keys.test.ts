import { GenerateMacCommand, GetPublicKeyCommand, SignCommand, VerifyCommand } from '@aws-sdk/client-kms';
import { KmsVault, scenarios, vaultPlugin } from '../../src';
import { KMSClient } from '@aws-sdk/client-kms';
import { vaultClient } from '../helpers/vault-client';

describe('scenarios and snapshots with asymmetric and HMAC keys', () => {
  it('the built-in asymmetric-signing-key scenario gives an ECC_NIST_P256 key that signs as alias/signing', async () => {
    const { vault, kms } = vaultClient();
    vault.load(scenarios['asymmetric-signing-key']);
    const { Signature } = await kms.send(new SignCommand({ KeyId: 'alias/signing', Message: Buffer.from('m'), SigningAlgorithm: 'ECDSA_SHA_256' }));
    expect(
      (await kms.send(new VerifyCommand({ KeyId: 'alias/signing', Message: Buffer.from('m'), Signature, SigningAlgorithm: 'ECDSA_SHA_256' }))).SignatureValid,
    ).toBe(true);
  });

  it('a snapshot keeps key pairs and HMAC keys: the loaded vault has the same public key and MACs', async () => {
    const { vault, kms } = vaultClient();
    const signing = vault.execute('CreateKey', { KeySpec: 'ECC_SECG_P256K1', KeyUsage: 'SIGN_VERIFY' }).KeyMetadata?.KeyId as string;
    const mac = vault.execute('CreateKey', { KeySpec: 'HMAC_512', KeyUsage: 'GENERATE_VERIFY_MAC' }).KeyMetadata?.KeyId as string;
    const publicKey = (await kms.send(new GetPublicKeyCommand({ KeyId: signing }))).PublicKey;
    const tag = (await kms.send(new GenerateMacCommand({ KeyId: mac, Message: Buffer.from('m'), MacAlgorithm: 'HMAC_SHA_512' }))).Mac;

    const restored = new KmsVault();
    restored.load(vault.snapshot());
    const other = new KMSClient({ region: 'us-east-1' });
    other.middlewareStack.use(vaultPlugin(restored));
    expect((await other.send(new GetPublicKeyCommand({ KeyId: signing }))).PublicKey).toEqual(publicKey);
    expect((await other.send(new GenerateMacCommand({ KeyId: mac, Message: Buffer.from('m'), MacAlgorithm: 'HMAC_SHA_512' }))).Mac).toEqual(tag);
  });
});
