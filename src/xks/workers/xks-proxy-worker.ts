/**
 * The program of the worker thread that runs a test XKS proxy for `startXksProxy` (../start-xks-proxy.ts).
 * A file of its own, started by ../worker-file.ts. A worker, because the vault blocks its own thread
 * while it waits for the proxy's answer: a proxy on that thread would never answer.
 *
 * It follows the XKS Proxy API specification (aws/aws-kms-xksproxy-api-spec): POST only (405 for GET);
 * the URI path prefix first (404 InvalidUriPathException), then SigV4 with service `kms-xks-proxy`
 * verified by re-signing with `@smithy/signature-v4` and a 5-minute skew (401
 * AuthenticationFailedException); then the operation. AES-256-GCM with a 12-byte IV; the key manager's
 * AAD is `uint16(len aad) || aad || uint8(len metadata) || metadata`; the CDIV is SHA-256 over
 * `aad || metadata || iv || ciphertext || tag` (Appendix C).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../crypto/sha256';

/** One external key the proxy holds (secret as base64). */
interface ProxyKey {
  readonly id: string;
  readonly spec: string;
  readonly usage: readonly string[];
  readonly status: string;
  readonly secret: string;
}

/** The proxy's behaviour, as ../start-xks-proxy.ts sends it (and changes it with `update`). */
interface ProxyConfig {
  readonly uriPath: string;
  readonly delayMs: number;
  readonly healthStatus: string;
  readonly failWith: { readonly status: number; readonly errorName: string } | null;
  readonly ciphertextMetadata: string;
  readonly credentials: readonly { readonly accessKeyId: string; readonly secretAccessKey: string }[];
  readonly keys: readonly ProxyKey[];
}

interface LogEntry {
  readonly operation: string | undefined;
  readonly path: string;
  readonly keyId: string | undefined;
  requestMetadata?: unknown;
  errorName?: string;
}

type Body = Record<string, unknown>;

const start = workerData as { readonly config: ProxyConfig; readonly port: number; readonly host: string };
const port = parentPort as NonNullable<typeof parentPort>;
let config = start.config;
const log: LogEntry[] = [];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const OPERATIONS: Record<string, string> = { health: 'GetHealthStatus', metadata: 'GetKeyMetadata', encrypt: 'Encrypt', decrypt: 'Decrypt' };

class Failure {
  constructor(
    readonly status: number,
    readonly errorName: string,
  ) {}
}

function fail(status: number, errorName: string): never {
  throw new Failure(status, errorName);
}

function b64(body: Body, name: string, required: true): Buffer;
function b64(body: Body, name: string, required: false): Buffer | undefined;
function b64(body: Body, name: string, required: boolean): Buffer | undefined {
  const value = body[name];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.length % 4 !== 0 || !BASE64.test(value)) fail(400, 'ValidationException');
  return Buffer.from(value, 'base64');
}

async function authenticate(req: IncomingMessage, body: Buffer): Promise<void> {
  const header = req.headers['authorization'] ?? '';
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(header);
  if (!m) fail(401, 'AuthenticationFailedException');
  const [, accessKeyId = '', , region = '', service = '', signedHeaders = '', signature = ''] = m;
  const credential = config.credentials.find((c) => c.accessKeyId === accessKeyId);
  const dateText = String(req.headers['x-amz-date'] ?? '');
  const d = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(dateText);
  if (!credential || service !== 'kms-xks-proxy' || !d) fail(401, 'AuthenticationFailedException');
  const date = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(d[4]), Number(d[5]), Number(d[6])));
  // "Any requests more than 5 minutes in the past (or future, due to clock drift) SHOULD fail authentication."
  if (Math.abs(date.getTime() - Date.now()) > 5 * 60_000) fail(401, 'AuthenticationFailedException');
  const names = signedHeaders.split(';');
  if (!names.includes('host') || !names.includes('x-amz-date')) fail(401, 'AuthenticationFailedException');
  const headers: Record<string, string> = {};
  for (const name of names) if (req.headers[name] !== undefined) headers[name] = String(req.headers[name]);
  const signer = new SignatureV4({
    credentials: { accessKeyId, secretAccessKey: credential.secretAccessKey },
    region,
    service,
    sha256: NodeSha256,
    applyChecksum: false,
  });
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const resigned = await signer.sign(
    { method: req.method ?? 'POST', protocol: 'http:', hostname: url.hostname, path: url.pathname, query: {}, headers, body },
    { signingDate: date, signableHeaders: new Set(names) },
  );
  const expected = /Signature=([0-9a-f]+)/.exec(String(resigned.headers['authorization']))?.[1] ?? '';
  if (expected.length !== signature.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) fail(401, 'AuthenticationFailedException');
}

function keyFor(id: string): ProxyKey {
  return config.keys.find((k) => k.id === id) ?? fail(404, 'KeyNotFoundException');
}

function usable(key: ProxyKey, usage: string): void {
  if (key.status !== 'ENABLED') fail(400, 'InvalidStateException');
  if (!key.usage.includes(usage)) fail(400, 'InvalidKeyUsageException');
  if (key.spec !== 'AES_256') fail(400, 'InvalidKeyUsageException');
}

function managerAad(aad: Buffer, metadata: Buffer): Buffer {
  const head = Buffer.alloc(2);
  head.writeUInt16BE(aad.length);
  return Buffer.concat([head, aad, Buffer.from([metadata.length]), metadata]);
}

