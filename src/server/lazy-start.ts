import type { KmsServer, ServerOptions } from './start-server';

/**
 * Starts a KMS endpoint over HTTP (AWS JSON 1.1, SigV4) answered by a vault, for the AWS CLI, boto3,
 * any SDK and raw HTTP clients; resolves with `{ url, port, vault, close() }` once it accepts
 * connections. AsyncDisposable: `await using server = await startServer({ vault, port: 0 })`.
 * The server's code loads on the first call, so `import 'kms-vault-mock'` does not pay for it.
 */
export async function startServer(options: ServerOptions = {}): Promise<KmsServer> {
  const server = await import('./start-server');
  return server.startServer(options);
}
