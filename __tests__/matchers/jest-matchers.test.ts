import { stripVTControlCharacters } from 'node:util';
import { CreateKeyCommand, DecryptCommand, DescribeKeyCommand, EncryptCommand, KMSClient, ListAliasesCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import { expect as globalsExpect } from '@jest/globals';
import * as original from 'aws-sdk-client-mock';
import type { MetadataBearer } from '@smithy/types';
import { mockClient, type AwsClientStub, type AwsCommand } from 'kms-vault-mock';
import { installMatchers, kmsVaultMatchers } from 'kms-vault-mock/jest';

/** The failure message of an expectation, without colours (jest colours only where the terminal has them). */
function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('the expectation passed');
}

/**
 * aws-sdk-client-mock-jest's own tests use an SNS client and PublishCommand; these stand-ins have
 * their names, so that its expected failure messages can be compared word for word.
 */
class SNSClient extends KMSClient {}
interface PublishCommandInput {
  Message: string;
  TopicArn?: string;
}
class SnsPublishCommand {
  constructor(readonly input: PublishCommandInput) {}
}
Object.defineProperty(SnsPublishCommand, 'name', { value: 'PublishCommand' });
const PublishCommand = SnsPublishCommand as unknown as new (input: PublishCommandInput) => AwsCommand<PublishCommandInput, MetadataBearer>;
const topic = 'arn:aws:sns:us-east-1:111111111111:MyTopic';
const publishCmd1 = new PublishCommand({ TopicArn: topic, Message: 'mock message' });
const publishCmd2 = new PublishCommand({ TopicArn: topic, Message: 'second mock message' });
const call1 = `  1. PublishCommand: {"Message": "mock message", "TopicArn": "${topic}"}`;

describe("aws-sdk-client-mock-jest's failure messages, word for word (its test suite, ported)", () => {
  let snsMock: AwsClientStub<SNSClient>;
  const sns = new SNSClient({});
  beforeEach(() => {
    snsMock = mockClient(SNSClient);
  });
  afterEach(() => snsMock.restore());

  it('toHaveReceivedCommand fails on not receiving the command', () => {
    expect(failureOf(() => expect(snsMock).toHaveReceivedCommand(PublishCommand))).toBe(
      'Expected SNSClient to receive "PublishCommand"\nSNSClient received "PublishCommand" 0 times',
    );
  });

  it('.not.toHaveReceivedCommand fails on receiving it, and lists the calls', async () => {
    await sns.send(publishCmd1 as never);
    expect(failureOf(() => expect(snsMock).not.toHaveReceivedCommand(PublishCommand))).toBe(
      `Expected SNSClient to not receive "PublishCommand"\nSNSClient received "PublishCommand" 1 times\n\nCalls:\n${call1}`,
    );
  });

  it('toHaveReceivedCommandTimes fails on another number of calls', async () => {
    await sns.send(publishCmd1 as never);
    expect(failureOf(() => expect(snsMock).toHaveReceivedCommandTimes(PublishCommand, 2))).toBe(
      `Expected SNSClient to receive "PublishCommand" 2 times\nSNSClient received "PublishCommand" 1 times\n\nCalls:\n${call1}`,
    );
  });

  it('.not.toHaveReceivedCommandTimes fails on that number of calls', async () => {
    await sns.send(publishCmd1 as never);
    await sns.send(publishCmd1 as never);
    expect(failureOf(() => expect(snsMock).not.toHaveReceivedCommandTimes(PublishCommand, 2))).toBe(
      `Expected SNSClient to not receive "PublishCommand" 2 times\nSNSClient received "PublishCommand" 2 times\n\nCalls:\n${call1}\n${call1.replace('1.', '2.')}`,
    );
  });

  it('toHaveReceivedCommandWith fails when no call has matching input', async () => {
    await sns.send(publishCmd1 as never);
    expect(failureOf(() => expect(snsMock).toHaveReceivedCommandWith(PublishCommand, { Message: 'second mock message' }))).toBe(
      `Expected SNSClient to receive "PublishCommand" with {"Message": "second mock message"}\nSNSClient received matching "PublishCommand" 0 times\n\nCalls:\n${call1}`,
    );
  });

  it('.not.toHaveReceivedCommandWith fails on a partial match', async () => {
    await sns.send(publishCmd1 as never);
    expect(failureOf(() => expect(snsMock).not.toHaveReceivedCommandWith(PublishCommand, { Message: 'mock message' }))).toBe(
      `Expected SNSClient to not receive "PublishCommand" with {"Message": "mock message"}\nSNSClient received matching "PublishCommand" 1 times\n\nCalls:\n${call1}`,
    );
  });

  it('toHaveReceivedCommandWith prints asymmetric matchers it failed to match', async () => {
    await sns.send(publishCmd1 as never);
    expect(failureOf(() => expect(snsMock).toHaveReceivedCommandWith(PublishCommand, { Message: expect.stringMatching(/qq/) }))).toBe(
      `Expected SNSClient to receive "PublishCommand" with {"Message": StringMatching /qq/}\nSNSClient received matching "PublishCommand" 0 times\n\nCalls:\n${call1}`,
    );
  });

  it('toHaveReceivedNthCommandWith fails on another input, with the diff', async () => {
    await sns.send(publishCmd1 as never);
    await sns.send(publishCmd1 as never);
    expect(failureOf(() => expect(snsMock).toHaveReceivedNthCommandWith(2, PublishCommand, { Message: 'second mock message' }))).toBe(
      [
        'Expected SNSClient to receive 2. "PublishCommand" with {"Message": "second mock message"}',
        'SNSClient received "PublishCommand" with input:',
        '- Expected  - 1',
        '+ Received  + 2',
        '',
        '  Object {',
        '-   "Message": "second mock message",',
        '+   "Message": "mock message",',
        `+   "TopicArn": "${topic}",`,
        '  }',
        '',
        'Calls:',
        call1,
        call1.replace('1.', '2.'),
      ].join('\n'),
    );
  });

  it('.not.toHaveReceivedNthCommandWith fails on a match, with the diff', async () => {
    await sns.send(publishCmd1 as never);
    await sns.send(publishCmd2 as never);
    expect(failureOf(() => expect(snsMock).not.toHaveReceivedNthCommandWith(2, PublishCommand, { Message: 'second mock message' }))).toBe(
      [
        'Expected SNSClient to not receive 2. "PublishCommand" with {"Message": "second mock message"}',
        'SNSClient received "PublishCommand" with input:',
        '- Expected  - 0',
        '+ Received  + 1',
        '',
        '  Object {',
        '    "Message": "second mock message",',
        `+   "TopicArn": "${topic}",`,
        '  }',
        '',
        'Calls:',
        call1,
        `  2. PublishCommand: {"Message": "second mock message", "TopicArn": "${topic}"}`,
      ].join('\n'),
    );
  });

  it('toHaveReceivedNthCommandWith fails on fewer calls than the nth, without a diff', async () => {
    await sns.send(publishCmd1 as never);
    expect(failureOf(() => expect(snsMock).toHaveReceivedNthCommandWith(2, PublishCommand, { Message: 'second mock message' }))).toBe(
      `Expected SNSClient to receive 2. "PublishCommand" with {"Message": "second mock message"}\n\nCalls:\n${call1}`,
    );
  });
});

