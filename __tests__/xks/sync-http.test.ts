import { Worker } from 'node:worker_threads';
import { closeSyncHttp, syncHttpRequest } from '../../src/xks/sync-http';

/**
 * A server in a worker thread: the test's own thread is blocked while it waits for an answer, so a
 * server on it could never answer. It echoes the request and waits `?delay=ms` first.
 */
async function echoServer(): Promise<{ url: string; close: () => Promise<number> }> {
  const worker = new Worker(
    `
    const { parentPort } = require('node:worker_threads');
    const server = require('node:http').createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const delay = Number(new URL(req.url, 'http://x').searchParams.get('delay') || 0);
        setTimeout(() => {
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ method: req.method, path: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }));
        }, delay);
      });
    });
    server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
    `,
    { eval: true },
  );
  const port = await new Promise<number>((resolve) => worker.once('message', resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => worker.terminate() };
}

describe('syncHttpRequest (blocking HTTP from a synchronous caller)', () => {
  let server: { url: string; close: () => Promise<number> };
  beforeAll(async () => {
    server = await echoServer();
  });
  afterAll(async () => {
    await server.close();
    await closeSyncHttp();
  });

  it('returns the response of a real server, status, headers and body', () => {
    const result = syncHttpRequest({
      url: `${server.url}/kms/xks/v1/health`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
      timeoutMs: 5_000,
    });
    expect(result.kind).toBe('response');
    if (result.kind !== 'response') return;
    expect(result.status).toBe(201);
    const echoed = JSON.parse(result.body) as { method: string; path: string; body: string; headers: Record<string, string> };
    expect(echoed).toMatchObject({ method: 'POST', path: '/kms/xks/v1/health', body: '{"a":1}' });
    expect(echoed.headers['content-type']).toBe('application/json');
  });

  it('signs with SigV4 over host and x-amz-date only, with the given scope (XKS Proxy API, Appendix A)', () => {
    const date = new Date('2026-01-02T03:04:05Z');
    const result = syncHttpRequest({
      url: `${server.url}/p/kms/xks/v1/health`,
      method: 'POST',
      body: '{}',
      timeoutMs: 5_000,
      sign: { accessKeyId: 'AKIAI2SFODNN7EXAMPLE', secretAccessKey: 'secret', region: 'eu-west-1', service: 'kms-xks-proxy', date },
    });
    if (result.kind !== 'response') throw new Error(result.message);
    const headers = (JSON.parse(result.body) as { headers: Record<string, string> }).headers;
    expect(headers['x-amz-date']).toBe('20260102T030405Z');
    expect(headers['authorization']).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAI2SFODNN7EXAMPLE\/20260102\/eu-west-1\/kms-xks-proxy\/aws4_request, SignedHeaders=host;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
  });

  it('answers many calls in order, each with its own response', () => {
    for (let i = 0; i < 20; i++) {
      const result = syncHttpRequest({ url: `${server.url}/n/${i}`, method: 'POST', body: String(i), timeoutMs: 5_000 });
      expect(result.kind === 'response' && (JSON.parse(result.body) as { body: string }).body).toBe(String(i));
    }
  });

  it('gives up after the time limit, and the late answer does not leak into the next call', () => {
    const started = Date.now();
    const late = syncHttpRequest({ url: `${server.url}/slow?delay=600`, method: 'POST', body: 'late', timeoutMs: 150 });
    expect(late.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
    const next = syncHttpRequest({ url: `${server.url}/fast`, method: 'POST', body: 'next', timeoutMs: 5_000 });
    expect(next.kind === 'response' && (JSON.parse(next.body) as { body: string }).body).toBe('next');
  });

  it('reports a port nobody listens on as unreachable', () => {
    const result = syncHttpRequest({ url: 'http://127.0.0.1:1/', method: 'POST', body: '', timeoutMs: 2_000 });
    expect(result).toMatchObject({ kind: 'error', code: 'unreachable' });
  });
});
