/**
 * kms-vault-mock/vitest in a real vitest run: importing it registers the matchers (no
 * expect.extend), and they pass and fail with aws-sdk-client-mock-jest/vitest's messages.
 */
import { stripVTControlCharacters } from 'node:util';
import { CreateKeyCommand, DecryptCommand, DescribeKeyCommand, EncryptCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'kms-vault-mock';
import { ordinalOf } from 'kms-vault-mock/vitest';

const kmsMock = mockClient(KMSClient);
const kms = new KMSClient({ region: 'eu-west-1' });
const first = new DescribeKeyCommand({ KeyId: 'alias/first' });
const second = new DescribeKeyCommand({ KeyId: 'alias/second' });
const listKeys = new ListKeysCommand({ Limit: 5 });

/** The message a failing assertion throws, without colours. */
function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    // Diffs print an object as `Object {` or `{` depending on the vitest version.
    return stripVTControlCharacters((error as Error).message).replaceAll('  {', '  {');
  }
  throw new Error('the assertion passed');
}

beforeEach(() => {
  kmsMock.reset();
});

describe('registration on import', () => {
  it('every matcher and alias is on expect, without expect.extend', () => {
    for (const name of [
      'toHaveReceivedCommand',
      'toHaveReceivedCommandTimes',
      'toHaveReceivedCommandWith',
      'toHaveReceivedNthCommandWith',
      'toHaveReceivedNthSpecificCommandWith',
      'toHaveReceivedAnyCommand',
      'toReceiveCommand',
      'toReceiveCommandTimes',
      'toReceiveCommandWith',
      'toReceiveNthCommandWith',
      'toReceiveNthSpecificCommandWith',
      'toReceiveAnyCommand',
      'toBeCiphertextUnder',
    ]) {
      expect(typeof (expect(kmsMock) as unknown as Record<string, unknown>)[name]).toBe('function');
    }
  });
});

describe('toHaveReceivedCommand', () => {
  it('passes once the command was received; fails before, and under .not after', async () => {
    expect(failure(() => expect(kmsMock).toHaveReceivedCommand(DescribeKeyCommand))).toBe('expected KMSClient to receive DescribeKeyCommand at least once');
    await kms.send(first);
    expect(kmsMock).toHaveReceivedCommand(DescribeKeyCommand);
    expect(kmsMock).toReceiveCommand(DescribeKeyCommand);
    expect(failure(() => expect(kmsMock).not.toHaveReceivedCommand(DescribeKeyCommand))).toBe(
      'expected KMSClient to not receive DescribeKeyCommand at least once',
    );
  });

  it('refuses more arguments with an AssertionError', async () => {
    await kms.send(first);
    const call = (): void => (expect(kmsMock).not.toHaveReceivedCommand as (...args: unknown[]) => void)(DescribeKeyCommand, {});
    expect(call).toThrow(expect.objectContaining({ name: 'AssertionError', message: 'Too many matcher arguments' }));
  });
});

describe('toHaveReceivedCommandTimes', () => {
  it('counts the calls of the command only', async () => {
    await kms.send(first);
    await kms.send(listKeys);
    await kms.send(second);
    expect(kmsMock).toHaveReceivedCommandTimes(DescribeKeyCommand, 2);
    expect(kmsMock).toReceiveCommandTimes(ListKeysCommand, 1);
    expect(failure(() => expect(kmsMock).toHaveReceivedCommandTimes(DescribeKeyCommand, 3))).toBe(
      'expected KMSClient to receive DescribeKeyCommand 3 times, but got 2 times',
    );
    expect(failure(() => expect(kmsMock).not.toHaveReceivedCommandTimes(DescribeKeyCommand, 2))).toBe(
      'expected KMSClient to not receive DescribeKeyCommand 2 times, but got 2 times',
    );
  });
});

describe('toHaveReceivedCommandWith', () => {
  it('passes on a partial match, asymmetric matchers included', async () => {
    await kms.send(first);
    await kms.send(second);
    expect(kmsMock).toHaveReceivedCommandWith(DescribeKeyCommand, { KeyId: 'alias/second' });
    expect(kmsMock).toReceiveCommandWith(DescribeKeyCommand, { KeyId: expect.stringMatching(/^alias\/f/) });
  });

  it('fails with the expected input, then every call with its diff, then the count', async () => {
    await kms.send(first);
    const message = failure(() => expect(kmsMock).toHaveReceivedCommandWith(DescribeKeyCommand, { KeyId: 'alias/second' }));
    expect(message.split('\n')).toEqual([
      'expected KMSClient to receive DescribeKeyCommand with arguments [{',
      '  "KeyId": "alias/second",',
      '}]',
      '',
      'Received:',
      '',
      '  1st call:',
      '',
      '  {',
      '-   "KeyId": "alias/second",',
      '+   "KeyId": "alias/first",',
      '  }',
      '',
      'Number of calls: 1',
    ]);
  });

  it('under .not, fails when a call matches', async () => {
    await kms.send(first);
    expect(failure(() => expect(kmsMock).not.toHaveReceivedCommandWith(DescribeKeyCommand, { KeyId: 'alias/first' }))).toMatch(
      /^expected KMSClient to not receive DescribeKeyCommand with arguments \[\{\n {2}"KeyId": "alias\/first",\n\}\]/,
    );
  });
});

