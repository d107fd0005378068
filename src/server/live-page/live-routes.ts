import { createHash, randomUUID } from 'node:crypto';
import { KmsVaultMockError } from '../../errors/library-error';
import type { KmsVault } from '../../kms-vault';
import type { WireResponse } from '../../protocol/wire-message';
import { coverageHtml, coverageTable } from '../../coverage/render-coverage';
import { keyDetail, keysPage, overview } from './live-data';
import { LIVE_PAGE_HTML } from './live-page-html';
import { LIVE_PATHS } from './live-paths';

export { LIVE_PATHS } from './live-paths';

/** The hash of the page's one inline script, for its CSP: that script runs, no other (injected) one does. */
function scriptHash(html: string): string {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
  if (scripts.length !== 1) throw new KmsVaultMockError(`The live page must have exactly one inline script; it has ${scripts.length}.`);
  return `'sha256-${createHash('sha256').update(scripts[0]![1]!, 'utf8').digest('base64')}'`;
}

/** script-src of the live page (its own script) and of everything else (the coverage report runs none). */
export const LIVE_PAGE_SCRIPT_SRC = scriptHash(LIVE_PAGE_HTML);

function respond(status: number, type: string, body: string, scriptSrc = "'none'"): WireResponse {
  return {
    status,
    headers: {
      'content-type': type,
      'content-length': String(Buffer.byteLength(body)),
      'cache-control': 'no-store',
      'x-amzn-requestid': randomUUID(),
      // The page loads nothing from elsewhere, runs only its own script, and nothing else may frame it.
      'content-security-policy': `default-src 'none'; script-src ${scriptSrc}; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'`,
      'x-content-type-options': 'nosniff',
    },
    body,
  };
}

const json = (status: number, value: unknown): WireResponse => respond(status, 'application/json', JSON.stringify(value));

function number(value: string | readonly string[] | undefined): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Answers GET requests for the live page, its JSON and the coverage report; undefined for anything
 * else (the KMS API is POST /). `GET /` from a browser (one that accepts text/html) is sent to the
 * page; SDKs never send it.
 */
export function liveViewResponse(
  vault: KmsVault,
  method: string,
  path: string,
  query: Readonly<Record<string, string | readonly string[]>>,
  accept: string | undefined,
): WireResponse | undefined {
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  if (path === '/' && accept !== undefined && accept.includes('text/html')) {
    return { status: 303, headers: { location: LIVE_PATHS.page, 'content-length': '0', 'x-amzn-requestid': randomUUID() }, body: '' };
  }
  if (path === LIVE_PATHS.page || path === `${LIVE_PATHS.page}/`) return respond(200, 'text/html; charset=utf-8', LIVE_PAGE_HTML, LIVE_PAGE_SCRIPT_SRC);
  if (path === LIVE_PATHS.coverage) {
    const report = vault.coverage();
    if (query.format === 'html') return respond(200, 'text/html; charset=utf-8', coverageHtml(report));
    if (query.format === 'text') return respond(200, 'text/plain; charset=utf-8', `${coverageTable(report)}\n`);
    return json(200, report);
  }
  if (path === `${LIVE_PATHS.api}/overview`) return json(200, overview(vault));
  if (path === `${LIVE_PATHS.api}/keys`) {
    const q = typeof query.q === 'string' ? query.q : undefined;
    return json(200, keysPage(vault, { offset: number(query.offset), limit: number(query.limit), ...(q !== undefined ? { q } : {}) }));
  }
  if (path === `${LIVE_PATHS.api}/key`) {
    const id = typeof query.id === 'string' ? query.id : '';
    const detail = keyDetail(vault, id);
    return detail ? json(200, detail) : json(404, { error: `No key '${id}' in the vault.` });
  }
  return undefined;
}
