import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { startWorker } from './worker-file';

/** SigV4 signing of a request, done with `@smithy/signature-v4` on the worker thread. */
export interface SyncHttpSigning {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  readonly service: string;
  /** The signing time (default: now). */
  readonly date?: Date;
}

/** An HTTP request made synchronously by {@link syncHttpRequest}. */
export interface SyncHttpRequest {
  /** `http://` or `https://` URL. */
  readonly url: string;
  readonly method: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** UTF-8 text. */
  readonly body?: string;
  /** How long the server has to answer, from when the request is sent. */
  readonly timeoutMs: number;
  readonly sign?: SyncHttpSigning;
}

/** What became of a request: the server's response, no answer in time, or a failure to talk to it. */
export type SyncHttpResult =
  | { readonly kind: 'response'; readonly status: number; readonly headers: Readonly<Record<string, string | string[] | undefined>>; readonly body: string }
  | { readonly kind: 'timeout'; readonly message: string }
  | { readonly kind: 'error'; readonly code: 'unreachable' | 'tls' | 'network'; readonly message: string };

interface Channel {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly flag: Int32Array;
  nextId: number;
}

/** Time allowed, beyond the request's own limit, for the worker to start (first call) and report back. */
const WORKER_MARGIN_MS = 15_000;

let channel: Channel | undefined;

function open(): Channel {
  if (channel) return channel;
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = startWorker('sync-http-worker', { workerData: { port: port2, flag }, transferList: [port2] });
  // Neither keeps the process alive: a test run ends when its tests do.
  worker.unref();
  port1.unref();
  const opened: Channel = { worker, port: port1, flag, nextId: 1 };
  worker.on('error', () => {
    if (channel === opened) channel = undefined;
  });
  worker.on('exit', () => {
    if (channel === opened) channel = undefined;
  });
  channel = opened;
  return opened;
}

/**
 * Makes an HTTP request and blocks the calling thread until it is answered, fails, or runs out of
 * time. KMS operation handlers are synchronous; this lets one talk to a real external key store proxy.
 * A worker thread (started on first use, shared, never keeping the process alive) sends the request
 * while this thread sleeps in `Atomics.wait` on a shared flag; the answer is read from a message port
 * with `receiveMessageOnPort`.
 *
 * A server answering the request must not run on the calling thread, which is blocked: run it in a
 * worker or another process (`startXksProxy` does).
 */
export function syncHttpRequest(request: SyncHttpRequest): SyncHttpResult {
  const c = open();
  const id = c.nextId++;
  if (c.nextId >= 0x7fffffff) c.nextId = 1;
  c.port.postMessage({ id, request: { ...request, sign: request.sign && { ...request.sign, date: request.sign.date?.toISOString() } } });
  const deadline = Date.now() + request.timeoutMs + WORKER_MARGIN_MS;
  for (;;) {
    // Read before looking at the port: a reply posted after the look changes the flag, so the wait returns at once.
    const seen = Atomics.load(c.flag, 0);
    const received = receiveMessageOnPort(c.port) as { message: { id: number; result: SyncHttpResult } } | undefined;
    if (received) {
      // Answers to requests given up on earlier are dropped.
      if (received.message.id === id) return received.message.result;
      continue;
    }
    const left = deadline - Date.now();
    if (left <= 0) return { kind: 'timeout', message: `no response within ${request.timeoutMs} ms` };
    Atomics.wait(c.flag, 0, seen, Math.min(left, 1_000));
  }
}

/** Stops the worker thread (it starts again on the next request). Tests that count open handles may call it. */
export async function closeSyncHttp(): Promise<void> {
  const c = channel;
  channel = undefined;
  if (c) {
    c.port.close();
    await c.worker.terminate();
  }
}
