import { createHash } from 'node:crypto';
import { KmsVault, startServer, type KmsServer } from '../../src';
import { overview } from '../../src/server/live-page/live-data';
import { LIVE_PAGE_HTML } from '../../src/server/live-page/live-page-html';

function scriptSrc(csp: string | null): string {
  return (
    (csp ?? '')
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src ')) ?? ''
  );
}

describe('the live page: cheap to poll', () => {
  test('the overview counts calls with a counter: the vault coverage report is built once, not on every poll', () => {
    const vault = new KmsVault();
    vault.execute('CreateKey', {});
    const coverage = jest.spyOn(vault, 'coverage');
    const totals: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      totals.push((overview(vault) as { totalCalls: number }).totalCalls);
      vault.execute('ListKeys', {});
    }
    expect(() => vault.execute('DescribeKey', { KeyId: 'alias/none' })).toThrow();
    totals.push((overview(vault) as { totalCalls: number }).totalCalls);
    expect(totals).toEqual([1, 2, 3, 5]);
    expect(coverage.mock.calls.length).toBeLessThanOrEqual(1);
    coverage.mockRestore();
    expect(vault.coverage().totals.calls).toBe(5);
  });

  test('the open key detail is asked for again only once the previous answer came (no pile-up on a slow server)', () => {
    expect(LIVE_PAGE_HTML).toContain('if(openKey&&!detailBusy)detail();');
    expect(LIVE_PAGE_HTML).toMatch(/detailBusy=true;\s*get\(API\+'\/key\?id='/);
    expect(LIVE_PAGE_HTML).toContain('.then(function(){detailBusy=false;});');
  });
});

describe('the live page: Content-Security-Policy runs its own script only', () => {
  let server: KmsServer;
  beforeAll(async () => {
    server = await startServer({ port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  test("the page's script-src is the sha256 hash of its one inline script, never 'unsafe-inline'; nosniff", async () => {
    const response = await fetch(`${server.url}/_kms-vault-mock/ui`);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]![1]!, 'utf8').digest('base64');
    expect(scriptSrc(response.headers.get('content-security-policy'))).toBe(`script-src 'sha256-${hash}'`);
    expect(response.headers.get('content-security-policy')).not.toContain("script-src 'unsafe-inline'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test("the coverage report as HTML runs no script at all (script-src 'none'); every live view answer is nosniff", async () => {
    const html = await fetch(`${server.url}/_kms-vault-mock/coverage?format=html`);
    expect(scriptSrc(html.headers.get('content-security-policy'))).toBe("script-src 'none'");
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    for (const path of ['/_kms-vault-mock/coverage', '/_kms-vault-mock/ui/api/overview', '/_kms-vault-mock/ui/api/keys']) {
      const r = await fetch(`${server.url}${path}`);
      expect([path, r.headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
      await r.text();
    }
  });
});
