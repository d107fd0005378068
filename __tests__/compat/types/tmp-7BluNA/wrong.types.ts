import { EncryptCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'kms-vault-mock';
import { expectTypeOf } from '../expect-type';
expectTypeOf(mockClient(KMSClient).commandCall(0, EncryptCommand).args[0]).toBe<ListKeysCommand>();
