import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { KmsVaultMockError } from '../errors/library-error';
import { messages } from '../errors/messages';
import { kmsError } from '../errors/kms-error';
import { kmsErrorResponse } from '../protocol/wire-error';
import { KmsVault } from '../kms-vault';
import type { WireRequest, WireResponse } from '../protocol/wire-message';
import type { Scenario } from '../scenarios/scenario';
import { validateScenario } from '../scenarios/validate-scenario';
import { VaultPersistence } from '../store/vault-persistence';
import type { ServedCloudTrail } from '../cloudtrail/cloudtrail-server';
import { isCloudTrailRequest } from '../cloudtrail/cloudtrail-routes';
import { answerWireRequest, type AuthMode } from '../protocol/wire-pipeline';
import { LocalStackEndpoints } from './emulator-endpoints';
import { logRequests } from './request-log';
import { mayBeLiveView } from './live-page/live-paths';

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** The vault to serve. Default: a new `KmsVault()`. */
  readonly vault?: KmsVault;
  /** Default 4599; 0 picks a free port (read it from `url`). */
  readonly port?: number;
  /** Default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /**
   * Keep the vault's state in this directory: restored when the server starts (it replaces what the
   * vault held), written before the response of every call that changes it. One server per directory.
   */
  readonly dataDir?: string;
  /** Default 'lenient'; see {@link AuthMode}. */
  readonly auth?: AuthMode;
  /** `kms:ViaService` for every request: the AWS service they are made through, e.g. `secretsmanager.us-east-1.amazonaws.com`. */
  readonly viaService?: string;
  /**
   * Write the vault's CloudTrail log here as CloudTrail delivers it to S3 (`AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz`),
   * within a second of each call; pending records are written on close.
   */
  readonly cloudTrailDir?: string;
  /** Largest request body accepted, in bytes. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Time a client has to send a whole request, in ms. Default 30 000. */
  readonly requestTimeoutMs?: number;
  /** Called with one line per answered request (time, operation, caller, status, error code, ms): `serve --log-requests`. */
  readonly requestLog?: (line: string) => void;
}

/** A running KMS endpoint; `await using server = await startServer(...)` closes it at the end of the scope. */
export interface KmsServer extends AsyncDisposable {
  /** `http://127.0.0.1:PORT`: the endpoint URL for SDKs, the AWS CLI (`--endpoint-url`) and boto3. */
  readonly url: string;
  readonly port: number;
  readonly vault: KmsVault;
  /** Stops accepting requests, ends open connections, writes pending state and frees the data directory. */
  close(): Promise<void>;
}

const MAX_STATE_BYTES = 256 * 1024 * 1024;

// The live view (its page, the coverage renderers) and CloudTrail load on their first request.
type LiveRoutes = typeof import('./live-page/live-routes');
let liveRoutes: Promise<LiveRoutes> | undefined;
const loadLiveRoutes = (): Promise<LiveRoutes> => (liveRoutes ??= import('./live-page/live-routes'));
type CloudTrailServer = typeof import('../cloudtrail/cloudtrail-server');
let cloudTrailServer: Promise<CloudTrailServer> | undefined;
const loadCloudTrailServer = (): Promise<CloudTrailServer> => (cloudTrailServer ??= import('../cloudtrail/cloudtrail-server'));

/** Paths of the server's own endpoints (everything else is the KMS API). */
export const CONTROL_PATHS = {
  health: '/health',
  reset: '/_kms-vault-mock/reset',
  /** What moto users call between tests. */
  motoReset: '/moto-api/reset',
  state: '/_kms-vault-mock/state',
} as const;

/**
 * Starts a KMS endpoint over HTTP (AWS JSON 1.1, SigV4) answered by a vault, for the AWS CLI, boto3,
 * any SDK and raw HTTP clients. Resolves once it accepts connections.
 */
