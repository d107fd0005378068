/**
 * The program of the worker thread that runs a test XKS proxy for {@link startXksProxy}. It is plain
 * JavaScript run with `eval` (see sync-http-worker-source.ts for why). A worker, because the vault
 * blocks its own thread while it waits for the proxy's answer: a proxy on that thread would never answer.
 *
 * It follows the XKS Proxy API specification (aws/aws-kms-xksproxy-api-spec): POST only (405 for GET);
 * the URI path prefix first (404 InvalidUriPathException), then SigV4 with service `kms-xks-proxy`
 * verified by re-signing with `@smithy/signature-v4` and a 5-minute skew (401
 * AuthenticationFailedException); then the operation. AES-256-GCM with a 12-byte IV; the key manager's
 * AAD is `uint16(len aad) || aad || uint8(len metadata) || metadata`; the CDIV is SHA-256 over
 * `aad || metadata || iv || ciphertext || tag` (Appendix C).
 */
export const XKS_PROXY_WORKER_SOURCE = String.raw`
'use strict';
const { workerData, parentPort } = require('node:worker_threads');
const http = require('node:http');
const { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } = require('node:crypto');
const { SignatureV4 } = require(workerData.signerPath);

class Sha256 {
  constructor(secret) { this.hash = secret ? createHmac('sha256', secret) : createHash('sha256'); }
  update(data) { this.hash.update(typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)); }
  async digest() { return new Uint8Array(this.hash.digest()); }
}

let config = workerData.config;
const log = [];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const OPERATIONS = { health: 'GetHealthStatus', metadata: 'GetKeyMetadata', encrypt: 'Encrypt', decrypt: 'Decrypt' };

class Failure {
  constructor(status, errorName) { this.status = status; this.errorName = errorName; }
}
const fail = (status, errorName) => { throw new Failure(status, errorName); };

function b64(body, name, required) {
  const value = body[name];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.length % 4 !== 0 || !BASE64.test(value)) fail(400, 'ValidationException');
  return Buffer.from(value, 'base64');
}

async function authenticate(req, body) {
  const header = req.headers['authorization'] || '';
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(header);
  if (!m) fail(401, 'AuthenticationFailedException');
  const [, accessKeyId, , region, service, signedHeaders, signature] = m;
  const credential = config.credentials.find((c) => c.accessKeyId === accessKeyId);
  const dateText = req.headers['x-amz-date'] || '';
  const d = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(dateText);
  if (!credential || service !== 'kms-xks-proxy' || !d) fail(401, 'AuthenticationFailedException');
  const date = new Date(Date.UTC(+d[1], +d[2] - 1, +d[3], +d[4], +d[5], +d[6]));
  // "Any requests more than 5 minutes in the past (or future, due to clock drift) SHOULD fail authentication."
  if (Math.abs(date.getTime() - Date.now()) > 5 * 60_000) fail(401, 'AuthenticationFailedException');
  const names = signedHeaders.split(';');
  if (!names.includes('host') || !names.includes('x-amz-date')) fail(401, 'AuthenticationFailedException');
  const headers = {};
  for (const name of names) if (req.headers[name] !== undefined) headers[name] = String(req.headers[name]);
  const signer = new SignatureV4({ credentials: { accessKeyId, secretAccessKey: credential.secretAccessKey }, region, service, sha256: Sha256, applyChecksum: false });
  const url = new URL(req.url, 'http://' + (req.headers.host || 'localhost'));
  const resigned = await signer.sign({ method: req.method, protocol: 'http:', hostname: url.hostname, path: url.pathname, query: {}, headers, body }, { signingDate: date, signableHeaders: new Set(names) });
  const expected = (/Signature=([0-9a-f]+)/.exec(String(resigned.headers['authorization'])) || [])[1] || '';
  if (expected.length !== signature.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) fail(401, 'AuthenticationFailedException');
}

function keyFor(id) {
  const key = config.keys.find((k) => k.id === id);
  if (!key) fail(404, 'KeyNotFoundException');
  return key;
}

function usable(key, usage) {
  if (key.status !== 'ENABLED') fail(400, 'InvalidStateException');
  if (!key.usage.includes(usage)) fail(400, 'InvalidKeyUsageException');
  if (key.spec !== 'AES_256') fail(400, 'InvalidKeyUsageException');
}

function managerAad(aad, metadata) {
  const head = Buffer.alloc(2);
  head.writeUInt16BE(aad.length);
  return Buffer.concat([head, aad, Buffer.from([metadata.length]), metadata]);
}

function encrypt(key, body) {
  usable(key, 'ENCRYPT');
  if (body.encryptionAlgorithm !== 'AES_GCM') fail(400, 'ValidationException');
  const plaintext = b64(body, 'plaintext', true);
  const aad = b64(body, 'additionalAuthenticatedData', false) || Buffer.alloc(0);
  if (body.ciphertextDataIntegrityValueAlgorithm !== undefined && body.ciphertextDataIntegrityValueAlgorithm !== 'SHA_256') fail(400, 'ValidationException');
  const metadata = Buffer.from(config.ciphertextMetadata, 'base64');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key.secret, 'base64'), iv);
  cipher.setAAD(managerAad(aad, metadata));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  const answer = { ciphertext: ciphertext.toString('base64'), initializationVector: iv.toString('base64'), authenticationTag: tag.toString('base64') };
  if (metadata.length > 0) answer.ciphertextMetadata = metadata.toString('base64');
  if (body.ciphertextDataIntegrityValueAlgorithm === 'SHA_256') {
    answer.ciphertextDataIntegrityValue = createHash('sha256').update(aad).update(metadata).update(iv).update(ciphertext).update(tag).digest('base64');
  }
  return answer;
}

function decrypt(key, body) {
  usable(key, 'DECRYPT');
  if (body.encryptionAlgorithm !== 'AES_GCM') fail(400, 'ValidationException');
  const ciphertext = b64(body, 'ciphertext', true);
  const iv = b64(body, 'initializationVector', true);
  const tag = b64(body, 'authenticationTag', true);
  const aad = b64(body, 'additionalAuthenticatedData', false) || Buffer.alloc(0);
  const metadata = b64(body, 'ciphertextMetadata', false) || Buffer.alloc(0);
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

function health() {
  return {
    xksProxyFleetSize: 1, xksProxyVendor: 'kms-vault-mock', xksProxyModel: 'kms-vault-mock test XKS proxy', ekmVendor: 'kms-vault-mock',
    ekmFleetDetails: [{ id: 'ekm-1', model: 'kms-vault-mock in-memory key manager', healthStatus: config.healthStatus }],
  };
}

async function answer(req, body) {
  const url = new URL(req.url, 'http://localhost');
  const prefix = config.uriPath;
  const rest = url.pathname.startsWith(prefix + '/') ? url.pathname.slice(prefix.length) : undefined;
  let route;
  if (rest === '/health') route = { op: 'health' };
  const keyRoute = rest === undefined ? null : /^\/keys\/([^/]+)\/(metadata|encrypt|decrypt)$/.exec(rest);
  if (keyRoute) route = { op: keyRoute[2], keyId: decodeURIComponent(keyRoute[1]) };
  const entry = { operation: route ? OPERATIONS[route.op] : undefined, path: url.pathname, keyId: route && route.keyId };
  log.push(entry);
  try {
    if (!route) fail(404, 'InvalidUriPathException');
    if (req.method !== 'POST') fail(405, 'ValidationException');
    await authenticate(req, body);
    let json;
    try { json = JSON.parse(body.toString('utf8')); } catch { fail(400, 'ValidationException'); }
    if (typeof json !== 'object' || json === null || typeof json.requestMetadata !== 'object' || json.requestMetadata === null) fail(400, 'ValidationException');
    entry.requestMetadata = json.requestMetadata;
    if (config.failWith) fail(config.failWith.status, config.failWith.errorName);
    if (route.op === 'health') return { status: 200, body: health() };
    const key = keyFor(route.keyId);
    if (route.op === 'metadata') return { status: 200, body: { keySpec: key.spec, keyUsage: key.usage, keyStatus: key.status } };
    if (route.op === 'encrypt') return { status: 200, body: encrypt(key, json) };
    return { status: 200, body: decrypt(key, json) };
  } catch (e) {
    if (!(e instanceof Failure)) return { status: 500, body: { errorName: 'InternalException' } };
    entry.errorName = e.errorName;
    return { status: e.status, body: { errorName: e.errorName } };
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const result = await answer(req, Buffer.concat(chunks));
    const text = JSON.stringify(result.body);
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(result.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (config.delayMs > 0) setTimeout(send, config.delayMs); else send();
  });
});
server.keepAliveTimeout = 1000;

parentPort.on('message', (message) => {
  if (message.type === 'update') {
    config = { ...config, ...message.config };
    parentPort.postMessage({ type: 'updated', seq: message.seq });
  } else if (message.type === 'requests') {
    parentPort.postMessage({ type: 'requests', seq: message.seq, log: log.slice() });
  } else if (message.type === 'close') {
    server.close(() => parentPort.postMessage({ type: 'closed', seq: message.seq }));
    server.closeAllConnections();
  }
});

server.listen(workerData.port, workerData.host, () => parentPort.postMessage({ type: 'listening', port: server.address().port }));
server.on('error', (e) => parentPort.postMessage({ type: 'error', code: e.code, message: e.message }));
`;
