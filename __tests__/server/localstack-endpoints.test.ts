import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { KmsVault } from '../../src';
import { parseServeArgs, serve } from '../../src/server/serve-command';
import { startServer, type KmsServer } from '../../src/server/start-server';
import { version } from '../../package.json';

// Shapes from LocalStack's own handlers (localstack-core/localstack/services/internal.py: HealthResource,
// InfoResource, InitScriptsResource, InitScriptsStageResource); see docs/guides/replacing-localstack.md.
describe("LocalStack's endpoints, so that CI waiting on LocalStack waits on kms-vault-mock unchanged", () => {
  let server: KmsServer;
  beforeAll(async () => {
    server = await startServer({ vault: new KmsVault(), port: 0 });
  });
  afterAll(() => server.close());

  it('GET /_localstack/health: {services, edition, version} with kms "running", as LocalStack reports a started service', async () => {
    const res = await fetch(`${server.url}/_localstack/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ services: { kms: 'running' }, features: { initScripts: 'initialized' }, edition: 'kms-vault-mock', version });
  });

  it('HEAD /_localstack/health answers 200, as LocalStack does', async () => {
    expect((await fetch(`${server.url}/_localstack/health`, { method: 'HEAD' })).status).toBe(200);
  });

  it('GET /_localstack/init/ready: {completed: true, scripts: []}; every stage but shutdown is complete; an unknown stage is 404', async () => {
    expect(await (await fetch(`${server.url}/_localstack/init/ready`)).json()).toEqual({ completed: true, scripts: [] });
    expect(await (await fetch(`${server.url}/_localstack/init/boot`)).json()).toEqual({ completed: true, scripts: [] });
    expect(await (await fetch(`${server.url}/_localstack/init/shutdown`)).json()).toEqual({ completed: false, scripts: [] });
    expect(await (await fetch(`${server.url}/_localstack/init`)).json()).toEqual({
      completed: { BOOT: true, START: true, READY: true, SHUTDOWN: false },
      scripts: [],
    });
    const unknown = await fetch(`${server.url}/_localstack/init/later`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('no such stage later');
  });

  it('GET /_localstack/info has the members LocalStack answers', async () => {
    const info = (await (await fetch(`${server.url}/_localstack/info`)).json()) as Record<string, unknown>;
    expect(Object.keys(info).sort()).toEqual([
      'edition',
      'is_docker',
      'is_license_activated',
      'machine_id',
      'server_time_utc',
      'session_id',
      'system',
      'uptime',
      'version',
    ]);
    expect(info.server_time_utc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(typeof info.uptime).toBe('number');
  });

  it('PUT /_localstack/health stores "a:b" keys as nested members shown by GET (what LocalStack\'s entrypoint does for features:initScripts), answering {status: "OK"}', async () => {
    const own = await startServer({ vault: new KmsVault(), port: 0 });
    try {
      const put = await fetch(`${own.url}/_localstack/health`, {
        method: 'PUT',
        body: JSON.stringify({ 'features:initScripts': 'running', 'features:persistence': 'disabled', note: 'x' }),
      });
      expect(put.status).toBe(200);
      expect(await put.json()).toEqual({ status: 'OK' });
      expect(await (await fetch(`${own.url}/_localstack/health`)).json()).toEqual({
        services: { kms: 'running' },
        features: { initScripts: 'running', persistence: 'disabled' },
        note: 'x',
        edition: 'kms-vault-mock',
        version,
      });
      // A body that is not a JSON object changes nothing and is still OK, as in LocalStack.
      expect(await (await fetch(`${own.url}/_localstack/health`, { method: 'PUT', body: 'not json' })).json()).toEqual({ status: 'OK' });
      expect(((await (await fetch(`${own.url}/_localstack/health`)).json()) as { features: unknown }).features).toEqual({
        initScripts: 'running',
        persistence: 'disabled',
      });
      // Another server keeps its own health state.
      expect(((await (await fetch(`${server.url}/_localstack/health`)).json()) as { features: unknown }).features).toEqual({ initScripts: 'initialized' });
    } finally {
      await own.close();
    }
  });

  it('POST /_localstack/health: "ok" for a JSON object, 400 "invalid request" for an empty or non-JSON body, as LocalStack answers (never the KMS front end\'s 404)', async () => {
    const ok = await fetch(`${server.url}/_localstack/health`, { method: 'POST', body: JSON.stringify({ action: 'nothing' }) });
    expect([ok.status, await ok.text()]).toEqual([200, 'ok']);
    for (const body of ['', '{}', 'not json']) {
      const bad = await fetch(`${server.url}/_localstack/health`, { method: 'POST', body });
      expect([body, bad.status, await bad.text()]).toEqual([body, 400, 'invalid request']);
    }
  });

  it('GET /_localstack/info: uptime counts from when the server started, not from when the module loaded', async () => {
    const realNow = Date.now.bind(Date);
    const later = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 600_000);
    try {
      const own = await startServer({ vault: new KmsVault(), port: 0 });
      try {
        const info = (await (await fetch(`${own.url}/_localstack/info`)).json()) as { uptime: number };
        expect(info.uptime).toBeLessThan(60);
      } finally {
        await own.close();
      }
    } finally {
      later.mockRestore();
    }
  });

  it('other /_localstack paths are not LocalStack endpoints here: they reach the KMS front end (404)', async () => {
    expect((await fetch(`${server.url}/_localstack/plugins`)).status).toBe(404);
  });
});

describe('serve --like localstack: any credentials, account 000000000000', () => {
  it("keys belong to LocalStack's default account, whatever access key the client signs with", async () => {
    const options = parseServeArgs(['--like', 'localstack', '--port', '0']);
    if (options === 'help') throw new Error('help');
    const server = await serve(options);
    const kms = new KMSClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    try {
      const created = await kms.send(new CreateKeyCommand({}));
      expect(created.KeyMetadata?.Arn).toMatch(/^arn:aws:kms:us-east-1:000000000000:key\//);
      expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ready', region: 'us-east-1', accountId: '000000000000' });
    } finally {
      kms.destroy();
      await server.close();
    }
  });
});