export async function startServer(options: ServerOptions = {}): Promise<KmsServer> {
  const { port = 4599, host = '127.0.0.1', auth = 'lenient', maxBodyBytes = 1024 * 1024, requestTimeoutMs = 30_000 } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new KmsVaultMockError(`startServer option port must be a whole number from 0 to 65535; got ${String(port)}.`);
  if (auth !== 'lenient' && auth !== 'strict') throw new KmsVaultMockError(`startServer option auth must be 'lenient' or 'strict'; got '${String(auth)}'.`);
  // LocalStack's endpoints (uptime from now; the health state clients PUT) for this server.
  const localStack = new LocalStackEndpoints(Date.now());
  // With a directory, CloudTrail's log files are written from the first call: its code loads now.
  const trailModule = options.cloudTrailDir === undefined ? undefined : await loadCloudTrailServer();
  const vault = options.vault ?? new KmsVault();
  const persistence = options.dataDir === undefined ? undefined : VaultPersistence.open(vault, options.dataDir);
  // CloudTrail's LookupEvents (its own protocol, and under the control prefix) and, with a directory, log
  // files; without one, made on the first CloudTrail request.
  let cloudTrail: ServedCloudTrail | undefined = trailModule?.serveCloudTrail(vault, options.cloudTrailDir);

  // Timeouts are enforced when connections are checked, every 30 s by default: too late for a slow client.
  const server = createServer({ connectionsCheckingInterval: Math.min(1_000, Math.max(100, Math.floor(requestTimeoutMs / 2))) }, (req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  // Slow or stalled clients: headers within 10 s, the whole request within requestTimeoutMs.
  server.requestTimeout = requestTimeoutMs;
  server.headersTimeout = Math.min(10_000, requestTimeoutMs);
  server.keepAliveTimeout = 5_000;
  if (options.requestLog) logRequests(server, vault, options.requestLog);
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    socket.destroy();
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // A state document holds every key's material: it may be larger than any KMS request.
    const limit = url.pathname === CONTROL_PATHS.state ? Math.max(maxBodyBytes, MAX_STATE_BYTES) : maxBodyBytes;
    const body = await readBody(req, limit);
    if (body === TOO_LARGE) {
      send(res, tooLarge(limit));
      // The rest of the body is not read: the connection ends with the response.
      req.socket.end();
      return;
    }
    if (body === ABORTED) return;
    const header = req.headers['x-amz-target'];
    const target = typeof header === 'string' ? header : undefined;
    if (cloudTrail !== undefined || isCloudTrailRequest(target, url.pathname)) {
      const served = cloudTrail ?? (await loadCloudTrailServer()).serveCloudTrail(vault);
      cloudTrail ??= served;
      const trail = cloudTrail.answer(req.method ?? '', url.pathname, target, body);
      if (trail) {
        send(res, trail);
        return;
      }
    }
    const control = controlResponse(req.method ?? '', url.pathname, body);
    if (control) {
      send(res, control);
      return;
    }
    // The live page, its JSON and the coverage report (GET only; the KMS API is POST /).
    if (mayBeLiveView(req.method ?? '', url.pathname, req.headers.accept)) {
      const live = (await loadLiveRoutes()).liveViewResponse(vault, req.method ?? '', url.pathname, Object.fromEntries(url.searchParams), req.headers.accept);
      if (live) {
        send(res, live);
        return;
      }
    }
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(key);
      query[key] = all.length === 1 ? (all[0] as string) : all;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
    const wire: WireRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query,
      headers,
      body,
      ...(req.socket.remoteAddress !== undefined ? { remoteAddress: req.socket.remoteAddress } : {}),
    };
    const answer = await answerWireRequest(vault, wire, { auth, ...(options.viaService !== undefined ? { viaService: options.viaService } : {}) });
    // With a data directory, a response waits until the journal holds every change made so far (fsync'd,
    // one fsync for all the calls that arrive while one is in flight).
    const durable = persistence?.durable();
    if (durable) {
      try {
        await durable;
      } catch (error) {
        // The journal could not be written (a full disk): the change may not survive a restart, so the
        // call fails as KMS fails on its own trouble, and every later call does too.
        const requestId = answer.headers['x-amzn-requestid'] ?? randomUUID();
        const message = `The data directory could not be written; this call's change may not survive a restart (${(error as Error).message}).`;
        send(res, kmsErrorResponse(kmsError('KMSInternalException', message, requestId), requestId));
        return;
      }
    }
    send(res, answer);
  }

  function controlResponse(method: string, path: string, body: Uint8Array): WireResponse | undefined {
    if (path === CONTROL_PATHS.health && (method === 'GET' || method === 'HEAD'))
      return json(200, { status: 'ready', region: vault.region, accountId: vault.accountId });
    const emulated = localStack.answer(method, path, body);
    if (emulated) return emulated;
    if ((path === CONTROL_PATHS.reset || path === CONTROL_PATHS.motoReset) && method === 'POST') {
      vault.reset();
      persistence?.save();
      return json(200, { status: 'reset' });
    }
    if (path === CONTROL_PATHS.state && method === 'GET') return json(200, vault.snapshot());
    if (path === CONTROL_PATHS.state && (method === 'PUT' || method === 'POST')) return replaceState(body);
    return undefined;
  }

  function replaceState(body: Uint8Array): WireResponse {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body).toString('utf8')) as unknown;
    } catch {
      return json(400, { error: 'The body is not a JSON state document (GET /_kms-vault-mock/state returns one).' });
    }
    let doc: Scenario;
    try {
      // Loading trusts its document's types: checked first, so that `"keys": "zz"` or a numeric keyId never becomes state.
      doc = validateScenario(parsed, 'The state document');
    } catch (error) {
      return json(400, { error: (error as Error).message });
    }
    const before = vault.snapshot();
    vault.reset();
    try {
      vault.load(doc);
    } catch (error) {
      vault.reset();
      vault.load(before);
      return json(400, { error: error instanceof Error ? error.message : String(error) });
    }
    persistence?.save();
    return json(200, { status: 'loaded' });
  }

  try {
    await listen(server, port, host);
  } catch (error) {
    persistence?.close();
    cloudTrail?.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new KmsVaultMockError(`Port ${port} on ${host} is in use. Stop what uses it, or choose another port (0 picks a free one).`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new KmsVaultMockError(`Cannot listen on host '${host}': no such local address.`);
    throw error;
  }
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }).finally(() => {
      cloudTrail?.close();
      persistence?.close();
    });
    return closing;
  };
  return { url: `http://${urlHost}:${address.port}`, port: address.port, vault, close, [Symbol.asyncDispose]: close };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

