/**
 * aws-sdk-client-mock's documented examples (README: Mock, Inspect, Custom matchers, AWS Lambda
 * example), written as a user of aws-sdk-client-mock writes them, for KMS instead of SNS. The only
 * change from such a file is the two import lines:
 *   import { mockClient, AwsClientStub } from 'aws-sdk-client-mock';  ->  from 'kms-vault-mock'
 *   import 'aws-sdk-client-mock-jest';                                ->  import 'kms-vault-mock/jest'
 */
import { EncryptCommand, KMSClient, ListKeysCommand, paginateListKeys } from '@aws-sdk/client-kms';
import { AwsClientStub, mockClient } from 'kms-vault-mock';
import 'kms-vault-mock/jest';

// The code under test: a Lambda handler that encrypts each message with a KMS key, as in the README's SNS example.
const keyId = process.env.KEY_ID || 'alias/messages';
const kms = new KMSClient({});
const handler = async (event: { messages: string[] }): Promise<string[]> => {
  const results = await Promise.all(event.messages.map((msg) => kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from(msg) }))));
  return results.map((r) => Buffer.from(r.CiphertextBlob ?? []).toString('base64'));
};

const kmsMock: AwsClientStub<KMSClient> = mockClient(KMSClient);

/**
 * To be sure that unit tests are independent from each other,
 * reset mock behavior between the tests.
 */
beforeEach(() => {
  kmsMock.reset();
});

afterAll(() => {
  kmsMock.restore();
});

it('AWS Lambda example: ciphertexts are returned', async () => {
  kmsMock.on(EncryptCommand).resolves({
    CiphertextBlob: Buffer.from('12345678-1111-2222-3333-111122223333'),
  });

  const result = await handler({
    messages: ['one', 'two', 'three'],
  });

  expect(result).toHaveLength(3);
  expect(Buffer.from(result[0] ?? '', 'base64').toString()).toBe('12345678-1111-2222-3333-111122223333');
});

it('AWS Lambda example: KMS Client is called with EncryptCommand', async () => {
  kmsMock.on(EncryptCommand).resolves({
    CiphertextBlob: Buffer.from('111-222-333'),
  });

  await handler({
    messages: ['qq', 'xx'],
  });

  expect(kmsMock).toHaveReceivedCommandTimes(EncryptCommand, 2);
});

it('Mock: chained behaviors for consecutive calls', async () => {
  kmsMock
    .on(EncryptCommand)
    .resolvesOnce({ KeyId: '12345678-1111-1111-1111-111122223333' })
    .resolvesOnce({ KeyId: '12345678-2222-2222-2222-111122223333' })
    .resolves({ KeyId: '12345678-3333-3333-3333-111122223333' });

  const ids = [];
  for (let i = 0; i < 3; i++) ids.push((await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') }))).KeyId);
  expect(ids).toEqual(['12345678-1111-1111-1111-111122223333', '12345678-2222-2222-2222-111122223333', '12345678-3333-3333-3333-111122223333']);
});

it('Mock: throwing an error', async () => {
  const throttlingError = new Error('mocked rejection');
  throttlingError.name = 'ThrottlingException';

  kmsMock.rejects(throttlingError);

  await expect(handler({ messages: ['a'] })).rejects.toThrow('mocked rejection');
});

it('Mock: custom mock function', async () => {
  kmsMock.on(EncryptCommand).callsFake((input) => {
    if (input.KeyId === 'alias/messages') {
      return { KeyId: '12345678-1111-2222-3333-111122223333' };
    } else {
      throw new Error('mocked rejection');
    }
  });

  expect(await kms.send(new EncryptCommand({ KeyId: 'alias/messages', Plaintext: Buffer.from('a') }))).toEqual({
    KeyId: '12345678-1111-2222-3333-111122223333',
  });
  await expect(kms.send(new EncryptCommand({ KeyId: 'alias/other', Plaintext: Buffer.from('a') }))).rejects.toThrow('mocked rejection');
});

it('Mock: result based on Client configuration, i.e. region', async () => {
  const euKms = new KMSClient({ region: 'eu-central-1' });
  kmsMock.on(EncryptCommand).callsFake(async (input, getClient) => {
    const client = getClient();
    const region = await client.config.region();
    return { KeyId: region.substring(0, 2) };
  });

  await expect(euKms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('a') }))).resolves.toEqual({ KeyId: 'eu' });
});

it('Mock: paginated operations', async () => {
  kmsMock.on(ListKeysCommand).resolves({
    Keys: [{ KeyId: 'a' }, { KeyId: 'b' }],
  });

  const paginator = paginateListKeys({ client: kms }, {});

  const keys = [];
  for await (const page of paginator) {
    keys.push(...(page.Keys || []));
  }
  expect(keys).toEqual([{ KeyId: 'a' }, { KeyId: 'b' }]);
});

it('Inspect: calls, call, commandCalls', async () => {
  kmsMock.on(EncryptCommand).resolves({});
  await handler({ messages: ['hello world', 'other'] });

  expect(kmsMock.calls()).toHaveLength(2);
  expect(kmsMock.call(0).args[0].input).toEqual({ KeyId: 'alias/messages', Plaintext: Buffer.from('hello world') });
  expect(kmsMock.commandCalls(EncryptCommand)).toHaveLength(2);
  expect(kmsMock.commandCalls(EncryptCommand, { Plaintext: Buffer.from('other') })).toHaveLength(1);
  const kmsSendStub = kmsMock.send;
  expect(kmsSendStub.callCount).toBe(2);
});

it('Custom matchers: Jest', async () => {
  kmsMock.resolves({});
  await handler({ messages: ['hello world', 'hello again'] });

  // an EncryptCommand was sent to KMS
  expect(kmsMock).toHaveReceivedCommand(EncryptCommand);

  // at least one command was sent to KMS
  expect(kmsMock).toHaveReceivedAnyCommand();

  // two EncryptCommands were sent to KMS
  expect(kmsMock).toHaveReceivedCommandTimes(EncryptCommand, 2);

  // an EncryptCommand with KeyId "alias/messages" was sent to KMS
  expect(kmsMock).toHaveReceivedCommandWith(EncryptCommand, { KeyId: 'alias/messages' });

  // an EncryptCommand with KeyId containing "messages" was sent to KMS
  expect(kmsMock).toHaveReceivedCommandWith(EncryptCommand, { KeyId: expect.stringContaining('messages') });

  // the second command sent to KMS was an EncryptCommand with Plaintext "hello again"
  expect(kmsMock).toHaveReceivedNthCommandWith(2, EncryptCommand, { Plaintext: Buffer.from('hello again') });

  // the second EncryptCommand sent to KMS had Plaintext "hello again"
  expect(kmsMock).toHaveReceivedNthSpecificCommandWith(2, EncryptCommand, { Plaintext: Buffer.from('hello again') });

  // shorter aliases exist, like toReceiveCommandTimes()
  expect(kmsMock).toReceiveCommandTimes(EncryptCommand, 2);
});
