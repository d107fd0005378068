import type { XksProxyServer, XksProxyServerOptions } from './start-xks-proxy';

/**
 * Starts a test external key store proxy (XKS Proxy API: GetHealthStatus, GetKeyMetadata, Encrypt,
 * Decrypt; SigV4 `kms-xks-proxy`; AES-256-GCM) on a worker thread and resolves with `{ url, uriPath,
 * update(), requests(), close() }`. Forward an XksProxyUriEndpoint to it with
 * `vault.addXksProxy('https://xks.example.com', { url: proxy.url })`. AsyncDisposable.
 * Its code loads on the first call, so `import 'kms-vault-mock'` does not pay for it.
 */
export async function startXksProxy(options: XksProxyServerOptions): Promise<XksProxyServer> {
  const proxy = await import('./start-xks-proxy');
  return proxy.startXksProxy(options);
}
