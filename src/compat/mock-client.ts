import type { Client, MetadataBearer } from '@smithy/types';
import type { SinonSandbox } from 'sinon';
import { KmsVaultMockError } from '../errors/library-error';
import { KmsVault } from '../kms-vault';
import { AwsStub } from './aws-stub';
import { stubSend } from './send-stub';
import type { AwsSendStub } from './aws-stub';
import type { VaultBacking } from './vault-answer';

/** A client class (its prototype is what gets mocked) or a client instance. */
export type InstanceOrClassType<T> = T | { prototype: T };

/** Options of {@link mockClient}. */
export interface MockClientOptions {
  /** A Sinon sandbox to make the stub in, so that `sandbox.restore()` restores it with the rest. */
  readonly sandbox?: SinonSandbox;
  /**
   * Answer every command no behaviour answers from this vault (`true`: a new `KmsVault`), with real
   * cryptography and KMS's errors, instead of resolving `undefined`.
   */
  readonly vault?: KmsVault | true;
  /** With `vault`: the AWS account the mocked clients act as. Default: the vault's account. */
  readonly accountId?: string;
  /** With `vault`: the ARN of the principal the mocked clients act as (see `vault.addPrincipal`). */
  readonly principal?: string;
}

/** A mock backed by a vault: `mock.vault` is the vault that answers. */
export type VaultAwsStub<TInput extends object, TOutput extends MetadataBearer, TConfiguration> = AwsStub<TInput, TOutput, TConfiguration> & {
  readonly vault: KmsVault;
};

/**
 * Mocks `send` of a client instance, or of a client class (every instance, made before or after),
 * as aws-sdk-client-mock's `mockClient` does, with the same API and semantics. A previous mock of
 * the same target is replaced.
 *
 * `mockClient(KMSClient, { vault })` (or `{ vault: true }` for a new vault, then `mock.vault`) makes
 * commands without a configured behaviour run against the vault, in the region the client is
 * configured for, instead of resolving `undefined`.
 *
 * @example
 * ```ts
 * const kmsMock = mockClient(KMSClient, { vault: true });
 * kmsMock.on(DecryptCommand).rejectsOnce('ThrottlingException');   // then real Decrypts
 * ```
 */
export function mockClient<TInput extends object, TOutput extends MetadataBearer, TConfiguration>(
  client: InstanceOrClassType<Client<TInput, TOutput, TConfiguration>>,
  options: MockClientOptions & { readonly vault: KmsVault | true },
): VaultAwsStub<TInput, TOutput, TConfiguration>;
export function mockClient<TInput extends object, TOutput extends MetadataBearer, TConfiguration>(
  client: InstanceOrClassType<Client<TInput, TOutput, TConfiguration>>,
  options?: MockClientOptions,
): AwsStub<TInput, TOutput, TConfiguration>;
export function mockClient<TInput extends object, TOutput extends MetadataBearer, TConfiguration>(
  client: InstanceOrClassType<Client<TInput, TOutput, TConfiguration>>,
  options: MockClientOptions = {},
): AwsStub<TInput, TOutput, TConfiguration> {
  const target = isClientInstance(client) ? client : client.prototype;
  const backing = vaultBacking(options);
  const send = stubSend(target, options.sandbox, backing) as unknown as AwsSendStub<TInput, TOutput>;
  return new AwsStub(target, send, { sandbox: options.sandbox, backing });
}

/** A client instance has `send`; a client class has it only on its prototype. */
function isClientInstance<T>(value: InstanceOrClassType<T>): value is T {
  return (value as { send?: unknown }).send !== undefined;
}

function vaultBacking(options: MockClientOptions): VaultBacking | undefined {
  const { vault, accountId, principal } = options;
  if (vault === undefined) {
    if (accountId !== undefined) throw new KmsVaultMockError('mockClient option accountId needs a vault: mockClient(KMSClient, { vault, accountId }).');
    if (principal !== undefined) throw new KmsVaultMockError('mockClient option principal needs a vault: mockClient(KMSClient, { vault, principal }).');
    return undefined;
  }
  if (vault !== true && !(vault instanceof KmsVault)) throw new KmsVaultMockError('mockClient option vault must be a KmsVault, or true for a new one.');
  const backing = { vault: vault === true ? new KmsVault() : vault, accountId, principal };
  // A malformed account id or an unknown principal fails here, before anything is mocked.
  backing.vault.callerFor({ accountId, principal });
  return backing;
}
