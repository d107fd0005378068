import { randomBytes } from 'node:crypto';
import { KmsVaultMockError } from '../errors/library-error';
import { startWorker } from './worker-file';

/** One external key of a test XKS proxy. */
export interface XksProxyKey {
  /** The external key id (XksKeyId): letters, digits, `-`, `_` and `.`, at most 128. */
  readonly id: string;
  /** The 256-bit AES key. Default: random. */
  readonly secret?: Uint8Array;
  /** GetKeyMetadata's keyStatus. Default ENABLED; DISABLED makes Encrypt and Decrypt fail with InvalidStateException. */
  readonly status?: 'ENABLED' | 'DISABLED';
  /** GetKeyMetadata's keyUsage. Default ['ENCRYPT', 'DECRYPT']. */
  readonly usage?: readonly string[];
  /** GetKeyMetadata's keySpec. Default AES_256. */
  readonly spec?: string;
}

/** The proxy authentication credential (XksProxyAuthenticationCredential) a test proxy accepts. */
export interface XksProxyCredential {
  readonly accessKeyId: string;
  readonly rawSecretAccessKey: string;
}

/** What a test XKS proxy is like; {@link XksProxyServer.update} changes it while it runs. */
export interface XksProxyBehaviour {
  /** Its external keys (ids, or keys with their settings). */
  readonly keys?: readonly (string | XksProxyKey)[];
  /** The credentials it accepts (the spec asks proxies to accept two during rotation). */
  readonly credential?: XksProxyCredential | readonly XksProxyCredential[];
  /** Milliseconds it waits before answering: more than the vault's limit (250) makes KMS time out. Default 0. */
  readonly delayMs?: number;
  /** GetHealthStatus's ekmFleetDetails healthStatus. UNAVAILABLE makes connections fail (XKS_PROXY_NOT_REACHABLE). Default ACTIVE. */
  readonly healthStatus?: 'ACTIVE' | 'DEGRADED' | 'UNAVAILABLE';
  /** Answer every authenticated request with this XKS error (`{ status: 503, errorName: 'DependencyTimeoutException' }`). */
  readonly failWith?: { readonly status: number; readonly errorName: string } | null;
  /** The ciphertextMetadata its Encrypt returns, 0 to 20 bytes. Default: 6 bytes naming its format. */
  readonly ciphertextMetadata?: Uint8Array;
}

/** Options of {@link startXksProxy}. */
export interface XksProxyServerOptions extends XksProxyBehaviour {
  readonly keys: readonly (string | XksProxyKey)[];
  readonly credential: XksProxyCredential | readonly XksProxyCredential[];
  /** XksProxyUriPath: where its API is. Default `/kms/xks/v1`. */
  readonly uriPath?: string;
  /** Default 0 (a free port; read `url`). */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
}

/** A request the proxy received, for tests to look at: no plaintext, no key material. */
export interface XksProxyRequest {
  /** GetHealthStatus, GetKeyMetadata, Encrypt or Decrypt; undefined for a path it does not serve. */
  readonly operation?: 'GetHealthStatus' | 'GetKeyMetadata' | 'Encrypt' | 'Decrypt';
  readonly path: string;
  readonly keyId?: string;
  /** As KMS sent it (awsPrincipalArn, kmsKeyArn, kmsOperation, kmsRequestId, ...), once authenticated. */
  readonly requestMetadata?: Readonly<Record<string, string>>;
  /** The XKS error it answered with, if any. */
  readonly errorName?: string;
}

/** A running test XKS proxy; `await using proxy = await startXksProxy(...)` stops it at the end of the scope. */
export interface XksProxyServer extends AsyncDisposable {
  /** `http://127.0.0.1:PORT`: pass it to `vault.addXksProxy(uriEndpoint, { url })`. */
  readonly url: string;
  readonly port: number;
  /** The XksProxyUriPath it serves. */
  readonly uriPath: string;
  /** Changes its keys, credentials, delay, health or injected failure. */
  update(behaviour: XksProxyBehaviour): Promise<void>;
  /** The requests it has received, oldest first. */
  requests(): Promise<readonly XksProxyRequest[]>;
  /** Stops it: KMS can no longer reach it. */
  close(): Promise<void>;
}

const KEY_ID = /^[a-zA-Z0-9._-]{1,128}$/;
const URI_PATH = /^(\/[a-zA-Z0-9/_-]+)?\/kms\/xks\/v\d{1,2}$/;
const DEFAULT_METADATA = Buffer.from('kvm-v1');

interface WorkerConfig {
  keys?: { id: string; secret: string; status: string; usage: string[]; spec: string }[];
  credentials?: { accessKeyId: string; secretAccessKey: string }[];
  delayMs?: number;
  healthStatus?: string;
  failWith?: { status: number; errorName: string } | null;
  ciphertextMetadata?: string;
}

