import {
  ConnectCustomKeyStoreCommand,
  CreateCustomKeyStoreCommand,
  CreateKeyCommand,
  CustomKeyStoreInvalidStateException,
  DecryptCommand,
  DescribeCustomKeyStoresCommand,
  DescribeKeyCommand,
  DisconnectCustomKeyStoreCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  InvalidCiphertextException,
  KMSClient,
  KMSInvalidStateException,
  ReEncryptCommand,
  UpdateCustomKeyStoreCommand,
  XksKeyInvalidConfigurationException,
  XksKeyNotFoundException,
  XksProxyIncorrectAuthenticationCredentialException,
  XksProxyInvalidConfigurationException,
  XksProxyUriUnreachableException,
} from '@aws-sdk/client-kms';
import { messages } from '../../src/errors/messages';
import { startServer, startXksProxy, type KmsVault, type XksProxyServer } from '../../src';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';

const ENDPOINT = 'https://xks.example.com';
const URI_PATH = '/tenant-1/kms/xks/v1';
const CREDENTIAL = { accessKeyId: 'ABCDE234567EXAMPLEAB', rawSecretAccessKey: 'DXjSUawnel2fr6SKC7G25CNxTyWKE5PF9XX6H/u9pSo=' };
const SDK_CREDENTIAL = { AccessKeyId: CREDENTIAL.accessKeyId, RawSecretAccessKey: CREDENTIAL.rawSecretAccessKey };
const WRONG_CREDENTIAL = { AccessKeyId: 'ZZZZZ234567EXAMPLEZZ', RawSecretAccessKey: 'AXjSUawnel2fr6SKC7G25CNxTyWKE5PF9XX6H/u9pSo=' };
// The machine running the tests is shared: allow more than KMS's 250 ms where a test is not about time.
const GENEROUS_MS = 5_000;

let proxy: XksProxyServer;

beforeAll(async () => {
  proxy = await startXksProxy({
    uriPath: URI_PATH,
    credential: CREDENTIAL,
    keys: ['key-1', 'key-2', { id: 'disabled-key', status: 'DISABLED' }, { id: 'hmac-key', usage: ['SIGN', 'VERIFY'] }, { id: 'aes-128', spec: 'AES_128' }],
  });
});
afterAll(async () => {
  await proxy.close();
});
afterEach(async () => {
  await proxy.update({
    delayMs: 0,
    healthStatus: 'ACTIVE',
    failWith: null,
    credential: CREDENTIAL,
    keys: ['key-1', 'key-2', { id: 'disabled-key', status: 'DISABLED' }, { id: 'hmac-key', usage: ['SIGN', 'VERIFY'] }, { id: 'aes-128', spec: 'AES_128' }],
  });
});

function setup(timeoutMs = GENEROUS_MS): { vault: KmsVault; kms: KMSClient } {
  const { vault, kms } = vaultClient();
  vault.addXksProxy(ENDPOINT, { url: proxy.url, timeoutMs });
  return { vault, kms };
}

function createStore(
  kms: KMSClient,
  credential = SDK_CREDENTIAL,
  uriPath = URI_PATH,
  connectivity: 'PUBLIC_ENDPOINT' | 'VPC_ENDPOINT_SERVICE' = 'PUBLIC_ENDPOINT',
): Promise<string> {
  return kms
    .send(
      new CreateCustomKeyStoreCommand({
        CustomKeyStoreName: `xks-${connectivity}`,
        CustomKeyStoreType: 'EXTERNAL_KEY_STORE',
        XksProxyConnectivity: connectivity,
        XksProxyUriEndpoint: ENDPOINT,
        XksProxyUriPath: uriPath,
        XksProxyAuthenticationCredential: credential,
        ...(connectivity === 'VPC_ENDPOINT_SERVICE' ? { XksProxyVpcEndpointServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-example1' } : {}),
      }),
    )
    .then((r) => r.CustomKeyStoreId as string);
}

async function connectedStore(vault: KmsVault, kms: KMSClient): Promise<string> {
  const id = await createStore(kms);
  await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
  vault.clock.advance({ minutes: 1 });
  return id;
}

async function stateOf(kms: KMSClient, id: string): Promise<{ state?: string; code?: string }> {
  const { CustomKeyStores } = await kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: id }));
  return { state: CustomKeyStores?.[0]?.ConnectionState, code: CustomKeyStores?.[0]?.ConnectionErrorCode };
}

