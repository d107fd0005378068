import { startServer } from '../../src/server/start-server';
import { CLOUDTRAIL_PATHS, CLOUDTRAIL_TARGET_PREFIX, isCloudTrailRequest } from '../../src/cloudtrail/cloudtrail-routes';

// Which modules the server has loaded: each factory runs when its module is first required (`mock`
// names are allowed in jest.mock factories, which are hoisted above the imports).
const mockLoaded: string[] = [];
const loaded = mockLoaded;
jest.mock('../../src/server/live-page/live-routes', () => {
  mockLoaded.push('live-routes');
  return jest.requireActual('../../src/server/live-page/live-routes');
});
jest.mock('../../src/cloudtrail/cloudtrail-server', () => {
  mockLoaded.push('cloudtrail-server');
  return jest.requireActual('../../src/cloudtrail/cloudtrail-server');
});

describe('serve starts without the live view and CloudTrail: each loads on its first request', () => {
  test('the requests start-server sends to CloudTrail are the ones CloudTrail answers', () => {
    expect(isCloudTrailRequest(`${CLOUDTRAIL_TARGET_PREFIX}LookupEvents`, '/')).toBe(true);
    for (const path of Object.values(CLOUDTRAIL_PATHS)) expect(isCloudTrailRequest(undefined, path)).toBe(true);
    expect(isCloudTrailRequest('TrentService.Encrypt', '/')).toBe(false);
    expect(isCloudTrailRequest(undefined, '/_kms-vault-mock/state')).toBe(false);
  });

  test('health and KMS calls load neither; the live page loads the live view, a LookupEvents loads CloudTrail, and both answer', async () => {
    loaded.length = 0;
    const server = await startServer({ port: 0 });
    try {
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      const kms = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.CreateKey' },
        body: '{}',
      });
      expect(kms.status).toBe(200);
      await kms.text();
      expect(loaded).toEqual([]);

      const page = await fetch(`${server.url}/_kms-vault-mock/ui`);
      expect([page.status, (await page.text()).includes('<script>')]).toEqual([200, true]);
      const coverage = (await (await fetch(`${server.url}/_kms-vault-mock/coverage`)).json()) as { totals: { calls: number } };
      expect(coverage.totals.calls).toBe(1);
      expect(loaded).toEqual(['live-routes']);

      const lookup = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${CLOUDTRAIL_TARGET_PREFIX}LookupEvents` },
        body: '{}',
      });
      expect(lookup.status).toBe(200);
      const events = (await lookup.json()) as { Events: { EventName: string }[] };
      expect(events.Events.map((e) => e.EventName)).toContain('CreateKey');
      const records = (await (await fetch(`${server.url}${CLOUDTRAIL_PATHS.events}`)).json()) as { Records: unknown[] };
      expect(records.Records).toHaveLength(1);
      expect(loaded).toEqual(['live-routes', 'cloudtrail-server']);
    } finally {
      await server.close();
    }
  });
});
