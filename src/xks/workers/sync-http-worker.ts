/**
 * The program of the worker thread that makes the vault's HTTP requests for `syncHttpRequest`
 * (../sync-http.ts). A file of its own, started by ../worker-file.ts: built to dist/ as an entry of
 * its own, run from the TypeScript source under jest and tsx.
 *
 * It receives `{ id, request }` on its port, signs the request with `@smithy/signature-v4` when asked,
 * sends it with node:http(s) under the request's time limit, posts `{ id, result }` back and then
 * wakes the waiting thread through the shared flag.
 */
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { workerData as data, type MessagePort } from 'node:worker_threads';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../crypto/sha256';

/** A request as the blocked thread posts it (the signing date as ISO text). */
interface PostedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  readonly sign?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly region: string; readonly service: string; readonly date?: string };
}

type Result =
  | { readonly kind: 'response'; readonly status: number; readonly headers: IncomingHttpHeaders; readonly body: string }
  | { readonly kind: 'timeout'; readonly message: string }
  | { readonly kind: 'error'; readonly code: 'unreachable' | 'tls' | 'network'; readonly message: string };

const { port, flag } = data as { readonly port: MessagePort; readonly flag: Int32Array };

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

async function sign(request: PostedRequest, url: URL, body: Buffer | undefined): Promise<OutgoingHttpHeaders> {
  const s = request.sign as NonNullable<PostedRequest['sign']>;
  const signer = new SignatureV4({
    credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
    region: s.region,
    service: s.service,
    sha256: NodeSha256,
    applyChecksum: false,
  });
  // Only Host and X-Amz-Date are signed, as KMS signs proxy requests (XKS Proxy API, Appendix A).
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query: {},
      headers: { host: url.host },
      body,
    },
    { signingDate: s.date ? new Date(s.date) : new Date() },
  );
  return { ...request.headers, ...signed.headers };
}

function send(request: PostedRequest, url: URL, headers: OutgoingHttpHeaders, body: Buffer | undefined): Promise<Result> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: Result): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const makeRequest = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = makeRequest(url, { method: request.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ kind: 'response', status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => done({ kind: 'error', code: 'network', message: String(e.message) }));
    });
    const timer = setTimeout(() => {
      done({ kind: 'timeout', message: `no response within ${request.timeoutMs} ms` });
      req.destroy();
    }, request.timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => {
      const code = String(e.code ?? '');
      const kind = UNREACHABLE.has(code) ? 'unreachable' : code.startsWith('ERR_TLS') || code.includes('CERT') ? 'tls' : 'network';
      done({ kind: 'error', code: kind, message: String(e.message) });
    });
    req.end(body);
  });
}

async function answer(request: PostedRequest): Promise<Result> {
  try {
    const url = new URL(request.url);
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const headers = request.sign ? await sign(request, url, body) : { ...request.headers };
    if (body !== undefined) headers['content-length'] = String(body.length);
    return await send(request, url, headers, body);
  } catch (e) {
    return { kind: 'error', code: 'network', message: String((e as Error | undefined)?.message) };
  }
}

port.on('message', (message: { readonly id: number; readonly request: PostedRequest }) => {
  void answer(message.request).then((result) => {
    port.postMessage({ id: message.id, result });
    Atomics.store(flag, 0, message.id);
    Atomics.notify(flag, 0);
  });
});
