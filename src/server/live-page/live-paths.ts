/** Paths of the live view and the coverage report on a server. */
export const LIVE_PATHS = {
  page: '/_kms-vault-mock/ui',
  api: '/_kms-vault-mock/ui/api',
  coverage: '/_kms-vault-mock/coverage',
} as const;

/**
 * Whether a request may be for the live view or the coverage report: the server loads their code
 * (the page, the renderers) only for such a request, not at start-up. GET and HEAD only; `GET /`
 * only from a browser (one that accepts text/html).
 */
export function mayBeLiveView(method: string, path: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (path === '/') return accept !== undefined && accept.includes('text/html');
  return path === LIVE_PATHS.coverage || path === LIVE_PATHS.page || path.startsWith(`${LIVE_PATHS.page}/`);
}
