/**
 * The program of the worker thread that makes the vault's HTTP requests for {@link syncHttpRequest}.
 * It is plain JavaScript run with `eval`, so that it works the same from TypeScript sources (jest) and
 * from the built package, where no separate worker file exists.
 *
 * It receives `{ id, request }` on its port, signs the request with `@smithy/signature-v4` when asked
 * (its resolved path comes in `workerData.signerPath`), sends it with node:http(s) under the request's
 * time limit, posts `{ id, result }` back and then wakes the waiting thread through the shared flag.
 */
export const SYNC_HTTP_WORKER_SOURCE = String.raw`
'use strict';
const { workerData } = require('node:worker_threads');
const http = require('node:http');
const https = require('node:https');
const { createHash, createHmac } = require('node:crypto');
const { port, flag, signerPath } = workerData;
const { SignatureV4 } = require(signerPath);

class Sha256 {
  constructor(secret) { this.hash = secret ? createHmac('sha256', secret) : createHash('sha256'); }
  update(data) { this.hash.update(typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)); }
  async digest() { return new Uint8Array(this.hash.digest()); }
}

async function sign(request, url, body) {
  const s = request.sign;
  const signer = new SignatureV4({
    credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
    region: s.region, service: s.service, sha256: Sha256, applyChecksum: false,
  });
  // Only Host and X-Amz-Date are signed, as KMS signs proxy requests (XKS Proxy API, Appendix A).
  const signed = await signer.sign({
    method: request.method, protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined,
    path: url.pathname, query: {}, headers: { host: url.host }, body,
  }, { signingDate: s.date ? new Date(s.date) : new Date() });
  return { ...request.headers, ...signed.headers };
}

function send(request, url, headers, body) {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result) => { if (!settled) { settled = true; clearTimeout(timer); resolve(result); } };
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(url, { method: request.method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => done({ kind: 'response', status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => done({ kind: 'error', code: 'network', message: String(e && e.message) }));
    });
    const timer = setTimeout(() => { done({ kind: 'timeout', message: 'no response within ' + request.timeoutMs + ' ms' }); req.destroy(); }, request.timeoutMs);
    req.on('error', (e) => {
      const code = e && e.code;
      const refused = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EAI_AGAIN';
      done({ kind: 'error', code: refused ? 'unreachable' : (String(code || '').startsWith('ERR_TLS') || String(code || '').includes('CERT') ? 'tls' : 'network'), message: String(e && e.message) });
    });
    req.end(body);
  });
}

async function answer(request) {
  try {
    const url = new URL(request.url);
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const headers = request.sign ? await sign(request, url, body) : { ...request.headers };
    if (body !== undefined) headers['content-length'] = String(body.length);
    return await send(request, url, headers, body);
  } catch (e) {
    return { kind: 'error', code: 'network', message: String(e && e.message) };
  }
}

port.on('message', async ({ id, request }) => {
  const result = await answer(request);
  port.postMessage({ id, result });
  Atomics.store(flag, 0, id);
  Atomics.notify(flag, 0);
});
`;
