import { DecryptCommand, DescribeKeyCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { KmsVault, startServer, vaultRequestHandler } from '../../src';
import { expectKmsError } from '../helpers/expect-kms-error';

const credentials = { accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'dummy' };
const SECRETS = 'secretsmanager.us-east-1.amazonaws.com';

/**
 * Developer Guide, kms:ViaService and "AWS managed keys": an AWS managed key is usable by the account's
 * principals only through its service. The request handler and the server take the same viaService
 * option as the plugin.
 */
describe('viaService over the wire', () => {
  it('the request handler: a client with viaService may use alias/aws/secretsmanager, one without may not', async () => {
    const vault = new KmsVault();
    const direct = new KMSClient({ region: 'us-east-1', credentials, requestHandler: vaultRequestHandler(vault) });
    const via = new KMSClient({ region: 'us-east-1', credentials, requestHandler: vaultRequestHandler(vault, { viaService: SECRETS }) });
    await direct.send(new DescribeKeyCommand({ KeyId: 'alias/aws/secretsmanager' }));
    const { CiphertextBlob } = await via.send(new EncryptCommand({ KeyId: 'alias/aws/secretsmanager', Plaintext: Buffer.from('s') }));
    await via.send(new DecryptCommand({ CiphertextBlob }));
    await expectKmsError(direct.send(new DecryptCommand({ CiphertextBlob })), { type: 'AccessDeniedException', status: 400 });
  });

  it('the server: startServer({ viaService }) gives every request that kms:ViaService', async () => {
    const vault = new KmsVault();
    await using server = await startServer({ vault, port: 0, viaService: SECRETS });
    const kms = new KMSClient({ region: 'us-east-1', credentials, endpoint: server.url });
    await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/secretsmanager' }));
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: 'alias/aws/secretsmanager', Plaintext: Buffer.from('s') }));
    const direct = new KMSClient({ region: 'us-east-1', credentials, requestHandler: vaultRequestHandler(vault) });
    await expectKmsError(direct.send(new DecryptCommand({ CiphertextBlob })), { type: 'AccessDeniedException', status: 400 });
    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(Plaintext as Uint8Array).toString()).toBe('s');
  });
});
