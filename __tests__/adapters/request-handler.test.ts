import { CreateAliasCommand, CreateKeyCommand, DecryptCommand, EncryptCommand, KMSClient, NotFoundException, ReEncryptCommand } from '@aws-sdk/client-kms';
import { KmsVault } from '../../src';
import { vaultRequestHandler } from '../../src/adapters/request-handler';
import { kmsErrorOf } from '../helpers/vault-client';

function client(vault: KmsVault, credentials = { accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'dummy' }, region = 'us-east-1'): KMSClient {
  return new KMSClient({ region, credentials, requestHandler: vaultRequestHandler(vault) });
}

describe('vaultRequestHandler: the SDK stack over AWS JSON 1.1, answered in-process', () => {
  it('round-trips Encrypt, ReEncrypt to an alias and Decrypt (blobs travel as base64)', async () => {
    const vault = new KmsVault();
    const kms = client(vault);
    const a = await kms.send(new CreateKeyCommand({ Description: 'source' }));
    const b = await kms.send(new CreateKeyCommand({}));
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/dest', TargetKeyId: b.KeyMetadata?.KeyId }));
    expect(a.KeyMetadata?.CreationDate).toBeInstanceOf(Date);
    expect(Math.abs((a.KeyMetadata?.CreationDate?.getTime() ?? 0) - Date.now())).toBeLessThan(5000);
    const plaintext = new TextEncoder().encode('hello wire');
    const enc = await kms.send(new EncryptCommand({ KeyId: a.KeyMetadata?.KeyId, Plaintext: plaintext, EncryptionContext: { purpose: 'test' } }));
    expect(enc.$metadata.httpStatusCode).toBe(200);
    const re = await kms.send(
      new ReEncryptCommand({ CiphertextBlob: enc.CiphertextBlob, SourceEncryptionContext: { purpose: 'test' }, DestinationKeyId: 'alias/dest' }),
    );
    expect(re.KeyId).toBe(b.KeyMetadata?.Arn);
    const dec = await kms.send(new DecryptCommand({ CiphertextBlob: re.CiphertextBlob }));
    expect(new TextDecoder().decode(dec.Plaintext)).toBe('hello wire');
    expect(dec.KeyId).toBe(b.KeyMetadata?.Arn);
  });

  it('answers KMS errors with the SDK exception class, status 400 and the message as KMS sends them', async () => {
    const vault = new KmsVault();
    const kms = client(vault);
    const error = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: 'alias/missing', Plaintext: new Uint8Array([1]) })));
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe('Alias arn:aws:kms:us-east-1:111122223333:alias/missing is not found.');
    expect(error.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('acts in the region the request was signed for', async () => {
    const vault = new KmsVault();
    const created = await client(vault, undefined, 'eu-west-1').send(new CreateKeyCommand({}));
    expect(created.KeyMetadata?.Arn).toMatch(/^arn:aws:kms:eu-west-1:111122223333:key\//);
  });
});
