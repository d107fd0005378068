import { CreateAliasCommand, CreateKeyCommand, type KMSClient, KMSServiceException } from '@aws-sdk/client-kms';
import { KmsVault, type KmsVaultOptions } from '../../src';
import { adapterClient } from './adapters';

/**
 * A vault and a real KMSClient answered by it, as a user sets them up, through the adapter of the
 * running jest project (the middleware, the request handler, the server: see ./adapters.ts).
 */
export function vaultClient(options: KmsVaultOptions & { clientRegion?: string } = {}): { vault: KmsVault; kms: KMSClient } {
  const { clientRegion = 'us-east-1', ...vaultOptions } = options;
  const vault = new KmsVault(vaultOptions);
  const kms = adapterClient(vault, { region: clientRegion });
  return { vault, kms };
}

/** The options of {@link vaultClient}. */
export type VaultClientOptions = Parameters<typeof vaultClient>[0];

/**
 * A vault, a client, and one symmetric encryption key made through the client (CreateKey with no
 * parameters) that `alias` names: the starting point of most behaviour tests.
 */
export async function vaultWithAliasedKey(
  alias: string,
  options: VaultClientOptions = {},
): Promise<{ vault: KmsVault; kms: KMSClient; keyId: string; arn: string }> {
  const { vault, kms } = vaultClient(options);
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  const keyId = KeyMetadata?.KeyId as string;
  await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: keyId }));
  return { vault, kms, keyId, arn: KeyMetadata?.Arn as string };
}

/** The KMS error a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function kmsErrorOf(promise: Promise<unknown>): Promise<KMSServiceException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KMSServiceException) return error;
    throw new Error(`expected a KMS error, got ${String(error)}`);
  }
  throw new Error('expected a KMS error, but the call succeeded');
}
