import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { KmsVault } from '../kms-vault';

const TARGET_PREFIX = 'TrentService.';
const CREDENTIAL = /Credential=([^/,\s]+)\//;

/**
 * Who a request acts as, as far as its headers tell: a principal the vault knows (its ARN), or the
 * account root that unknown access keys and unsigned requests act as in lenient mode.
 */
function callerOf(vault: KmsVault, req: IncomingMessage): string {
  const accessKeyId = CREDENTIAL.exec(req.headers.authorization ?? '')?.[1];
  if (accessKeyId === undefined) return 'unsigned';
  return vault.principalByAccessKey(accessKeyId)?.caller.arn ?? `${accessKeyId} (unknown key)`;
}

/**
 * One line per request once its response is sent: time, operation (or method and path for the
 * server's own endpoints), caller, HTTP status, error code ('-' for none) and milliseconds. For
 * `kms-vault-mock serve --log-requests`.
 */
export function logRequests(server: Server, vault: KmsVault, write: (line: string) => void): void {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    // The server hands its headers to writeHead, where getHeader cannot see them: noted on the way.
    let errorCode = '-';
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      const headers = args.find((a): a is Record<string, unknown> => typeof a === 'object' && a !== null && !Array.isArray(a));
      const type = headers?.['x-amzn-ErrorType'];
      if (typeof type === 'string') errorCode = type;
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as typeof res.writeHead;
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const target = req.headers['x-amz-target'];
      const operation = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : `${req.method ?? '?'} ${(req.url ?? '/').split('?')[0] ?? '/'}`;
      write(`${new Date().toISOString()} ${operation} ${callerOf(vault, req)} ${res.statusCode} ${errorCode} ${ms.toFixed(1)}ms`);
    });
  });
}