function workerConfig(behaviour: XksProxyBehaviour, knownSecrets: Map<string, string>): WorkerConfig {
  const config: WorkerConfig = {};
  if (behaviour.keys !== undefined) {
    config.keys = behaviour.keys.map((k) => {
      const key = typeof k === 'string' ? { id: k } : k;
      if (!KEY_ID.test(key.id))
        throw new KmsVaultMockError(`startXksProxy: '${key.id}' is not an external key id (1 to 128 letters, digits, '-', '_' or '.').`);
      if (key.secret !== undefined && key.secret.length !== 32)
        throw new KmsVaultMockError(`startXksProxy: the secret of external key '${key.id}' must be 32 bytes.`);
      // A key listed again keeps its secret, so what it encrypted still decrypts.
      const secret = key.secret !== undefined ? Buffer.from(key.secret).toString('base64') : (knownSecrets.get(key.id) ?? randomBytes(32).toString('base64'));
      knownSecrets.set(key.id, secret);
      return { id: key.id, secret, status: key.status ?? 'ENABLED', usage: [...(key.usage ?? ['ENCRYPT', 'DECRYPT'])], spec: key.spec ?? 'AES_256' };
    });
  }
  if (behaviour.credential !== undefined) {
    const list = Array.isArray(behaviour.credential) ? (behaviour.credential as readonly XksProxyCredential[]) : [behaviour.credential as XksProxyCredential];
    config.credentials = list.map((c) => ({ accessKeyId: c.accessKeyId, secretAccessKey: c.rawSecretAccessKey }));
  }
  if (behaviour.delayMs !== undefined) {
    if (!(Number.isInteger(behaviour.delayMs) && behaviour.delayMs >= 0))
      throw new KmsVaultMockError('startXksProxy option delayMs must be a whole number of milliseconds, 0 or more.');
    config.delayMs = behaviour.delayMs;
  }
  if (behaviour.healthStatus !== undefined) config.healthStatus = behaviour.healthStatus;
  if (behaviour.failWith !== undefined) config.failWith = behaviour.failWith === null ? null : { ...behaviour.failWith };
  if (behaviour.ciphertextMetadata !== undefined) {
    if (behaviour.ciphertextMetadata.length > 20)
      throw new KmsVaultMockError('startXksProxy option ciphertextMetadata must be at most 20 bytes (XKS Proxy API, Encrypt).');
    config.ciphertextMetadata = Buffer.from(behaviour.ciphertextMetadata).toString('base64');
  }
  return config;
}

/**
 * Starts an external key store proxy that follows the public XKS Proxy API specification, for tests of
 * external key stores talking to a real proxy: GetHealthStatus, GetKeyMetadata, Encrypt and Decrypt
 * under `uriPath`, SigV4 (`kms-xks-proxy`) checked against its credentials, AES-256-GCM with its own
 * keys. It runs on a worker thread, so a vault in the same process can call it while blocking its own.
 * Point an endpoint at it with `vault.addXksProxy('https://xks.example.com', { url: proxy.url })`.
 */
export async function startXksProxy(options: XksProxyServerOptions): Promise<XksProxyServer> {
  const uriPath = options.uriPath ?? '/kms/xks/v1';
  if (!URI_PATH.test(uriPath) || uriPath.length > 128)
    throw new KmsVaultMockError(
      `startXksProxy option uriPath must be an XksProxyUriPath ending in /kms/xks/v1, like '/kms/xks/v1' or '/tenant-1/kms/xks/v1'; got '${uriPath}'.`,
    );
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new KmsVaultMockError(`startXksProxy option port must be a whole number from 0 to 65535; got ${String(port)}.`);
  const secrets = new Map<string, string>();
  const config = {
    uriPath,
    delayMs: 0,
    healthStatus: 'ACTIVE',
    failWith: null,
    ciphertextMetadata: DEFAULT_METADATA.toString('base64'),
    ...workerConfig(options, secrets),
  };
  const host = options.host ?? '127.0.0.1';
  const worker = startWorker('xks-proxy-worker', { workerData: { config, port, host } });
  worker.unref();
  const listening = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { type: string; port?: number; code?: string; message?: string }) => {
      if (m.type === 'listening') resolve(m.port as number);
      else
        reject(
          new KmsVaultMockError(
            m.code === 'EADDRINUSE'
              ? `Port ${port} on ${host} is in use; choose another (0 picks a free one).`
              : `startXksProxy could not listen: ${m.message ?? ''}`,
          ),
        );
    });
    worker.once('error', reject);
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });

  let seq = 0;
  const pending = new Map<number, { readonly reply: string; readonly resolve: (m: unknown) => void; readonly reject: (e: Error) => void }>();
  worker.on('message', (m: { type: string; seq?: number }) => {
    const waiting = m.seq === undefined ? undefined : pending.get(m.seq);
    if (!waiting || waiting.reply !== m.type) return;
    pending.delete(m.seq as number);
    waiting.resolve(m);
  });
  worker.on('exit', () => {
    for (const waiting of pending.values()) waiting.reject(new KmsVaultMockError('The XKS proxy has been closed.'));
    pending.clear();
  });
  const ask = <T>(message: Record<string, unknown>, reply: string): Promise<T> => {
    const id = ++seq;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { reply, resolve: (m) => resolve(m as T), reject });
      worker.postMessage({ ...message, seq: id });
    });
  };
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= ask({ type: 'close' }, 'closed').then(
      async () => {
        await worker.terminate();
      },
      () => undefined,
    );
    return closing;
  };
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${listening}`,
    port: listening,
    uriPath,
    update: async (behaviour) => {
      await ask({ type: 'update', config: workerConfig(behaviour, secrets) }, 'updated');
    },
    requests: async () => (await ask<{ log: XksProxyRequest[] }>({ type: 'requests' }, 'requests')).log,
    close,
    [Symbol.asyncDispose]: close,
  };
}
