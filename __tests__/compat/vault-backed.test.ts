import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisabledException,
  EncryptCommand,
  IncorrectKeyException,
  InvalidCiphertextException,
  KMSClient,
  KMSServiceException,
  ListKeysCommand,
  NotFoundException,
} from '@aws-sdk/client-kms';
import type { Client, MetadataBearer } from '@smithy/types';
import { KmsVault, KmsVaultMockError, mockClient, type AwsClientStub } from 'kms-vault-mock';

const plaintext = Buffer.from('secret');

describe('mockClient(KMSClient, { vault }): commands without a behaviour are answered by the vault', () => {
  let vault: KmsVault;
  let kmsMock: AwsClientStub<KMSClient>;

  beforeEach(() => {
    vault = new KmsVault({ seed: 'compat' });
    kmsMock = mockClient(KMSClient, { vault });
  });
  afterEach(() => kmsMock.restore());

  it('Encrypt then Decrypt round-trip with real cryptography (API Reference, Decrypt: returns the plaintext)', async () => {
    const kms = new KMSClient({ region: 'us-east-1' });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: plaintext, EncryptionContext: { tenant: 'a' } }));
    expect(Buffer.from(CiphertextBlob ?? []).equals(plaintext)).toBe(false);
    const { Plaintext, KeyId } = await kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { tenant: 'a' } }));
    expect(Buffer.from(Plaintext ?? []).toString()).toBe('secret');
    expect(KeyId).toBe(KeyMetadata?.Arn);
  });

  it('fails as KMS does: another encryption context gives InvalidCiphertextException (API Reference, Decrypt)', async () => {
    const kms = new KMSClient({});
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: plaintext, EncryptionContext: { tenant: 'a' } }));
    const error = await kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { tenant: 'b' } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidCiphertextException);
    expect(error).toMatchObject({ $fault: 'client', $metadata: { httpStatusCode: 400 } });
  });

  it('an unknown key gives NotFoundException, status 400 (the status real KMS sends) (API Reference, DescribeKey)', async () => {
    const error = await new KMSClient({}).send(new DescribeKeyCommand({ KeyId: 'alias/missing' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 400 } });
  });

  it('a client sees the keys of the region it is configured for; without one, the vault region', async () => {
    const { KeyMetadata } = await new KMSClient({ region: 'eu-west-1' }).send(new CreateKeyCommand({}));
    expect(KeyMetadata?.Arn).toMatch(/^arn:aws:kms:eu-west-1:111122223333:key\//);
    const inOtherRegion = await new KMSClient({ region: 'us-east-1' }).send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId })).catch((e: unknown) => e);
    expect(inOtherRegion).toBeInstanceOf(NotFoundException);
    const defaultRegion = await new KMSClient({ region: async () => '' }).send(new CreateKeyCommand({}));
    expect(defaultRegion.KeyMetadata?.Arn).toContain(':us-east-1:');
  });

  it('configured behaviours answer first; when their Once answers are spent the vault answers again', async () => {
    const kms = new KMSClient({});
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: plaintext }));
    kmsMock.on(DecryptCommand).rejectsOnce('ThrottlingException');
    await expect(kms.send(new DecryptCommand({ CiphertextBlob }))).rejects.toMatchObject({ name: 'ThrottlingException' });
    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(Plaintext ?? []).toString()).toBe('secret');
  });

  it('on(Command, input) answers matching calls only; the others go to the vault', async () => {
    kmsMock.on(DescribeKeyCommand, { KeyId: 'alias/stubbed' }).resolves({ KeyMetadata: { KeyId: 'stubbed' } });
    const kms = new KMSClient({});
    expect(await kms.send(new DescribeKeyCommand({ KeyId: 'alias/stubbed' }))).toEqual({ KeyMetadata: { KeyId: 'stubbed' } });
    await expect(kms.send(new DescribeKeyCommand({ KeyId: 'alias/real' }))).rejects.toBeInstanceOf(NotFoundException);
  });

  it('records the calls the vault answered in the mock call history, with the promise of its answer', async () => {
    const kms = new KMSClient({});
    await kms.send(new CreateKeyCommand({ Description: 'recorded' }));
    expect(kmsMock.commandCalls(CreateKeyCommand, { Description: 'recorded' })).toHaveLength(1);
    await expect(kmsMock.call(0).returnValue).resolves.toMatchObject({ KeyMetadata: { Description: 'recorded' }, $metadata: { httpStatusCode: 200 } });
  });

  it('reset() forgets behaviours and history but stays backed by the same vault, keys kept', async () => {
    const kms = new KMSClient({});
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    kmsMock.on(DescribeKeyCommand).resolves({});
    kmsMock.reset();
    expect(kmsMock.calls()).toHaveLength(0);
    const described = await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId }));
    expect(described.KeyMetadata?.Arn).toBe(KeyMetadata?.Arn);
    expect(kmsMock.vault).toBe(vault);
  });

  it('restore() puts the real send back; a client with the vault middleware still reaches the same vault', async () => {
    const { KeyMetadata } = await new KMSClient({}).send(new CreateKeyCommand({}));
    kmsMock.restore();
    const { vaultPlugin } = await import('kms-vault-mock');
    const kms = new KMSClient({ region: 'us-east-1' });
    kms.middlewareStack.use(vaultPlugin(vault));
    const described = await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId }));
    expect(described.KeyMetadata?.KeyId).toBe(KeyMetadata?.KeyId);
    kmsMock = mockClient(KMSClient, { vault });
  });
});

