import { KMSClient, KMSServiceException } from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin, type KmsVaultOptions } from '../../src';

/** A vault and a real KMSClient answered by it, as a user sets them up. */
export function vaultClient(options: KmsVaultOptions & { clientRegion?: string } = {}): { vault: KmsVault; kms: KMSClient } {
  const { clientRegion = 'us-east-1', ...vaultOptions } = options;
  const vault = new KmsVault(vaultOptions);
  const kms = new KMSClient({ region: clientRegion });
  kms.middlewareStack.use(vaultPlugin(vault));
  return { vault, kms };
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
