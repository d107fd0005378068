import { CreateKeyCommand, DecryptCommand, DescribeKeyCommand, EncryptCommand, KMSClient, ListKeysCommand, NotFoundException } from '@aws-sdk/client-kms';
import { KmsVault, KmsVaultMockError, vaultMiddleware, vaultMiddlewareOptions, vaultPlugin } from '../../src';
import { kmsErrorOf } from '../helpers/vault-client';

describe('vault middleware in a KMSClient', () => {
  const savedEnv = { ...process.env };
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  it('answers through client.middlewareStack.add(vaultMiddleware(vault), vaultMiddlewareOptions)', async () => {
    const vault = new KmsVault();
    const kms = new KMSClient({ region: 'us-east-1' });
    kms.middlewareStack.add(vaultMiddleware(vault), vaultMiddlewareOptions);
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    expect(KeyMetadata?.Arn).toMatch(/^arn:aws:kms:us-east-1:111122223333:key\/[0-9a-f-]{36}$/);
  });

  it('places itself at an absolute step, before anything the SDK does', () => {
    expect(vaultMiddlewareOptions).toMatchObject({ step: 'initialize', priority: 'high', name: expect.any(String) });
    const kms = new KMSClient({ region: 'us-east-1' });
    kms.middlewareStack.use(vaultPlugin(new KmsVault()));
    expect(kms.middlewareStack.identify()[0]).toBe(`${vaultMiddlewareOptions.name} - initialize`);
  });

  it('works with no region and no credentials configured: the client sees us-east-1 (issue: default region)', async () => {
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    process.env.AWS_CONFIG_FILE = '/nonexistent';
    process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent';
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_PROFILE;
    const vault = new KmsVault();
    const kms = new KMSClient({});
    kms.middlewareStack.use(vaultPlugin(vault));
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    expect(KeyMetadata?.Arn).toContain(':us-east-1:111122223333:');
  });

  it('gives each client the keys of its configured region; one vault serves many clients', async () => {
    const vault = new KmsVault();
    const east = new KMSClient({ region: 'us-east-1' });
    const west = new KMSClient({ region: 'eu-west-1' });
    east.middlewareStack.use(vaultPlugin(vault));
    west.middlewareStack.use(vaultPlugin(vault));
    const { KeyMetadata } = await west.send(new CreateKeyCommand({}));
    expect(KeyMetadata?.Arn).toContain(':eu-west-1:');
    const seenInWest = await west.send(new ListKeysCommand({}));
    const seenInEast = await east.send(new ListKeysCommand({}));
    expect(seenInWest.Keys?.map((k) => k.KeyId)).toEqual([KeyMetadata?.KeyId]);
    expect(seenInEast.Keys).toEqual([]);
    const error = await kmsErrorOf(east.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId })));
    expect(error).toBeInstanceOf(NotFoundException);
  });

  it('follows a region given by AWS_REGION when the client sets none', async () => {
    process.env.AWS_REGION = 'ap-south-1';
    const kms = new KMSClient({});
    kms.middlewareStack.use(vaultPlugin(new KmsVault()));
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    expect(KeyMetadata?.Arn).toContain(':ap-south-1:');
  });

  it('uses the vault account (default 111122223333, or the accountId option)', async () => {
    const vault = new KmsVault({ accountId: '444455556666', region: 'eu-central-1' });
    const kms = new KMSClient({ region: 'eu-central-1' });
    kms.middlewareStack.use(vaultPlugin(vault));
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    expect(KeyMetadata?.AWSAccountId).toBe('444455556666');
    expect(KeyMetadata?.Arn).toBe(`arn:aws:kms:eu-central-1:444455556666:key/${KeyMetadata?.KeyId}`);
  });

  it('returns $metadata with status 200 and a request id on success', async () => {
    const kms = new KMSClient({ region: 'us-east-1' });
    kms.middlewareStack.use(vaultPlugin(new KmsVault()));
    const out = await kms.send(new CreateKeyCommand({}));
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('fails what the vault does not implement yet with a NotImplementedError (a KmsVaultMockError) that names it', async () => {
    const kms = new KMSClient({ region: 'us-east-1' });
    kms.middlewareStack.use(vaultPlugin(new KmsVault()));
    const attempt = kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL', KeySpec: 'ML_DSA_44', KeyUsage: 'SIGN_VERIFY' }));
    await expect(attempt).rejects.toBeInstanceOf(KmsVaultMockError);
    await expect(attempt).rejects.toMatchObject({ name: 'NotImplementedError' });
    await expect(attempt).rejects.toThrow(/ML_DSA_44/);
  });

  it('rejects invalid vault options with a library error that says what to do', () => {
    expect(() => new KmsVault({ accountId: '123' })).toThrow(KmsVaultMockError);
    expect(() => new KmsVault({ region: 'nowhere' })).toThrow(/region/);
  });

  it('round-trips through a client created after the vault was plugged into another', async () => {
    const vault = new KmsVault();
    const a = new KMSClient({ region: 'us-east-1' });
    const b = new KMSClient({ region: 'us-east-1' });
    a.middlewareStack.use(vaultPlugin(vault));
    b.middlewareStack.use(vaultPlugin(vault));
    const { KeyMetadata } = await a.send(new CreateKeyCommand({}));
    const { CiphertextBlob } = await a.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.from('hi') }));
    const { Plaintext } = await b.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(Plaintext ?? []).toString()).toBe('hi');
  });
});
