/**
 * kms-vault-mock/vitest runs without vitest: its matchers take the framework from `this`. Here they
 * run with a context made like vitest's (pretty-format's `stringify` without the basic prototype,
 * jest-diff's `diff`), and installed on jest's expect, which has the same `expect.extend`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { DescribeKeyCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { equals } from '@jest/expect-utils';
import { diff } from 'jest-diff';
import { printExpected, printReceived } from 'jest-matcher-utils';
import { format, plugins } from 'pretty-format';
import { mockClient, type AwsClientStub } from 'kms-vault-mock';
import { installMatchers, kmsVaultMatchers, type MatcherContextLike, type VitestPrintUtils } from 'kms-vault-mock/vitest';

function vitestLike(isNot = false): MatcherContextLike<VitestPrintUtils> {
  return {
    isNot,
    equals: (a, b) => equals(a, b),
    utils: {
      printExpected,
      printReceived,
      stringify: (value, maxDepth = 10, options = {}) => format(value, { maxDepth, escapeString: false, plugins: [plugins.AsymmetricMatcher], ...options }),
      diff: (a, b, options) => diff(a, b, options),
    },
  };
}

type Matcher = keyof typeof kmsVaultMatchers;

function messageOf(name: Matcher, isNot: boolean, received: unknown, ...args: unknown[]): { pass: boolean; message: string } {
  const result = kmsVaultMatchers[name].call(vitestLike(isNot), received, ...args);
  return { pass: result.pass, message: stripVTControlCharacters(result.message()) };
}

describe("kms-vault-mock/vitest: aws-sdk-client-mock-jest's vitest messages", () => {
  let kmsMock: AwsClientStub<KMSClient>;
  const kms = new KMSClient({});
  const one = new DescribeKeyCommand({ KeyId: 'alias/one' });
  beforeEach(() => {
    kmsMock = mockClient(KMSClient);
  });
  afterEach(() => kmsMock.restore());

  it('toHaveReceivedCommand: "expected <client> to receive <command> at least once"', () => {
    expect(messageOf('toHaveReceivedCommand', false, kmsMock, DescribeKeyCommand)).toEqual({
      pass: false,
      message: 'expected KMSClient to receive DescribeKeyCommand at least once',
    });
  });

  it('toHaveReceivedCommandTimes and toHaveReceivedCommandOnce: "..., but got N times"', async () => {
    await kms.send(one);
    await kms.send(one);
    expect(messageOf('toHaveReceivedCommandTimes', false, kmsMock, DescribeKeyCommand, 3).message).toBe(
      'expected KMSClient to receive DescribeKeyCommand 3 times, but got 2 times',
    );
    expect(messageOf('toHaveReceivedCommandTimes', true, kmsMock, DescribeKeyCommand, 2)).toEqual({
      pass: true,
      message: 'expected KMSClient to not receive DescribeKeyCommand 2 times, but got 2 times',
    });
    expect(messageOf('toReceiveCommandOnce', false, kmsMock, DescribeKeyCommand).message).toBe(
      'expected KMSClient to receive DescribeKeyCommand once, but got 2 times',
    );
  });

  it('toHaveReceivedCommandWith: the expected arguments, then a diff per call of the command and the count', async () => {
    await kms.send(one);
    const { pass, message } = messageOf('toHaveReceivedCommandWith', false, kmsMock, DescribeKeyCommand, { KeyId: 'alias/two' });
    expect(pass).toBe(false);
    expect(message).toBe(
      [
        'expected KMSClient to receive DescribeKeyCommand with arguments [{\n  "KeyId": "alias/two",\n}]',
        'Received:',
        '  1st call:',
        '  Object {\n-   "KeyId": "alias/two",\n+   "KeyId": "alias/one",\n  }',
        'Number of calls: 1',
      ].join('\n\n'),
    );
  });

  it('toHaveReceivedCommandExactlyOnceWith: worded like toHaveReceivedCommandWith', async () => {
    await kms.send(one);
    await kms.send(one);
    const { pass, message } = messageOf('toHaveReceivedCommandExactlyOnceWith', false, kmsMock, DescribeKeyCommand, { KeyId: 'alias/one' });
    expect(pass).toBe(false);
    expect(message).toMatch(
      /^expected KMSClient to receive DescribeKeyCommand exactly once with arguments \[\{\n {2}"KeyId": "alias\/one",\n\}\]\n\nReceived:\n\n {2}1st call:/,
    );
    expect(message).toContain('2nd call:');
    expect(message).toMatch(/Number of calls: 2$/);
  });

  it('toHaveReceivedNthCommandWith: ordinal call, then the diff, or how many calls there were', async () => {
    await kms.send(new ListKeysCommand({}));
    const tooFew = messageOf('toHaveReceivedNthSpecificCommandWith', false, kmsMock, 2, DescribeKeyCommand, { KeyId: 'alias/one' });
    expect(tooFew.message).toBe(
      'expected KMSClient to receive 2nd DescribeKeyCommand with arguments [{\n  "KeyId": "alias/one",\n}], but KMSClient has only received DescribeKeyCommand 0 times\n\n',
    );
    await kms.send(one);
    const nth = messageOf('toHaveReceivedNthCommandWith', true, kmsMock, 2, DescribeKeyCommand, { KeyId: 'alias/one' });
    expect(nth.pass).toBe(true);
    expect(nth.message).toMatch(
      /^expected KMSClient to not receive 2nd DescribeKeyCommand with arguments \[\{\n {2}"KeyId": "alias\/one",\n\}\], but KMSClient has only received DescribeKeyCommand 1 times/,
    );
  });

  it('toHaveReceivedAnyCommand: "expected <client> to receive any command at least once"', () => {
    expect(messageOf('toReceiveAnyCommand', false, kmsMock).message).toBe('expected KMSClient to receive any command at least once');
  });

  it("installMatchers(expect) registers them with an expect.extend, here jest's", async () => {
    installMatchers(expect);
    await kms.send(one);
    expect(kmsMock).toHaveReceivedCommandExactlyOnceWith(DescribeKeyCommand, { KeyId: expect.stringMatching(/^alias\//) });
    expect(() => expect(kmsMock).toHaveReceivedCommandTimes(DescribeKeyCommand, 2)).toThrow(
      'expected KMSClient to receive DescribeKeyCommand 2 times, but got 1 times',
    );
  });

  it('does not load vitest (types only), so that it loads where vitest is not installed, from CommonJS too', () => {
    const sources = [
      'vitest.ts',
      'vitest-messages.ts',
      'command-matchers.ts',
      'matcher-context.ts',
      'received-calls.ts',
      'ciphertext-matchers.ts',
      'decrypt-check.ts',
      'kms-vault-matchers.ts',
    ];
    for (const file of sources) {
      expect(readFileSync(join(__dirname, '..', '..', 'src', 'matchers', file), 'utf8')).not.toMatch(
        /^(import|export)(?! type )[^;]*from ['"](vitest|@vitest\/[^'"]+|chalk)['"]|require\(['"]vitest/m,
      );
    }
    expect(readFileSync(join(__dirname, '..', '..', 'src', 'matchers', 'vitest.ts'), 'utf8')).toMatch(/^declare module 'vitest' \{$/m);
  });
});
