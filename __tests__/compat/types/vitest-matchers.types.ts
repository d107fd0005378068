/**
 * The types kms-vault-mock/vitest adds to vitest's `expect` on import, checked by compiling this
 * file (see ../types.test.ts): the matchers on `Assertion`, and as asymmetric matchers.
 */
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { KmsVault, mockClient } from 'kms-vault-mock';
import { ordinalOf } from 'kms-vault-mock/vitest';
import { expectTypeOf } from './expect-type';

export function vitestMatcherTypes(): void {
  const kmsMock = mockClient(KMSClient);
  expect(kmsMock).toHaveReceivedCommand(EncryptCommand);
  // @ts-expect-error not a command class
  expect(kmsMock).toHaveReceivedCommand(String);
  expect(kmsMock).toHaveReceivedAnyCommand();
  expect(kmsMock).toHaveReceivedCommandTimes(EncryptCommand, 1);
  // @ts-expect-error the number of times is missing
  expect(kmsMock).toHaveReceivedCommandTimes(EncryptCommand);
  expect(kmsMock).toHaveReceivedCommandWith(EncryptCommand, { KeyId: expect.stringContaining('alias/') });
  // @ts-expect-error Foo is not an input of Encrypt
  expect(kmsMock).toHaveReceivedCommandWith(EncryptCommand, { Foo: '' });
  expect(kmsMock).toHaveReceivedNthCommandWith(1, EncryptCommand, { KeyId: 'alias/a' });
  expect(kmsMock).not.toHaveReceivedNthSpecificCommandWith(2, DecryptCommand, { KeyId: 'alias/a' });
  expect(kmsMock).toReceiveCommandOnce(EncryptCommand);
  expect(kmsMock).toReceiveCommandExactlyOnceWith(EncryptCommand, { KeyId: 'alias/a' });
  expect(new Uint8Array()).toBeCiphertextWithContext(new KmsVault(), { tenant: 'a' });
  expect({ mock: kmsMock }).toEqual({ mock: expect.toHaveReceivedCommand(EncryptCommand) });
  expectTypeOf(ordinalOf(2)).toBe<string>();
}
