import { KMSClient, type KMSClientConfig } from '@aws-sdk/client-kms';
import { vaultPlugin, type KmsVault } from '../../src';
import { requestHandlerClient, serverClient } from './wire-adapters';

/**
 * The ways a KMSClient reaches a vault. The behaviour suite (`__tests__/operations`) runs unchanged
 * through each: jest.config.js makes one project per adapter named in `ADAPTER_NAMES` there, and
 * {@link vaultClient} builds its clients with the adapter of the running project. Adding an adapter
 * is adding an entry here and its name there.
 */
export const ADAPTERS: Readonly<Record<string, (vault: KmsVault, config: KMSClientConfig) => KMSClient>> = {
  middleware: (vault, config) => {
    const kms = new KMSClient(config);
    kms.middlewareStack.use(vaultPlugin(vault));
    return kms;
  },
  'request-handler': requestHandlerClient,
  server: serverClient,
};

declare const KMS_VAULT_MOCK_ADAPTER: string | undefined;

/** The adapter of the running jest project (jest's `globals`), `middleware` by default. */
export function currentAdapterName(): string {
  return typeof KMS_VAULT_MOCK_ADAPTER === 'string' ? KMS_VAULT_MOCK_ADAPTER : 'middleware';
}

/** A KMSClient reaching `vault` through the running project's adapter. */
export function adapterClient(vault: KmsVault, config: KMSClientConfig): KMSClient {
  const name = currentAdapterName();
  const make = ADAPTERS[name];
  if (!make) throw new Error(`No test adapter '${name}' in __tests__/helpers/adapters.ts`);
  return make(vault, config);
}