function encrypt(key: ProxyKey, body: Body): Record<string, string> {
  usable(key, 'ENCRYPT');
  if (body['encryptionAlgorithm'] !== 'AES_GCM') fail(400, 'ValidationException');
  const plaintext = b64(body, 'plaintext', true);
  const aad = b64(body, 'additionalAuthenticatedData', false) ?? Buffer.alloc(0);
  const cdivAlgorithm = body['ciphertextDataIntegrityValueAlgorithm'];
  if (cdivAlgorithm !== undefined && cdivAlgorithm !== 'SHA_256') fail(400, 'ValidationException');
  const metadata = Buffer.from(config.ciphertextMetadata, 'base64');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key.secret, 'base64'), iv);
  cipher.setAAD(managerAad(aad, metadata));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  const answer: Record<string, string> = {
    ciphertext: ciphertext.toString('base64'),
    initializationVector: iv.toString('base64'),
    authenticationTag: tag.toString('base64'),
  };
  if (metadata.length > 0) answer['ciphertextMetadata'] = metadata.toString('base64');
  if (cdivAlgorithm === 'SHA_256') {
    answer['ciphertextDataIntegrityValue'] = createHash('sha256').update(aad).update(metadata).update(iv).update(ciphertext).update(tag).digest('base64');
  }
  return answer;
}

function decrypt(key: ProxyKey, body: Body): Record<string, string> {
  usable(key, 'DECRYPT');
  if (body['encryptionAlgorithm'] !== 'AES_GCM') fail(400, 'ValidationException');
  const ciphertext = b64(body, 'ciphertext', true);
  const iv = b64(body, 'initializationVector', true);
  const tag = b64(body, 'authenticationTag', true);
  const aad = b64(body, 'additionalAuthenticatedData', false) ?? Buffer.alloc(0);
  const metadata = b64(body, 'ciphertextMetadata', false) ?? Buffer.alloc(0);
  if ((iv.length !== 12 && iv.length !== 16) || tag.length !== 16 || metadata.length > 20) fail(400, 'InvalidCiphertextException');
  try {
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key.secret, 'base64'), iv);
    decipher.setAAD(managerAad(aad, metadata));
    decipher.setAuthTag(tag);
    return { plaintext: Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('base64') };
  } catch {
    return fail(400, 'InvalidCiphertextException');
  }
}

function health(): Record<string, unknown> {
  return {
    xksProxyFleetSize: 1,
    xksProxyVendor: 'kms-vault-mock',
    xksProxyModel: 'kms-vault-mock test XKS proxy',
    ekmVendor: 'kms-vault-mock',
    ekmFleetDetails: [{ id: 'ekm-1', model: 'kms-vault-mock in-memory key manager', healthStatus: config.healthStatus }],
  };
}

async function answer(req: IncomingMessage, body: Buffer): Promise<{ readonly status: number; readonly body: unknown }> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const prefix = config.uriPath;
  const rest = url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : undefined;
  let route: { readonly op: string; readonly keyId?: string } | undefined;
  if (rest === '/health') route = { op: 'health' };
  const keyRoute = rest === undefined ? null : /^\/keys\/([^/]+)\/(metadata|encrypt|decrypt)$/.exec(rest);
  if (keyRoute) route = { op: keyRoute[2] ?? '', keyId: decodeURIComponent(keyRoute[1] ?? '') };
  const entry: LogEntry = { operation: route ? OPERATIONS[route.op] : undefined, path: url.pathname, keyId: route?.keyId };
  log.push(entry);
  try {
    if (!route) return fail(404, 'InvalidUriPathException');
    if (req.method !== 'POST') fail(405, 'ValidationException');
    await authenticate(req, body);
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      fail(400, 'ValidationException');
    }
    if (typeof json !== 'object' || json === null) return fail(400, 'ValidationException');
    const request = json as Body;
    if (typeof request['requestMetadata'] !== 'object' || request['requestMetadata'] === null) fail(400, 'ValidationException');
    entry.requestMetadata = request['requestMetadata'];
    if (config.failWith) fail(config.failWith.status, config.failWith.errorName);
    if (route.op === 'health') return { status: 200, body: health() };
    const key = keyFor(route.keyId ?? '');
    if (route.op === 'metadata') return { status: 200, body: { keySpec: key.spec, keyUsage: key.usage, keyStatus: key.status } };
    if (route.op === 'encrypt') return { status: 200, body: encrypt(key, request) };
    return { status: 200, body: decrypt(key, request) };
  } catch (e) {
    if (!(e instanceof Failure)) return { status: 500, body: { errorName: 'InternalException' } };
    entry.errorName = e.errorName;
    return { status: e.status, body: { errorName: e.errorName } };
  }
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void answer(req, Buffer.concat(chunks)).then((result) => {
      const text = JSON.stringify(result.body);
      const send = (): void => {
        if (res.destroyed) return;
        res.writeHead(result.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      };
      if (config.delayMs > 0) setTimeout(send, config.delayMs);
      else send();
    });
  });
});
server.keepAliveTimeout = 1000;

port.on('message', (message: { readonly type: string; readonly seq: number; readonly config?: Partial<ProxyConfig> }) => {
  if (message.type === 'update') {
    config = { ...config, ...message.config };
    port.postMessage({ type: 'updated', seq: message.seq });
  } else if (message.type === 'requests') {
    port.postMessage({ type: 'requests', seq: message.seq, log: log.slice() });
  } else if (message.type === 'close') {
    server.close(() => port.postMessage({ type: 'closed', seq: message.seq }));
    server.closeAllConnections();
  }
});

server.listen(start.port, start.host, () => port.postMessage({ type: 'listening', port: (server.address() as AddressInfo).port }));
server.on('error', (e: NodeJS.ErrnoException) => port.postMessage({ type: 'error', code: e.code, message: e.message }));
