import { KMSClient, type KMSClientConfig } from '@aws-sdk/client-kms';
import type { KmsVault } from '../../src';
import { vaultRequestHandler } from '../../src/adapters/request-handler';
import { startServer, type KmsServer } from '../../src/server/start-server';

/** Credentials for wire clients that name none: an access key the vault does not know acts as the account root. */
const DUMMY_CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

/** A KMSClient whose requests the vault answers in-process, as HTTP requests (vaultRequestHandler). */
export function requestHandlerClient(vault: KmsVault, config: KMSClientConfig): KMSClient {
  return new KMSClient({ credentials: DUMMY_CREDENTIALS, ...config, requestHandler: vaultRequestHandler(vault) });
}

const servers = new WeakMap<KmsVault, Promise<KmsServer>>();
const started: Promise<KmsServer>[] = [];

/** The vault's loopback server, started on first use and closed after the test file. */
export function serverFor(vault: KmsVault): Promise<KmsServer> {
  let server = servers.get(vault);
  if (!server) {
    server = startServer({ vault, port: 0 });
    servers.set(vault, server);
    started.push(server);
  }
  return server;
}

/** A KMSClient sending real HTTP over loopback to a server for the vault (started when the first request needs it). */
export function serverClient(vault: KmsVault, config: KMSClientConfig): KMSClient {
  return new KMSClient({
    credentials: DUMMY_CREDENTIALS,
    ...config,
    endpoint: async () => ({ url: new URL((await serverFor(vault)).url) }),
  });
}

if (typeof afterAll === 'function') {
  afterAll(async () => {
    const all = started.splice(0);
    await Promise.all(all.map(async (s) => (await s).close()));
  });
}
