/**
 * The types kms-vault-mock/jest adds to jest's `expect` (global and @jest/globals), checked by
 * compiling this file (see ../types.test.ts): the ground of aws-sdk-client-mock-jest's type tests.
 */
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { expect as globalsExpect } from '@jest/globals';
import { KmsVault, mockClient } from 'kms-vault-mock';
import 'kms-vault-mock/jest';

export function jestMatcherTypes(): void {
  const kmsMock = mockClient(KMSClient);
  expect(1).toHaveReceivedCommand(EncryptCommand);
  expect(kmsMock).toHaveReceivedCommand(EncryptCommand);
  // @ts-expect-error not a command class
  expect(kmsMock).toHaveReceivedCommand(String);
  expect(kmsMock).toHaveReceivedAnyCommand();
  expect(kmsMock).toHaveReceivedCommandTimes(EncryptCommand, 1);
  // @ts-expect-error the number of times is missing
  expect(kmsMock).toHaveReceivedCommandTimes(EncryptCommand);
  expect(kmsMock).toHaveReceivedCommandWith(EncryptCommand, { KeyId: 'alias/a' });
  expect(kmsMock).toHaveReceivedCommandWith(EncryptCommand, { EncryptionContext: expect.anything() });
  // @ts-expect-error Foo is not an input of Encrypt
  expect(kmsMock).toHaveReceivedCommandWith(EncryptCommand, { Foo: '' });
  expect(kmsMock).toHaveReceivedNthCommandWith(1, EncryptCommand, { KeyId: 'alias/a' });
  // @ts-expect-error Foo is not an input of Encrypt
  expect(kmsMock).toHaveReceivedNthCommandWith(1, EncryptCommand, { Foo: '' });
  expect(kmsMock).toHaveReceivedNthSpecificCommandWith(1, DecryptCommand, { CiphertextBlob: new Uint8Array() });
  // @ts-expect-error Foo is not an input of Decrypt
  expect(kmsMock).toHaveReceivedNthSpecificCommandWith(1, DecryptCommand, { Foo: '' });
  expect(kmsMock).toReceiveCommandTimes(EncryptCommand, 2);
  expect(kmsMock).not.toReceiveAnyCommand();
  globalsExpect(kmsMock).toHaveReceivedCommand(EncryptCommand);
  globalsExpect(kmsMock).toReceiveNthCommandWith(1, EncryptCommand, { KeyId: 'alias/a' });
  expect(new Uint8Array()).toBeCiphertextUnder(new KmsVault(), 'alias/a', { encryptionContext: { a: 'b' } });
}