describe('toHaveReceivedNthCommandWith and toHaveReceivedNthSpecificCommandWith', () => {
  it('count every command, or the commands of the class', async () => {
    await kms.send(listKeys);
    await kms.send(first);
    await kms.send(second);
    expect(kmsMock).toHaveReceivedNthCommandWith(3, DescribeKeyCommand, { KeyId: 'alias/second' });
    expect(kmsMock).toHaveReceivedNthSpecificCommandWith(2, DescribeKeyCommand, { KeyId: 'alias/second' });
    expect(kmsMock).toReceiveNthSpecificCommandWith(1, DescribeKeyCommand, { KeyId: expect.any(String) });
    expect(kmsMock).not.toReceiveNthCommandWith(1, DescribeKeyCommand, { KeyId: 'alias/first' });
  });

  it('fail with an ordinal and a diff, or the number of calls received', async () => {
    await kms.send(first);
    await kms.send(first);
    expect(failure(() => expect(kmsMock).toHaveReceivedNthCommandWith(2, DescribeKeyCommand, { KeyId: 'alias/second' })).split('\n')).toEqual([
      'expected KMSClient to receive 2nd DescribeKeyCommand with arguments [{',
      '  "KeyId": "alias/second",',
      '}]',
      '',
      '- Expected',
      '+ Received',
      '',
      '  {',
      '-   "KeyId": "alias/second",',
      '+   "KeyId": "alias/first",',
      '  }',
    ]);
    expect(failure(() => expect(kmsMock).toReceiveNthSpecificCommandWith(5, DescribeKeyCommand, { KeyId: 'alias/second' }))).toBe(
      'expected KMSClient to receive 5th DescribeKeyCommand with arguments [{\n  "KeyId": "alias/second",\n}], but KMSClient has only received DescribeKeyCommand 2 times\n\n',
    );
  });
});

describe('toHaveReceivedAnyCommand', () => {
  it('passes after any command; fails before', async () => {
    expect(failure(() => expect(kmsMock).toHaveReceivedAnyCommand())).toBe('expected KMSClient to receive any command at least once');
    await kms.send(listKeys);
    expect(kmsMock).toReceiveAnyCommand();
    expect(failure(() => expect(kmsMock).not.toHaveReceivedAnyCommand())).toBe('expected KMSClient to not receive any command at least once');
  });
});

describe('a vault-backed mock and the ciphertext matchers', () => {
  it('real round trips, then assertions on the calls and on the ciphertext', async () => {
    kmsMock.restore();
    const vaultMock = mockClient(KMSClient, { vault: true });
    try {
      const client = new KMSClient({ region: 'eu-west-1' });
      const keyId = (await client.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId ?? '';
      const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array([1, 2]), EncryptionContext: { tenant: 'a' } }));
      await client.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { tenant: 'a' } }));
      expect(vaultMock).toHaveReceivedCommandWith(EncryptCommand, { KeyId: keyId });
      expect(vaultMock).toHaveReceivedCommandTimes(DecryptCommand, 1);
      expect(CiphertextBlob).toBeCiphertextUnder(vaultMock.vault, keyId, { encryptionContext: { tenant: 'a' } });
      expect(CiphertextBlob).toBeCiphertextWithContext(vaultMock.vault, { tenant: 'a' });
      expect(CiphertextBlob).not.toBeCiphertextWithContext(vaultMock.vault, { tenant: 'b' });
    } finally {
      vaultMock.restore();
    }
  });
});

describe('ordinalOf', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [10, '10th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [42, '42nd'],
    [73, '73rd'],
    [111, '111th'],
    [112, '112th'],
    [1001, '1001st'],
    [1013, '1013th'],
    [1022, '1022nd'],
  ])('%d is %s', (n, text) => {
    expect(ordinalOf(n)).toBe(text);
  });
});
