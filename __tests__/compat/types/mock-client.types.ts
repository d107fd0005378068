/**
 * The types of mockClient, checked by compiling this file (see ../types.test.ts): the same ground as
 * aws-sdk-client-mock's own type tests, with KMS commands. Each `@ts-expect-error` is a call that
 * must not compile; tsc reports any that stops failing.
 */
import { EncryptCommand, KMSClient, ListKeysCommand, type EncryptCommandOutput, type ListKeysCommandOutput } from '@aws-sdk/client-kms';
import { mockClient, type AwsClientStub } from 'kms-vault-mock';
import { expectTypeOf } from './expect-type';

export function mockClientTypes(): void {
  const plaintext = new Uint8Array([1]);
  expectTypeOf(mockClient(KMSClient)).toBe<AwsClientStub<KMSClient>>();
  expectTypeOf(mockClient(new KMSClient({}))).toBe<AwsClientStub<KMSClient>>();

  // Commands with their own input and output types.
  mockClient(KMSClient).on(EncryptCommand);
  mockClient(KMSClient).on(EncryptCommand, { KeyId: 'alias/a', Plaintext: plaintext });
  mockClient(KMSClient).on(EncryptCommand, { KeyId: 'alias/a' });
  mockClient(KMSClient).on(EncryptCommand).resolves({});
  mockClient(KMSClient).on(EncryptCommand).resolves({ KeyId: 'arn' });
  mockClient(KMSClient).on(ListKeysCommand).resolvesOnce({ Truncated: false }).resolves({ Keys: [] });

  // @ts-expect-error not a client
  mockClient({});
  // @ts-expect-error a command is not a client
  mockClient(EncryptCommand);
  // @ts-expect-error not a command class
  mockClient(KMSClient).on({});
  // @ts-expect-error Plaintext is not an input of ListKeys
  mockClient(KMSClient).on(ListKeysCommand, { KeyId: 'alias/a', Plaintext: plaintext });
  // @ts-expect-error Keys is not an output of Encrypt
  mockClient(KMSClient).on(EncryptCommand).resolves({ KeyId: 'arn', Keys: [] });
  // @ts-expect-error Keys is not an output of Encrypt
  mockClient(KMSClient).on(EncryptCommand).resolves({ Keys: [] });

  // The recorded calls, as Sinon's spy calls typed by the command class.
  const calls = mockClient(KMSClient).commandCalls(EncryptCommand);
  expectTypeOf(calls[0]?.args[0]).toBe<EncryptCommand | undefined>();
  expectTypeOf(calls[0]?.returnValue).toBe<Promise<EncryptCommandOutput> | undefined>();
  expectTypeOf(mockClient(KMSClient).commandCalls(ListKeysCommand, { Limit: 10 }, true)[0]?.args[0]).toBe<ListKeysCommand | undefined>();
  expectTypeOf(mockClient(KMSClient).commandCall(0, ListKeysCommand).args[0]).toBe<ListKeysCommand>();
  expectTypeOf(mockClient(KMSClient).commandCall(-1, ListKeysCommand).returnValue).toBe<Promise<ListKeysCommandOutput>>();
  // @ts-expect-error Plaintext is not an input of ListKeys
  mockClient(KMSClient).commandCalls(ListKeysCommand, { Plaintext: plaintext });
  // @ts-expect-error not a command class
  mockClient(KMSClient).commandCalls(String);
}
