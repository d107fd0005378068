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

/**
 * LocalStack's endpoints for one server: the health state its clients write (`PUT /_localstack/health`,
 * which LocalStack's container entrypoint uses to set `features:initScripts`), and its uptime, counted
 * from `startedAt` (when the server started).
 *
 * `edition` is `kms-vault-mock` and `version` this package's version, not LocalStack's: LocalStack's
 * own `edition` is an open value (`community`, `pro`, `unknown` when it cannot tell) that clients
 * waiting for start-up do not read; claiming `community` would say a LocalStack is there when none is.
 */
export class LocalStackEndpoints {
  /** What `PUT /_localstack/health` stored, shown in the health answer: a started LocalStack's init scripts feature to begin with. */
  private state: Record<string, unknown> = { features: { initScripts: 'initialized' } };

  constructor(private readonly startedAt: number = Date.now()) {}

  /** The answer to a request for one of LocalStack's endpoints, or undefined when the path is not one. */
  answer(method: string, path: string, body: Uint8Array = new Uint8Array()): WireResponse | undefined {
    if (!path.startsWith('/_localstack/')) return undefined;
    const read = method === 'GET' || method === 'HEAD';
    if (path === LOCALSTACK_PATHS.health || path === `${LOCALSTACK_PATHS.health}/`) return this.health(method, body);
    if (!read) return undefined;
    if (path === LOCALSTACK_PATHS.info) {
      return json(200, {
        version,
        edition: EDITION,
        is_license_activated: false,
        session_id: '',
        machine_id: '',
        system: process.platform,
        is_docker: false,
        server_time_utc: new Date().toISOString().slice(0, 19),
        uptime: Math.floor((Date.now() - this.startedAt) / 1000),
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

  private health(method: string, body: Uint8Array): WireResponse | undefined {
    // LocalStack answers HEAD with a plain "ok".
    if (method === 'HEAD') return text(200, 'ok');
    if (method === 'GET') return json(200, { ...merged({ services: { kms: 'running' } }, this.state), edition: EDITION, version });
    if (method === 'PUT') {
      // `{"features:initScripts": "initialized"}` sets features.initScripts; a body that is not a JSON object sets nothing.
      const data = objectOf(body) ?? {};
      const update: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(data)) {
        const path = name.split(':');
        let at = update;
        for (const part of path.slice(0, -1)) at = isObject(at[part]) ? at[part] : (at[part] = {});
        at[path[path.length - 1]!] = value;
      }
      this.state = merged(this.state, update);
      return json(200, { status: 'OK' });
    }
    if (method === 'POST') {
      // LocalStack's restart and kill actions are not carried out: the server stops only when its owner stops it.
      const data = objectOf(body);
      return data === undefined || Object.keys(data).length === 0 ? text(400, 'invalid request') : text(200, 'ok');
    }
    return undefined;
  }
}

const EDITION = 'kms-vault-mock';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as a JSON object, or undefined (empty, not JSON, or not an object). */
function objectOf(body: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(body).toString('utf8'));
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `base` with `update` merged in depth (update wins); neither is changed. */
function merged(base: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(update)) {
    const old = out[k];
    out[k] = isObject(old) && isObject(v) ? merged(old, v) : v;
  }
  return out;
}

function json(status: number, value: unknown): WireResponse {
  const body = JSON.stringify(value);
  return { status, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body };
}

function text(status: number, body: string): WireResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) }, body };
}