describe('external key store with a real XKS proxy (XKS Proxy API over HTTP, SigV4-signed)', () => {
  it('connects (CONNECTING, then CONNECTED on the vault clock), creates a key with XksKeyId, and encrypts and decrypts through the proxy', async () => {
    const { vault, kms } = setup();
    const id = await createStore(kms);
    await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    expect(await stateOf(kms, id)).toEqual({ state: 'CONNECTING', code: undefined });
    vault.clock.advance({ minutes: 1 });
    expect(await stateOf(kms, id)).toEqual({ state: 'CONNECTED', code: undefined });

    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: id, XksKeyId: 'key-1' }));
    expect(KeyMetadata).toMatchObject({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: id, XksKeyConfiguration: { Id: 'key-1' }, KeyState: 'Enabled' });
    const keyId = KeyMetadata?.KeyId as string;
    const context = { purpose: 'test' };
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('hello xks'), EncryptionContext: context }));
    const { Plaintext, KeyId } = await kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: context }));
    expect(Buffer.from(Plaintext as Uint8Array).toString()).toBe('hello xks');
    expect(KeyId).toBe(KeyMetadata?.Arn);

    const log = await proxy.requests();
    const mine = log.filter((r) => r.requestMetadata?.['kmsKeyArn'] === KeyMetadata?.Arn);
    expect(mine.map((r) => r.operation)).toEqual(['Encrypt', 'Decrypt']);
    expect(mine[0]?.requestMetadata).toMatchObject({
      awsPrincipalArn: 'arn:aws:iam::111122223333:root',
      kmsOperation: 'Encrypt',
      kmsKeyArn: KeyMetadata?.Arn,
      kmsRequestId: expect.any(String) as string,
    });
    expect(log.some((r) => r.operation === 'GetHealthStatus' && r.requestMetadata?.['kmsOperation'] === 'CreateCustomKeyStore')).toBe(true);
    expect(log.some((r) => r.operation === 'GetHealthStatus' && r.requestMetadata?.['kmsOperation'] === 'ConnectCustomKeyStore')).toBe(true);
    expect(log.some((r) => r.operation === 'GetKeyMetadata' && r.keyId === 'key-1' && r.requestMetadata?.['kmsOperation'] === 'CreateKey')).toBe(true);
  });

  it('double encryption: the ciphertext does not open without the proxy, and GenerateDataKey and ReEncrypt go through it', async () => {
    const { vault, kms } = setup();
    const id = await connectedStore(vault, kms);
    const one = (await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: id, XksKeyId: 'key-1' }))).KeyMetadata?.KeyId as string;
    const two = (await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: id, XksKeyId: 'key-2' }))).KeyMetadata?.KeyId as string;
    const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId: one, KeySpec: 'AES_256' }));
    const moved = await kms.send(new ReEncryptCommand({ CiphertextBlob: dataKey.CiphertextBlob, DestinationKeyId: two }));
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: moved.CiphertextBlob }));
    expect(Buffer.from(back.Plaintext as Uint8Array)).toEqual(Buffer.from(dataKey.Plaintext as Uint8Array));

    // The external key is the proxy's: with the proxy's key gone, the KMS layer alone does not decrypt.
    await proxy.update({ keys: ['key-2'] });
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob })), {
      type: KMSInvalidStateException,
      status: 400,
      message: messages.xksExternalKeyNotFound(),
    });
  });

  it('a wrong encryption context is rejected by the proxy: KMSInvalidStateException, not InvalidCiphertextException (XKS Proxy API, error table)', async () => {
    const { vault, kms } = setup();
    const id = await connectedStore(vault, kms);
    const keyId = (await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: id, XksKeyId: 'key-1' }))).KeyMetadata
      ?.KeyId as string;
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), EncryptionContext: { a: 'b' } }));
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { a: 'c' } })), {
      type: KMSInvalidStateException,
      status: 400,
      message: messages.xksProxyRejectedCiphertext(),
    });
  });

  it('CreateKey asks the proxy for the key metadata: XksKeyNotFound, XksKeyInvalidConfiguration for a disabled, non-AES_256 or non-encryption key', async () => {
    const { vault, kms } = setup();
    const id = await connectedStore(vault, kms);
    const create = (XksKeyId: string): Promise<unknown> => kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: id, XksKeyId }));
    await expectKmsError(create('no-such-key'), { type: XksKeyNotFoundException, status: 400, message: messages.xksExternalKeyNotFound() });
    await expectKmsError(create('disabled-key'), {
      type: XksKeyInvalidConfigurationException,
      status: 400,
      message: messages.xksKeyStatusNotEnabled('DISABLED'),
    });
    await expectKmsError(create('aes-128'), { type: XksKeyInvalidConfigurationException, status: 400, message: messages.xksKeySpecNotAes256('AES_128') });
    await expectKmsError(create('hmac-key'), { type: XksKeyInvalidConfigurationException, status: 400, message: messages.xksKeyUsageMissing('SIGN, VERIFY') });
  });

  it('CreateCustomKeyStore (public endpoint) checks the proxy: wrong credential, wrong path, proxy down', async () => {
    const { vault, kms } = setup();
    await expectKmsError(createStore(kms, WRONG_CREDENTIAL), {
      type: XksProxyIncorrectAuthenticationCredentialException,
      status: 400,
      message: messages.xksProxyAuthenticationFailed(),
    });
    await expectKmsError(createStore(kms, SDK_CREDENTIAL, '/other/kms/xks/v1'), {
      type: XksProxyInvalidConfigurationException,
      status: 400,
      message: messages.xksProxyInvalidUriPath(),
    });
    vault.addXksProxy(ENDPOINT, { url: 'http://127.0.0.1:1' });
    await expectKmsError(createStore(kms), { type: XksProxyUriUnreachableException, status: 400, message: messages.xksProxyCannotConnect() });
    // A failed call leaves nothing behind.
    expect((await kms.send(new DescribeCustomKeyStoresCommand({}))).CustomKeyStores).toEqual([]);
  });

  it('ConnectCustomKeyStore fails with the documented ConnectionErrorCode: INVALID_CREDENTIALS, XKS_PROXY_INVALID_CONFIGURATION, XKS_PROXY_NOT_REACHABLE', async () => {
    const { vault, kms } = setup();
    // VPC endpoint service connectivity: KMS first talks to the proxy when connecting.
    const attempt = async (credential: typeof SDK_CREDENTIAL, uriPath: string): Promise<string | undefined> => {
      const id = await createStore(kms, credential, uriPath, 'VPC_ENDPOINT_SERVICE');
      await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
      expect((await stateOf(kms, id)).state).toBe('CONNECTING');
      vault.clock.advance({ minutes: 1 });
      const { state, code } = await stateOf(kms, id);
      expect(state).toBe(code === undefined ? 'CONNECTED' : 'FAILED');
      await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
      await kms.send(new (await import('@aws-sdk/client-kms')).DeleteCustomKeyStoreCommand({ CustomKeyStoreId: id }));
      return code;
    };
    expect(await attempt(WRONG_CREDENTIAL, URI_PATH)).toBe('INVALID_CREDENTIALS');
    expect(await attempt(SDK_CREDENTIAL, '/other/kms/xks/v1')).toBe('XKS_PROXY_INVALID_CONFIGURATION');
    await proxy.update({ healthStatus: 'UNAVAILABLE' });
    expect(await attempt(SDK_CREDENTIAL, URI_PATH)).toBe('XKS_PROXY_NOT_REACHABLE');
    await proxy.update({ healthStatus: 'DEGRADED' });
    expect(await attempt(SDK_CREDENTIAL, URI_PATH)).toBeUndefined();
    vault.addXksProxy(ENDPOINT, { url: 'http://127.0.0.1:1' });
    expect(await attempt(SDK_CREDENTIAL, URI_PATH)).toBe('XKS_PROXY_NOT_REACHABLE');
  });

  it("a proxy slower than KMS's 250 ms limit: XKS_PROXY_TIMED_OUT on connect, KMSInvalidStateException on Encrypt", async () => {
    const { vault, kms } = setup();
    const id = await connectedStore(vault, kms);
    const keyId = (await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: id, XksKeyId: 'key-1' }))).KeyMetadata
      ?.KeyId as string;
    vault.addXksProxy(ENDPOINT, { timeoutMs: 250 });
    await proxy.update({ delayMs: 1_000 });
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') })), {
      type: KMSInvalidStateException,
      status: 400,
      message: messages.xksProxySocketTimeout(),
    });
    await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    vault.clock.advance({ minutes: 1 });
    expect(await stateOf(kms, id)).toEqual({ state: 'FAILED', code: 'XKS_PROXY_TIMED_OUT' });
  });

  it("crypto failures are KMSInvalidStateException with the message of the proxy's error; a wrong credential after an update too", async () => {
    const { vault, kms } = setup();
    const id = await connectedStore(vault, kms);
    const keyId = (await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: id, XksKeyId: 'key-1' }))).KeyMetadata
      ?.KeyId as string;
    const encrypt = (): Promise<unknown> => kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') }));
    await proxy.update({ keys: [{ id: 'key-1', status: 'DISABLED' }] });
    await expectKmsError(encrypt(), { type: KMSInvalidStateException, status: 400, message: messages.xksExternalKeyNotEnabled() });
    await proxy.update({ keys: ['key-1'], failWith: { status: 503, errorName: 'DependencyTimeoutException' } });
    await expectKmsError(encrypt(), { type: KMSInvalidStateException, status: 400, message: messages.xksProxyDependencyTimeout() });
    await proxy.update({ failWith: { status: 500, errorName: 'NotAnXksError' } });
    await expectKmsError(encrypt(), { type: KMSInvalidStateException, status: 400, message: messages.xksProxyInvalidResponse() });
    await proxy.update({ failWith: null, credential: { accessKeyId: 'NEWKEY234567EXAMPLEAB', rawSecretAccessKey: CREDENTIAL.rawSecretAccessKey } });
    await expectKmsError(encrypt(), { type: KMSInvalidStateException, status: 400, message: messages.xksProxyAuthenticationFailed() });
    // UpdateCustomKeyStore checks the new credential with the proxy while connected.
    await expectKmsError(kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: id, XksProxyAuthenticationCredential: WRONG_CREDENTIAL })), {
      type: XksProxyIncorrectAuthenticationCredentialException,
      status: 400,
      message: messages.xksProxyAuthenticationFailed(),
    });
    await kms.send(
      new UpdateCustomKeyStoreCommand({
        CustomKeyStoreId: id,
        XksProxyAuthenticationCredential: { AccessKeyId: 'NEWKEY234567EXAMPLEAB', RawSecretAccessKey: CREDENTIAL.rawSecretAccessKey },
      }),
    );
    await expect(encrypt()).resolves.toBeDefined();
  });

  it('CreateKey while the proxy is down: CustomKeyStoreInvalidStateException; the key is not made', async () => {
    const { vault, kms } = setup();
    const id = await connectedStore(vault, kms);
    vault.addXksProxy(ENDPOINT, { url: 'http://127.0.0.1:1' });
    await expectKmsError(kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: id, XksKeyId: 'key-1' })), {
      type: CustomKeyStoreInvalidStateException,
      status: 400,
      message: messages.xksProxyCannotConnect(),
    });
    expect(vault.snapshot().keys ?? []).toEqual([]);
  });

  it("a changed blob: a truncated one is InvalidCiphertextException before the proxy is asked; a changed outer ciphertext is the proxy's InvalidCiphertextException", async () => {
    const { vault, kms } = setup();
    const id = await connectedStore(vault, kms);
    const keyId = (await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: id, XksKeyId: 'key-1' }))).KeyMetadata
      ?.KeyId as string;
    const blob = Buffer.from((await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('intact') }))).CiphertextBlob as Uint8Array);
    const before = (await proxy.requests()).length;
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: blob.subarray(0, 60) })), { type: InvalidCiphertextException, status: 400 });
    expect((await proxy.requests()).length).toBe(before);
    const changed = Buffer.from(blob);
    changed[changed.length - 1] = (changed[changed.length - 1] as number) ^ 1;
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: changed })), {
      type: KMSInvalidStateException,
      status: 400,
      message: messages.xksProxyRejectedCiphertext(),
    });
  });

  it('a key whose endpoint no longer reaches its proxy: KMSInvalidStateException on every cryptographic operation', async () => {
    const { vault, kms } = setup();
    const id = await connectedStore(vault, kms);
    const keyId = (await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: id, XksKeyId: 'key-1' }))).KeyMetadata
      ?.KeyId as string;
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') }));
    vault.addXksProxy(ENDPOINT, { url: 'http://127.0.0.1:1' });
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob })), {
      type: KMSInvalidStateException,
      status: 400,
      message: messages.xksProxyCannotConnect(),
    });
    vault.addXksProxy(ENDPOINT, { url: undefined });
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' })), {
      type: KMSInvalidStateException,
      status: 400,
      message: messages.xksProxyCannotConnect(),
    });
  });

  it('the state document keeps the forwarding: a loaded vault decrypts through the same proxy', async () => {
    const { vault, kms } = setup();
    const id = await connectedStore(vault, kms);
    const keyId = (await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: id, XksKeyId: 'key-1' }))).KeyMetadata
      ?.KeyId as string;
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('kept') }));
    const doc = vault.snapshot();
    const again = vaultClient();
    again.vault.load(doc);
    expect(again.vault.snapshot()).toEqual(doc);
    const { Plaintext } = await again.kms.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(Plaintext as Uint8Array).toString()).toBe('kept');
    expect((await again.kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.XksKeyConfiguration).toEqual({ Id: 'key-1' });
  });

  it('works the same behind the HTTP server: the server thread waits for the proxy on its worker thread', async () => {
    const { vault } = setup();
    const server = await startServer({ vault, port: 0 });
    try {
      const kms = new KMSClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
      const id = await connectedStore(vault, kms);
      const keyId = (await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: id, XksKeyId: 'key-2' }))).KeyMetadata
        ?.KeyId as string;
      const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('over the wire') }));
      const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob }));
      expect(Buffer.from(Plaintext as Uint8Array).toString()).toBe('over the wire');
      await proxy.update({ failWith: { status: 429, errorName: 'ThrottlingException' } });
      await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob })), {
        type: KMSInvalidStateException,
        status: 400,
        message: messages.xksProxyThrottled(),
      });
      kms.destroy();
    } finally {
      await server.close();
    }
  });
});
