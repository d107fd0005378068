/**
 * The same tests, run against aws-sdk-client-mock itself and against kms-vault-mock's mockClient:
 * every expectation here is what aws-sdk-client-mock's README (or, for the finer points, its Sinon
 * semantics) says, and both libraries must meet it.
 */
import { DecryptCommand, DescribeKeyCommand, EncryptCommand, KMS, KMSClient, ListAliasesCommand, ListKeysCommand, paginateListKeys } from '@aws-sdk/client-kms';
import * as original from 'aws-sdk-client-mock';
import sinon from 'sinon';
import * as ours from 'kms-vault-mock';

type MockClient = typeof original.mockClient;

const libraries: [string, MockClient][] = [
  ['aws-sdk-client-mock', original.mockClient],
  ['kms-vault-mock', ours.mockClient as unknown as MockClient],
];

const plaintext = new Uint8Array([1, 2, 3]);
const encrypt = (KeyId = 'alias/orders') => new EncryptCommand({ KeyId, Plaintext: plaintext });
const describeKey = (KeyId = 'alias/orders') => new DescribeKeyCommand({ KeyId });

describe.each(libraries)('%s', (_name, mockClient) => {
  let kmsMock: original.AwsClientStub<KMSClient>;
  let kms: KMSClient;

  beforeEach(() => {
    kmsMock = mockClient(KMSClient);
    kms = new KMSClient({ region: 'eu-west-1' });
  });
  afterEach(() => kmsMock.restore());

  describe('Mock', () => {
    it('by default, mocked Client#send() returns undefined (itself, not a promise of it)', () => {
      expect(kms.send(describeKey())).toBeUndefined();
    });

    it('mocks all instances of a client class, made before or after mockClient', async () => {
      kmsMock.restore();
      const before = new KMSClient({});
      kmsMock = mockClient(KMSClient);
      kmsMock.resolves({ Truncated: false });
      const after = new KMSClient({});
      expect(await before.send(new ListKeysCommand({}))).toEqual({ Truncated: false });
      expect(await after.send(new ListKeysCommand({}))).toEqual({ Truncated: false });
    });

    it('mocks one given instance only', async () => {
      kmsMock.restore();
      const mine = new KMSClient({});
      const instanceMock = mockClient(mine);
      instanceMock.resolves({ Truncated: true });
      expect(await mine.send(new ListKeysCommand({}))).toEqual({ Truncated: true });
      expect(new KMSClient({}).send).not.toBe(mine.send);
      instanceMock.restore();
    });

    it('onAnyCommand().resolves(x) specifies the default behaviour, the same as resolves(x)', async () => {
      kmsMock.onAnyCommand().resolves({ Truncated: true });
      expect(await kms.send(new ListKeysCommand({}))).toEqual({ Truncated: true });
      kmsMock.reset();
      kmsMock.resolves({ Truncated: false });
      expect(await kms.send(new ListKeysCommand({}))).toEqual({ Truncated: false });
    });

    it('on(Command) answers that command only; others still resolve undefined', async () => {
      kmsMock.on(ListKeysCommand).resolves({ Truncated: true });
      expect(await kms.send(new ListKeysCommand({}))).toEqual({ Truncated: true });
      expect(await kms.send(new ListAliasesCommand({}))).toBeUndefined();
    });

    it('on(Command, input) matches when the given payload properties match; not all must be given', async () => {
      kmsMock.on(EncryptCommand, { KeyId: 'alias/orders' }).resolves({ KeyId: 'matched' });
      expect(await kms.send(encrypt('alias/orders'))).toEqual({ KeyId: 'matched' });
      expect(await kms.send(encrypt('alias/other'))).toBeUndefined();
    });

    it('the payload match is deep and partial: nested objects need only the given properties', async () => {
      kmsMock.on(EncryptCommand, { EncryptionContext: { tenant: 'a' } }).resolves({ KeyId: 'matched' });
      const sent = new EncryptCommand({ KeyId: 'k', Plaintext: plaintext, EncryptionContext: { tenant: 'a', purpose: 'x' } });
      expect(await kms.send(sent)).toEqual({ KeyId: 'matched' });
    });

    it('strict: true forces an exact payload match', async () => {
      kmsMock.on(DescribeKeyCommand, { KeyId: 'alias/orders' }, true).resolves({ KeyMetadata: { KeyId: 'strict' } });
      expect(await kms.send(describeKey('alias/orders'))).toEqual({ KeyMetadata: { KeyId: 'strict' } });
      expect(await kms.send(new DescribeKeyCommand({ KeyId: 'alias/orders', GrantTokens: ['t'] }))).toBeUndefined();
    });

    it('onAnyCommand(input) matches any command with that payload', async () => {
      kmsMock.onAnyCommand({ KeyId: 'alias/orders' }).resolves({ KeyId: 'any-with-input' });
      expect(await kms.send(encrypt('alias/orders'))).toEqual({ KeyId: 'any-with-input' });
      expect(await kms.send(describeKey('alias/orders'))).toEqual({ KeyId: 'any-with-input' });
      expect(await kms.send(describeKey('alias/other'))).toBeUndefined();
    });

    it('multiple behaviours: a default, one per command, one per command and payload; the most specific declared last wins', async () => {
      kmsMock
        .resolves({ KeyId: 'default' })
        .on(EncryptCommand)
        .resolves({ KeyId: 'encrypt' })
        .on(EncryptCommand, { KeyId: 'alias/orders' })
        .resolves({ KeyId: 'encrypt-orders' });
      expect(await kms.send(new ListKeysCommand({}))).toEqual({ KeyId: 'default' });
      expect(await kms.send(encrypt('alias/other'))).toEqual({ KeyId: 'encrypt' });
      expect(await kms.send(encrypt('alias/orders'))).toEqual({ KeyId: 'encrypt-orders' });
    });

    it('order of mock behaviours: a wider matcher declared last takes precedence over earlier narrower ones', async () => {
      kmsMock.on(EncryptCommand, { KeyId: 'alias/orders' }).resolves({ KeyId: '111' }).on(EncryptCommand).resolves({ KeyId: '222' });
      expect(await kms.send(encrypt('alias/orders'))).toEqual({ KeyId: '222' });
    });

    it('chained behaviours: resolvesOnce for consecutive calls, then resolves for further calls', async () => {
      kmsMock.on(EncryptCommand).resolvesOnce({ KeyId: '1' }).resolvesOnce({ KeyId: '2' }).resolves({ KeyId: '3' });
      const ids = [];
      for (let i = 0; i < 4; i++) ids.push((await kms.send(encrypt())).KeyId);
      expect(ids).toEqual(['1', '2', '3', '3']);
    });

    it('once the ...Once answers are spent and no resolves() was given, send resolves undefined (not a wider behaviour)', async () => {
      kmsMock.resolves({ KeyId: 'wider' });
      kmsMock.on(EncryptCommand).resolvesOnce({ KeyId: 'once' });
      expect(await kms.send(encrypt())).toEqual({ KeyId: 'once' });
      expect(await kms.send(encrypt())).toBeUndefined();
    });

    it('a Once answer belongs to the n-th call its behaviour matches, counting calls before it was declared (Sinon withArgs)', async () => {
      await kms.send(encrypt());
      kmsMock.on(EncryptCommand).resolvesOnce({ KeyId: 'first' }).resolvesOnce({ KeyId: 'second' });
      expect(await kms.send(encrypt())).toEqual({ KeyId: 'second' });
    });

    it('onAnyCommand() without input is one behaviour: two unchained resolvesOnce() both answer its first call', async () => {
      kmsMock.resolvesOnce({ KeyId: 'a' });
      kmsMock.resolvesOnce({ KeyId: 'b' });
      expect(await kms.send(encrypt())).toEqual({ KeyId: 'b' });
      expect(await kms.send(encrypt())).toBeUndefined();
    });

    it('rejects(string) rejects with an Error with that message', async () => {
      kmsMock.rejects('mocked rejection');
      const error = await kms.send(new ListKeysCommand({})).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ message: 'mocked rejection' });
    });

    it('rejects(error) rejects with that Error instance', async () => {
      const throttlingError = new Error('mocked rejection');
      throttlingError.name = 'ThrottlingException';
      kmsMock.rejects(throttlingError);
      await expect(kms.send(new ListKeysCommand({}))).rejects.toBe(throttlingError);
    });

    it('rejects(object) converts an object with properties to an Error instance', async () => {
      kmsMock.rejects({ message: 'from object', Code: 'SomeCode', $metadata: { httpStatusCode: 418 } });
      const error = await kms.send(new ListKeysCommand({})).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ message: 'from object', Code: 'SomeCode', $metadata: { httpStatusCode: 418 } });
    });

    it('rejects() without an argument rejects with an empty Error', async () => {
      kmsMock.on(ListKeysCommand).rejects();
      await expect(kms.send(new ListKeysCommand({}))).rejects.toThrow(new Error(''));
    });

    it('rejectsOnce and callsFakeOnce chain with the other ...Once methods', async () => {
      kmsMock
        .on(DescribeKeyCommand)
        .rejectsOnce('first fails')
        .callsFakeOnce((input: { KeyId?: string }) => ({ KeyMetadata: { KeyId: `fake ${input.KeyId}` } }))
        .resolvesOnce({ KeyMetadata: { KeyId: 'third' } })
        .rejects('then always');
      await expect(kms.send(describeKey('a'))).rejects.toThrow('first fails');
      expect(await kms.send(describeKey('b'))).toEqual({ KeyMetadata: { KeyId: 'fake b' } });
      expect(await kms.send(describeKey('c'))).toEqual({ KeyMetadata: { KeyId: 'third' } });
      await expect(kms.send(describeKey('d'))).rejects.toThrow('then always');
    });

    it('callsFake gets the command input; what it throws becomes a rejection', async () => {
      kmsMock.on(EncryptCommand).callsFake((input: { KeyId?: string }) => {
        if (input.KeyId === 'alias/orders') return { KeyId: 'fake' };
        throw new Error('mocked rejection');
      });
      expect(await kms.send(encrypt('alias/orders'))).toEqual({ KeyId: 'fake' });
      await expect(kms.send(encrypt('alias/other'))).rejects.toThrow('mocked rejection');
    });

    it('callsFake can answer from the client configuration, such as its region', async () => {
      kmsMock.on(EncryptCommand).callsFake(async (_input: unknown, getClient: () => KMSClient) => {
        const region = await getClient().config.region();
        return { KeyId: region.substring(0, 2) };
      });
      expect(await kms.send(encrypt())).toEqual({ KeyId: 'eu' });
    });

    it("a behaviour's own on() and onAnyCommand() (deprecated) start a new behaviour on the mock", async () => {
      const behavior = kmsMock.on(ListKeysCommand);
      behavior.on(ListAliasesCommand).resolves({ Truncated: true });
      behavior.onAnyCommand({ KeyId: 'alias/orders' }).resolves({ KeyId: 'any' });
      expect(await kms.send(new ListAliasesCommand({}))).toEqual({ Truncated: true });
      expect(await kms.send(describeKey('alias/orders'))).toEqual({ KeyId: 'any' });
      expect(await kms.send(new ListKeysCommand({}))).toBeUndefined();
    });

    it('resolves() accepts a promise of the response', async () => {
      kmsMock.on(ListKeysCommand).resolves(Promise.resolve({ Truncated: false }));
      expect(await kms.send(new ListKeysCommand({}))).toEqual({ Truncated: false });
    });

    it('SDK v2-style calls (new KMS().listKeys()) are mocked through the client class', async () => {
      kmsMock.on(ListKeysCommand).resolves({ Truncated: true });
      expect(await new KMS({}).listKeys({})).toEqual({ Truncated: true });
    });

    it('paginated operations are mocked by mocking their command', async () => {
      kmsMock.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'a' }, { KeyId: 'b' }] });
      const ids: string[] = [];
      for await (const page of paginateListKeys({ client: kms }, {})) ids.push(...(page.Keys ?? []).map((k) => k.KeyId ?? ''));
      expect(ids).toEqual(['a', 'b']);
    });
  });

  describe('Inspect', () => {
    it('calls() lists every received call and call(n) gives one; args[0] is the command, thisValue the client', async () => {
      const first = describeKey('a');
      const second = new ListKeysCommand({});
      await kms.send(first);
      await kms.send(second);
      expect(kmsMock.calls()).toHaveLength(2);
      expect(kmsMock.call(0).args[0]).toBe(first);
      expect(kmsMock.call(1).args[0]).toBe(second);
      expect(kmsMock.call(0).thisValue).toBe(kms);
      expect(kmsMock.call(-1).args[0]).toBe(second);
      expect(kmsMock.call(5)).toBeNull();
    });

    it('a recorded call holds the promise send returned and, once settled, how it went', async () => {
      kmsMock.on(ListKeysCommand).rejects('nope');
      await kms.send(new ListKeysCommand({})).catch(() => undefined);
      const call = kmsMock.call(0);
      await expect(call.returnValue).rejects.toThrow('nope');
      expect(call.exception).toBeUndefined();
      expect(call.calledWith(sinon.match.instanceOf(ListKeysCommand))).toBe(true);
    });

    it('commandCalls(Command) gets the calls of a command; with input, a partial match; strict: true, an exact one', async () => {
      await kms.send(encrypt('alias/orders'));
      await kms.send(describeKey('alias/orders'));
      await kms.send(new EncryptCommand({ KeyId: 'alias/orders' } as never));
      expect(kmsMock.commandCalls(EncryptCommand)).toHaveLength(2);
      expect(kmsMock.commandCalls(EncryptCommand, { KeyId: 'alias/orders' })).toHaveLength(2);
      expect(kmsMock.commandCalls(EncryptCommand, { KeyId: 'alias/orders' }, true)).toHaveLength(1);
      expect(kmsMock.commandCalls(DecryptCommand)).toHaveLength(0);
    });

    it('commandCall(n, Command) gets the n-th call of a command, negative n from the end, null past it', async () => {
      await kms.send(encrypt('one'));
      await kms.send(describeKey());
      await kms.send(encrypt('two'));
      expect(kmsMock.commandCall(0, EncryptCommand).args[0].input.KeyId).toBe('one');
      expect(kmsMock.commandCall(-1, EncryptCommand).args[0].input.KeyId).toBe('two');
      expect(kmsMock.commandCall(1, EncryptCommand, { KeyId: 'two' })).toBeNull();
    });

    it('send is the Sinon stub, usable directly', async () => {
      await kms.send(describeKey());
      expect(kmsMock.send.callCount).toBe(1);
      expect(kmsMock.send.calledOnce).toBe(true);
      sinon.assert.calledOnce(kmsMock.send);
    });

    it('clientName() is the class name of the mocked client', () => {
      expect(kmsMock.clientName()).toBe('KMSClient');
      const instanceMock = mockClient(new KMS({}));
      expect(instanceMock.clientName()).toBe('KMS');
      instanceMock.restore();
    });
  });

  describe('Reset and restore', () => {
    it('reset() removes every behaviour and the call history; the client stays mocked', async () => {
      kmsMock.on(ListKeysCommand).resolves({ Truncated: true });
      await kms.send(new ListKeysCommand({}));
      kmsMock.reset();
      expect(kmsMock.calls()).toHaveLength(0);
      expect(await kms.send(new ListKeysCommand({}))).toBeUndefined();
      expect(kmsMock.calls()).toHaveLength(1);
    });

    it('resetHistory() clears the call history only; behaviours stay', async () => {
      kmsMock.on(ListKeysCommand).resolves({ Truncated: true });
      await kms.send(new ListKeysCommand({}));
      kmsMock.resetHistory();
      expect(kmsMock.calls()).toHaveLength(0);
      expect(await kms.send(new ListKeysCommand({}))).toEqual({ Truncated: true });
    });

    it('restore() puts the real Client#send back', () => {
      const mocked = KMSClient.prototype.send;
      kmsMock.restore();
      expect(KMSClient.prototype.send).not.toBe(mocked);
      expect((KMSClient.prototype.send as { isSinonProxy?: boolean }).isSinonProxy).toBeUndefined();
      kmsMock = mockClient(KMSClient);
    });

    it('mocking a client again replaces the previous mock', async () => {
      kmsMock.resolves({ Truncated: true });
      const again = mockClient(KMSClient);
      expect(await kms.send(new ListKeysCommand({}))).toBeUndefined();
      again.restore();
      kmsMock = mockClient(KMSClient);
    });

    it('a custom Sinon sandbox restores the mocks made in it', async () => {
      kmsMock.restore();
      const sandbox = sinon.createSandbox();
      mockClient(KMSClient, { sandbox }).resolves({ Truncated: true });
      expect(await kms.send(new ListKeysCommand({}))).toEqual({ Truncated: true });
      sandbox.restore();
      expect((KMSClient.prototype.send as { isSinonProxy?: boolean }).isSinonProxy).toBeUndefined();
      kmsMock = mockClient(KMSClient);
    });

    it("the test's own sinon.restore() restores a mock made without a sandbox (one copy of sinon), and its matchers work on it", async () => {
      kmsMock.on(ListKeysCommand, { Limit: 5 }).resolves({ Truncated: true });
      await kms.send(new ListKeysCommand({ Limit: 5 }));
      sinon.assert.calledWith(kmsMock.send, sinon.match.has('input', { Limit: 5 }));
      sinon.restore();
      expect((KMSClient.prototype.send as { isSinonProxy?: boolean }).isSinonProxy).toBeUndefined();
      kmsMock = mockClient(KMSClient);
    });

    it("a sandbox with on(Command, input): the input matchers are the sandbox's own", async () => {
      kmsMock.restore();
      const sandbox = sinon.createSandbox();
      mockClient(KMSClient, { sandbox }).on(ListKeysCommand, { Limit: 5 }).resolves({ Truncated: true });
      expect(await kms.send(new ListKeysCommand({ Limit: 5 }))).toEqual({ Truncated: true });
      expect(await kms.send(new ListKeysCommand({ Limit: 6 }))).toBeUndefined();
      sandbox.restore();
      kmsMock = mockClient(KMSClient);
    });

    it('order of type and instance mocks: an instance mocked after its class mock unmocks the class', async () => {
      kmsMock.resolves({ KeyId: '123' } as never);
      const second = new KMSClient({});
      const secondMock = mockClient(second);
      secondMock.resolves({ KeyId: '456' } as never);
      expect(await second.send(new ListKeysCommand({}))).toEqual({ KeyId: '456' });
      expect((KMSClient.prototype.send as { isSinonProxy?: boolean }).isSinonProxy).toBeUndefined();
      secondMock.restore();
    });
  });
});