describe('mockClient(KMSClient, { vault: true })', () => {
  it('makes a new KmsVault, exposed as mock.vault, that answers the commands', async () => {
    const kmsMock = mockClient(KMSClient, { vault: true });
    try {
      expect(kmsMock.vault).toBeInstanceOf(KmsVault);
      const { KeyMetadata } = await new KMSClient({}).send(new CreateKeyCommand({}));
      expect(kmsMock.vault.execute('DescribeKey', { KeyId: KeyMetadata?.KeyId }).KeyMetadata?.Arn).toBe(KeyMetadata?.Arn);
    } finally {
      kmsMock.restore();
    }
  });

  it('with accountId, the mocked clients act as that account (their keys are its keys)', async () => {
    const kmsMock = mockClient(KMSClient, { vault: true, accountId: '444455556666' });
    try {
      const { KeyMetadata } = await new KMSClient({}).send(new CreateKeyCommand({}));
      expect(KeyMetadata?.Arn).toMatch(/^arn:aws:kms:us-east-1:444455556666:key\//);
    } finally {
      kmsMock.restore();
    }
  });

  it('mocks a single instance too', async () => {
    const kms = new KMSClient({ region: 'ap-south-1' });
    const kmsMock = mockClient(kms, { vault: true });
    try {
      const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
      expect(KeyMetadata?.Arn).toContain(':ap-south-1:');
    } finally {
      kmsMock.restore();
    }
  });

  it('misuse is a KmsVaultMockError that says what to do', () => {
    expect(() => mockClient(KMSClient, { vault: {} as KmsVault })).toThrow(KmsVaultMockError);
    expect(() => mockClient(KMSClient, { accountId: '444455556666' })).toThrow(/needs a vault/);
    expect(() => mockClient(KMSClient, { vault: true, accountId: 'nope' })).toThrow(KmsVaultMockError);
  });
});

describe('a vault-backed mock answers KMS commands only', () => {
  it('rejects a command of another service with KmsVaultMockError, naming it', async () => {
    class PublishCommand {
      constructor(readonly input: { Message: string }) {}
    }
    const kmsMock = mockClient(KMSClient, { vault: true });
    try {
      const send = new KMSClient({}).send as unknown as (command: unknown) => Promise<unknown>;
      const error = await send.call(new KMSClient({}), new PublishCommand({ Message: 'x' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KmsVaultMockError);
      expect(error).toMatchObject({ message: expect.stringContaining('PublishCommand is not one') });
    } finally {
      kmsMock.restore();
    }
  });
});

describe('a vault-backed mock tells KMS commands by their schema', () => {
  it('a command of another service named like a KMS operation (Payment Cryptography ListKeys) is not run by the vault', async () => {
    class ListKeysCommand {
      readonly schema = [9, 'com.amazonaws.paymentcryptography', 'ListKeys', 0, null, null];
      constructor(readonly input: object) {}
    }
    const kmsMock = mockClient(KMSClient, { vault: true });
    try {
      const send = new KMSClient({}).send as unknown as (command: unknown) => Promise<unknown>;
      await expect(send.call(new KMSClient({}), new ListKeysCommand({}))).rejects.toThrow(KmsVaultMockError);
    } finally {
      kmsMock.restore();
    }
  });
});

describe('rejects on a KMS mock builds the real SDK exceptions', () => {
  let kmsMock: AwsClientStub<KMSClient>;
  const kms = new KMSClient({});
  beforeEach(() => {
    kmsMock = mockClient(KMSClient);
  });
  afterEach(() => kmsMock.restore());

  it("rejects('IncorrectKeyException') rejects with an IncorrectKeyException as the SDK deserializes it (400, client fault)", async () => {
    kmsMock.on(DecryptCommand).rejects('IncorrectKeyException');
    const error = await kms.send(new DecryptCommand({ CiphertextBlob: new Uint8Array(8) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncorrectKeyException);
    expect(error).toBeInstanceOf(KMSServiceException);
    expect(error).toMatchObject({ name: 'IncorrectKeyException', $fault: 'client', $metadata: { httpStatusCode: 400, requestId: expect.any(String) } });
  });

  it('its message is the string given, so assertions written for aws-sdk-client-mock still hold', async () => {
    kmsMock.rejects('NotFoundException');
    await expect(kms.send(new ListKeysCommand({}))).rejects.toThrow('NotFoundException');
    await expect(kms.send(new ListKeysCommand({}))).rejects.toThrow(new Error('NotFoundException'));
    await expect(kms.send(new ListKeysCommand({}))).rejects.toBeInstanceOf(NotFoundException);
  });

  it('errors the KMS model does not declare are KMSServiceExceptions with that name (ThrottlingException)', async () => {
    kmsMock.rejectsOnce('ThrottlingException');
    const error = await kms.send(new ListKeysCommand({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KMSServiceException);
    expect(error).toMatchObject({ name: 'ThrottlingException', $retryable: { throttling: true } });
  });

  it('server errors carry their fault and status: KMSInternalException is 500, server', async () => {
    kmsMock.rejects('KMSInternalException');
    await expect(kms.send(new ListKeysCommand({}))).rejects.toMatchObject({ $fault: 'server', $metadata: { httpStatusCode: 500 } });
  });

  it('other strings keep aws-sdk-client-mock semantics: new Error(string)', async () => {
    kmsMock.rejects('mocked rejection');
    const error = await kms.send(new ListKeysCommand({})).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(KMSServiceException);
    expect(error).toEqual(new Error('mocked rejection'));
  });

  it('an SDK exception instance keeps its class and properties', async () => {
    const disabled = new DisabledException({ message: 'arn:aws:kms:us-east-1:111122223333:key/x is disabled.', $metadata: { httpStatusCode: 409 } });
    kmsMock.on(EncryptCommand).rejects(disabled);
    await expect(kms.send(new EncryptCommand({ KeyId: 'x', Plaintext: plaintext }))).rejects.toBe(disabled);
  });

  it('an object whose name is a KMS error becomes that exception, with its message and other properties', async () => {
    kmsMock.rejects({ name: 'NotFoundException', message: "Key 'x' does not exist", $metadata: { requestId: 'req-1' } });
    const error = await kms.send(new ListKeysCommand({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error).toMatchObject({ message: "Key 'x' does not exist", $metadata: { httpStatusCode: 400, requestId: 'req-1' } });
  });

  it('a fake that throws the name of a KMS error rejects with that exception', async () => {
    kmsMock.callsFake(() => {
      throw 'KMSInvalidStateException';
    });
    await expect(kms.send(new ListKeysCommand({}))).rejects.toMatchObject({ name: 'KMSInvalidStateException', $metadata: { httpStatusCode: 400 } });
  });

  it('mocks of other services keep aws-sdk-client-mock semantics for every string', async () => {
    class OtherServiceClient {
      readonly config = {};
      readonly middlewareStack = {};
      async send(_command: unknown): Promise<unknown> {
        return 'real';
      }
      destroy(): void {}
    }
    const client = new OtherServiceClient();
    const otherMock = mockClient(client as unknown as Client<object, MetadataBearer, unknown>);
    otherMock.rejects('NotFoundException');
    const error = await client.send({ input: {} }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(KMSServiceException);
    expect(error).toEqual(new Error('NotFoundException'));
    expect(otherMock.clientName()).toBe('OtherServiceClient');
    otherMock.restore();
    await expect(client.send({ input: {} })).resolves.toBe('real');
  });
});