describe('command matchers on KMS mocks (aws-sdk-client-mock README, Custom matchers)', () => {
  let kmsMock: AwsClientStub<KMSClient>;
  const kms = new KMSClient({});
  const describe1 = new DescribeKeyCommand({ KeyId: 'alias/one' });
  const describe2 = new DescribeKeyCommand({ KeyId: 'alias/two' });
  beforeEach(() => {
    kmsMock = mockClient(KMSClient);
  });
  afterEach(() => kmsMock.restore());

  it('toHaveReceivedCommand: the command was sent at least once; other commands do not count', async () => {
    await kms.send(new ListKeysCommand({}));
    expect(kmsMock).not.toHaveReceivedCommand(DescribeKeyCommand);
    await kms.send(describe1);
    expect(kmsMock).toHaveReceivedCommand(DescribeKeyCommand);
    expect(kmsMock).toReceiveCommand(DescribeKeyCommand);
  });

  it('toHaveReceivedAnyCommand: at least one command was sent', async () => {
    expect(kmsMock).not.toHaveReceivedAnyCommand();
    expect(failureOf(() => expect(kmsMock).toHaveReceivedAnyCommand())).toBe(
      'Expected KMSClient to receive any command\nKMSClient received any command 0 times',
    );
    await kms.send(new ListKeysCommand({}));
    expect(kmsMock).toHaveReceivedAnyCommand();
    expect(kmsMock).toReceiveAnyCommand();
    expect(failureOf(() => expect(kmsMock).not.toHaveReceivedAnyCommand())).toBe(
      'Expected KMSClient to not receive any command\nKMSClient received any command 1 times\n\nCalls:\n  1. ListKeysCommand: {}',
    );
  });

  it('toHaveReceivedCommandTimes: exactly that many times', async () => {
    await kms.send(describe1);
    await kms.send(describe2);
    expect(kmsMock).toHaveReceivedCommandTimes(DescribeKeyCommand, 2);
    expect(kmsMock).toReceiveCommandTimes(DescribeKeyCommand, 2);
    expect(kmsMock).not.toHaveReceivedCommandTimes(DescribeKeyCommand, 1);
    expect(kmsMock).toHaveReceivedCommandTimes(EncryptCommand, 0);
  });

  it('toHaveReceivedCommandOnce: exactly once, with a message in the same style', async () => {
    await kms.send(describe1);
    expect(kmsMock).toHaveReceivedCommandOnce(DescribeKeyCommand);
    expect(kmsMock).toReceiveCommandOnce(DescribeKeyCommand);
    await kms.send(describe2);
    expect(failureOf(() => expect(kmsMock).toHaveReceivedCommandOnce(DescribeKeyCommand))).toBe(
      [
        'Expected KMSClient to receive "DescribeKeyCommand" once',
        'KMSClient received "DescribeKeyCommand" 2 times',
        '',
        'Calls:',
        '  1. DescribeKeyCommand: {"KeyId": "alias/one"}',
        '  2. DescribeKeyCommand: {"KeyId": "alias/two"}',
      ].join('\n'),
    );
  });

  it('toHaveReceivedCommandWith: some call has an input containing the given one; asymmetric matchers work', async () => {
    await kms.send(new EncryptCommand({ KeyId: 'alias/orders', Plaintext: Buffer.from('x'), EncryptionContext: { tenant: 'a' } }));
    expect(kmsMock).toHaveReceivedCommandWith(EncryptCommand, { KeyId: 'alias/orders' });
    expect(kmsMock).toHaveReceivedCommandWith(EncryptCommand, { KeyId: expect.stringContaining('orders'), EncryptionContext: { tenant: 'a' } });
    expect(kmsMock).toReceiveCommandWith(EncryptCommand, { EncryptionContext: expect.objectContaining({ tenant: 'a' }) });
    // Nested objects compare whole, as in expect.objectContaining.
    expect(kmsMock).not.toHaveReceivedCommandWith(EncryptCommand, { EncryptionContext: {} });
    expect(kmsMock).not.toHaveReceivedCommandWith(DecryptCommand, {});
  });

  it('toHaveReceivedCommandExactlyOnceWith: the command was sent once, and with that input', async () => {
    await kms.send(describe1);
    expect(kmsMock).toHaveReceivedCommandExactlyOnceWith(DescribeKeyCommand, { KeyId: 'alias/one' });
    expect(kmsMock).toReceiveCommandExactlyOnceWith(DescribeKeyCommand, { KeyId: expect.any(String) });
    expect(failureOf(() => expect(kmsMock).toHaveReceivedCommandExactlyOnceWith(DescribeKeyCommand, { KeyId: 'alias/two' }))).toBe(
      [
        'Expected KMSClient to receive "DescribeKeyCommand" exactly once with {"KeyId": "alias/two"}',
        'KMSClient received "DescribeKeyCommand" 1 times, 0 of them matching',
        'KMSClient received "DescribeKeyCommand" with input:',
        '- Expected  - 1',
        '+ Received  + 1',
        '',
        '  Object {',
        '-   "KeyId": "alias/two",',
        '+   "KeyId": "alias/one",',
        '  }',
        '',
        'Calls:',
        '  1. DescribeKeyCommand: {"KeyId": "alias/one"}',
      ].join('\n'),
    );
    await kms.send(describe1);
    expect(kmsMock).not.toHaveReceivedCommandExactlyOnceWith(DescribeKeyCommand, { KeyId: 'alias/one' });
    expect(failureOf(() => expect(kmsMock).toHaveReceivedCommandExactlyOnceWith(DescribeKeyCommand, { KeyId: 'alias/one' }))).toContain(
      'KMSClient received "DescribeKeyCommand" 2 times, 2 of them matching',
    );
  });

  it('toHaveReceivedNthCommandWith: the nth command sent (of any kind) was this one with this input', async () => {
    await kms.send(new ListKeysCommand({}));
    await kms.send(describe1);
    expect(kmsMock).toHaveReceivedNthCommandWith(2, DescribeKeyCommand, { KeyId: 'alias/one' });
    expect(kmsMock).toReceiveNthCommandWith(2, DescribeKeyCommand, { KeyId: 'alias/one' });
    expect(kmsMock).not.toHaveReceivedNthCommandWith(1, DescribeKeyCommand, {});
    expect(failureOf(() => expect(kmsMock).toHaveReceivedNthCommandWith(1, DescribeKeyCommand, {}))).toContain(
      'Expected KMSClient to receive 1. "DescribeKeyCommand" with {}\nKMSClient received "ListKeysCommand" with input:',
    );
  });

  it('toHaveReceivedNthSpecificCommandWith: the nth command of that class had this input', async () => {
    await kms.send(new ListKeysCommand({}));
    await kms.send(describe1);
    await kms.send(new ListAliasesCommand({}));
    await kms.send(describe2);
    expect(kmsMock).toHaveReceivedNthSpecificCommandWith(2, DescribeKeyCommand, { KeyId: 'alias/two' });
    expect(kmsMock).toReceiveNthSpecificCommandWith(1, DescribeKeyCommand, { KeyId: 'alias/one' });
    expect(kmsMock).not.toHaveReceivedNthSpecificCommandWith(3, DescribeKeyCommand, {});
    expect(failureOf(() => expect(kmsMock).toHaveReceivedNthSpecificCommandWith(1, DescribeKeyCommand, { KeyId: 'alias/two' }))).toBe(
      [
        'Expected KMSClient to receive 1. "DescribeKeyCommand" with {"KeyId": "alias/two"}',
        'KMSClient received "DescribeKeyCommand" with input:',
        '- Expected  - 1',
        '+ Received  + 1',
        '',
        '  Object {',
        '-   "KeyId": "alias/two",',
        '+   "KeyId": "alias/one",',
        '  }',
        '',
        'Calls:',
        '  1. ListKeysCommand: {}',
        '  2. DescribeKeyCommand: {"KeyId": "alias/one"}',
        '  3. ListAliasesCommand: {}',
        '  4. DescribeKeyCommand: {"KeyId": "alias/two"}',
      ].join('\n'),
    );
  });

  it('work on a vault-backed mock: the calls the vault answered count', async () => {
    const vaultMock = mockClient(KMSClient, { vault: true });
    try {
      await kms.send(new CreateKeyCommand({ Description: 'real' }));
      expect(vaultMock).toHaveReceivedCommandExactlyOnceWith(CreateKeyCommand, { Description: 'real' });
    } finally {
      vaultMock.restore();
    }
  });

  it("work on aws-sdk-client-mock's own mocks too, for a migration in steps", async () => {
    kmsMock.restore();
    const theirs = original.mockClient(KMSClient);
    try {
      await kms.send(describe1);
      expect(theirs).toHaveReceivedCommandWith(DescribeKeyCommand, { KeyId: 'alias/one' });
    } finally {
      theirs.restore();
      kmsMock = mockClient(KMSClient);
    }
  });

  it('refuse what aws-sdk-client-mock-jest refuses, with its assertion messages', () => {
    expect(() => expect(new KMSClient({})).toHaveReceivedCommand(DescribeKeyCommand)).toThrow('The actual must be a client mock instance');
    expect(() => expect(kmsMock).toHaveReceivedCommand(42 as never)).toThrow('Command must be valid AWS SDK Command');
    expect(() => (expect(kmsMock).toHaveReceivedCommand as (...args: unknown[]) => void)(DescribeKeyCommand, {})).toThrow('Too many matcher arguments');
    expect(() => expect(kmsMock).toHaveReceivedNthCommandWith(0, DescribeKeyCommand, {})).toThrow('Call number must be a number greater than 0');
    expect(() => expect(kmsMock).toHaveReceivedNthSpecificCommandWith(-1, DescribeKeyCommand, {})).toThrow('Call number must be a number greater than 0');
  });
});

