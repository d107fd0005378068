import { version } from '../../package.json';
import type { WireResponse } from '../protocol/wire-message';

/**
 * LocalStack's own endpoints, in the shapes LocalStack answers them (localstack-core's
 * `services/internal.py`), so that CI set-ups which wait on LocalStack before their tests start
 * (`curl -f localhost:4566/_localstack/health`, a compose healthcheck on `/_localstack/init/ready`)
 * work unchanged against kms-vault-mock. The only service is KMS, reported "running" as LocalStack
 * reports a started service; services it does not offer are left out, as LocalStack leaves out the
 * services of plugins it lacks.
 */
export const LOCALSTACK_PATHS = {
  health: '/_localstack/health',
  info: '/_localstack/info',
  init: '/_localstack/init',
} as const;

/** LocalStack's init stages: all of boot, start and ready are done once the server listens. */
const INIT_STAGES = { BOOT: true, START: true, READY: true, SHUTDOWN: false } as const;

const startedAt = Date.now();

/** The answer to a request for one of LocalStack's endpoints, or undefined when the path is not one. */
export function localStackResponse(method: string, path: string): WireResponse | undefined {
  if (!path.startsWith('/_localstack/')) return undefined;
  const read = method === 'GET' || method === 'HEAD';
  if (path === LOCALSTACK_PATHS.health || path === `${LOCALSTACK_PATHS.health}/`) {
    // LocalStack answers HEAD with a plain "ok".
    if (method === 'HEAD') return text(200, 'ok');
    if (method === 'GET') return json(200, { services: { kms: 'running' }, features: { initScripts: 'initialized' }, edition: 'kms-vault-mock', version });
    return undefined;
  }
  if (!read) return undefined;
  if (path === LOCALSTACK_PATHS.info) {
    return json(200, {
      version,
      edition: 'kms-vault-mock',
      is_license_activated: false,
      session_id: '',
      machine_id: '',
      system: process.platform,
      is_docker: false,
      server_time_utc: new Date().toISOString().slice(0, 19),
      uptime: Math.floor((Date.now() - startedAt) / 1000),
    });
  }
  if (path === LOCALSTACK_PATHS.init) return json(200, { completed: INIT_STAGES, scripts: [] });
  if (path.startsWith(`${LOCALSTACK_PATHS.init}/`)) {
    const stage = path.slice(LOCALSTACK_PATHS.init.length + 1).toUpperCase();
    if (!Object.hasOwn(INIT_STAGES, stage)) return text(404, `no such stage ${path.slice(LOCALSTACK_PATHS.init.length + 1)}`);
    return json(200, { completed: INIT_STAGES[stage as keyof typeof INIT_STAGES], scripts: [] });
  }
  return undefined;
}

function json(status: number, value: unknown): WireResponse {
  const body = JSON.stringify(value);
  return { status, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body };
}

function text(status: number, body: string): WireResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) }, body };
}
