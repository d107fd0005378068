import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { CallEvent } from '../engine/observers';
import type { KmsVault } from '../kms-vault';

const TARGET_PREFIX = 'TrentService.';
/** Calls the engine answered whose response has not been logged yet, by request id (bounded: calls made in-process are never logged). */
const MAX_PENDING = 1024;
let observerCount = 0;

/**
 * Who a call acted as, as the pipeline resolved it (the engine's event): a principal the vault knows
 * (its ARN), or the account root that unknown access keys and unsigned requests act as in lenient mode,
 * shown as what the request carried. A request the engine never saw (a signature that does not match,
 * an unknown operation, the server's own endpoints) names nobody: `unsigned` or `-`.
 */
function callerOf(vault: KmsVault, req: IncomingMessage, event: CallEvent | undefined): string {
  if (event === undefined) return req.headers.authorization === undefined ? 'unsigned' : '-';
  const accessKeyId = event.source.accessKeyId;
  if (accessKeyId === undefined) return 'unsigned';
  if (vault.principalByAccessKey(accessKeyId) === undefined && event.caller.arn === vault.caller.arn) return `${accessKeyId} (unknown key)`;
  return event.caller.arn;
}

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name && typeof v === 'string') return v;
  return undefined;
}

/**
 * One line per request once its response is sent: time, operation (or method and path for the
 * server's own endpoints), caller, HTTP status, error code ('-' for none) and milliseconds. For
 * `kms-vault-mock serve --log-requests`.
 */
export function logRequests(server: Server, vault: KmsVault, write: (line: string) => void): void {
  // The engine's events name the caller the pipeline resolved; the response's request id finds its event.
  const pending = new Map<string, CallEvent>();
  const remove = vault.observers.add(`request-log-${++observerCount}`, (event) => {
    pending.set(event.requestId, event);
    if (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value!);
  });
  server.once('close', remove);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    // The server hands its headers to writeHead, where getHeader cannot see them: noted on the way.
    let errorCode = '-';
    let requestId: string | undefined;
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      const headers = args.find((a): a is Record<string, unknown> => typeof a === 'object' && a !== null && !Array.isArray(a));
      errorCode = header(headers, 'x-amzn-errortype') ?? errorCode;
      requestId = header(headers, 'x-amzn-requestid');
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as typeof res.writeHead;
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const target = req.headers['x-amz-target'];
      const operation =
        typeof target === 'string' && target.startsWith(TARGET_PREFIX)
          ? target.slice(TARGET_PREFIX.length)
          : `${req.method ?? '?'} ${(req.url ?? '/').split('?')[0] ?? '/'}`;
      const event = requestId === undefined ? undefined : pending.get(requestId);
      if (requestId !== undefined) pending.delete(requestId);
      write(`${new Date().toISOString()} ${operation} ${callerOf(vault, req, event)} ${res.statusCode} ${errorCode} ${ms.toFixed(1)}ms`);
    });
  });
}