const TOO_LARGE = Symbol('too large');
const ABORTED = Symbol('aborted');

function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | typeof TOO_LARGE | typeof ABORTED> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolve(TOO_LARGE);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks, size))));
    req.on('error', () => resolve(ABORTED));
    req.on('aborted', () => resolve(ABORTED));
  });
}

function json(status: number, value: unknown): WireResponse {
  const body = JSON.stringify(value);
  return { status, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'x-amzn-requestid': randomUUID() }, body };
}

function tooLarge(limit: number): WireResponse {
  const body = JSON.stringify({ __type: 'com.amazon.coral.service#SerializationException', message: messages.requestTooLarge(limit) });
  return {
    status: 413,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
      'x-amzn-requestid': randomUUID(),
    },
    body,
  };
}

function send(res: ServerResponse, response: WireResponse): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...response.headers };
  // AWS spells these with capitals; HTTP header names are case-insensitive, some clients print them.
  if (headers['x-amzn-requestid'] !== undefined) {
    headers['x-amzn-RequestId'] = headers['x-amzn-requestid'];
    delete headers['x-amzn-requestid'];
  }
  if (headers['x-amzn-errortype'] !== undefined) {
    headers['x-amzn-ErrorType'] = headers['x-amzn-errortype'];
    delete headers['x-amzn-errortype'];
  }
  res.writeHead(response.status, headers);
  res.end(response.body);
}