describe('kms-vault-mock/jest registration', () => {
  it('registers on import with the global expect, and under @jest/globals through the same registry', async () => {
    const kmsMock = mockClient(KMSClient);
    try {
      await new KMSClient({}).send(new ListKeysCommand({}));
      globalsExpect(kmsMock).toHaveReceivedCommand(ListKeysCommand);
    } finally {
      kmsMock.restore();
    }
  });

  it('exports every matcher, for expect.extend(kmsVaultMatchers) or installMatchers(expect)', () => {
    expect(Object.keys(kmsVaultMatchers).sort()).toEqual([
      'toBeCiphertextUnder',
      'toBeCiphertextWithContext',
      'toHaveCloudTrailEvent',
      'toHaveCloudTrailEventTimes',
      'toHaveReceivedAnyCommand',
      'toHaveReceivedCommand',
      'toHaveReceivedCommandExactlyOnceWith',
      'toHaveReceivedCommandOnce',
      'toHaveReceivedCommandTimes',
      'toHaveReceivedCommandWith',
      'toHaveReceivedNthCommandWith',
      'toHaveReceivedNthSpecificCommandWith',
      'toReceiveAnyCommand',
      'toReceiveCommand',
      'toReceiveCommandExactlyOnceWith',
      'toReceiveCommandOnce',
      'toReceiveCommandTimes',
      'toReceiveCommandWith',
      'toReceiveNthCommandWith',
      'toReceiveNthSpecificCommandWith',
    ]);
    const extended: object[] = [];
    installMatchers({ extend: (matchers) => extended.push(matchers) });
    expect(extended).toEqual([kmsVaultMatchers]);
  });
});
