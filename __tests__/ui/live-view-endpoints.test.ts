import { CreateGrantCommand, CreateKeyCommand, EncryptCommand, GenerateDataKeyCommand, KMSClient, type KMSClientConfig } from '@aws-sdk/client-kms';
import { KmsVault, startServer, type KmsServer, type Scenario } from '../../src';
import { MAX_PAGE } from '../../src/server/live-page/live-data';
import { cloudHsmStore, CREDENTIAL, publicXksStore } from '../helpers/custom-key-stores';

function client(server: KmsServer, credentials = { accessKeyId: 'test', secretAccessKey: 'test' }): KMSClient {
  const config: KMSClientConfig = { endpoint: server.url, region: 'us-east-1', credentials };
  return new KMSClient(config);
}

async function get(server: KmsServer, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
}

/** Every secret the vault holds, as the page could leak it: key material (hex and base64). */
function materialSecrets(vault: KmsVault): string[] {
  const out: string[] = [];
  for (const store of vault.state.allStores()) {
    for (const key of store.keys.values()) {
      for (const m of key.materials) {
        for (const secret of [m.secret, m.externalSecret]) if (secret && secret.length > 0) out.push(secret.toString('hex'), secret.toString('base64'));
      }
    }
  }
  return out;
}

describe('serve: the live view endpoints', () => {
  let server: KmsServer;
  afterEach(async () => {
    await server?.close();
  });

  it('GET /_kms-vault-mock/coverage answers the vault coverage as JSON (and as text and HTML on request)', async () => {
    server = await startServer({ port: 0 });
    const kms = client(server);
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await kms.send(new EncryptCommand({ KeyId: KeyMetadata!.KeyId!, Plaintext: Buffer.from('x') }));
    const response = await get(server, '/_kms-vault-mock/coverage');
    expect(response.status).toBe(200);
    const report = (await response.json()) as ReturnType<KmsVault['coverage']>;
    expect(report).toEqual(server.vault.coverage());
    expect(report.operations.Encrypt).toMatchObject({ calls: 1, successes: 1 });
    expect(await (await get(server, '/_kms-vault-mock/coverage?format=text')).text()).toMatch(/^KMS coverage: 2 of \d+ operations called/);
    expect(await (await get(server, '/_kms-vault-mock/coverage?format=html')).text()).toContain('<td>Encrypt</td>');
    kms.destroy();
  });

  it('GET / from a browser goes to the page; the KMS API (POST /) and GET / without text/html are unchanged', async () => {
    server = await startServer({ port: 0 });
    const browser = await get(server, '/', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toBe('/_kms-vault-mock/ui');
    const plain = await get(server, '/');
    expect(plain.status).not.toBe(303);
    const kms = client(server);
    await expect(kms.send(new CreateKeyCommand({}))).resolves.toMatchObject({ KeyMetadata: { KeyState: 'Enabled' } });
    kms.destroy();
    const page = await get(server, '/_kms-vault-mock/ui');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    // No external asset: nothing loaded by URL.
    expect(html).not.toMatch(/<link|<img|\ssrc=|https?:\/\//i);
  });

  it('shows no secret: no key material, plaintext, data key, secret access key, key store password, XKS credential or grant token in the page or its JSON', async () => {
    const vault = new KmsVault({ recordSecrets: true });
    server = await startServer({ port: 0, vault });
    const alice = vault.addPrincipal('arn:aws:iam::111122223333:user/alice');
    const kms = client(server);
    const plaintext = 'PLAINTEXT-live-view-never-shows-this';
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'shown' }));
    const KeyId = KeyMetadata!.KeyId!;
    await kms.send(new EncryptCommand({ KeyId, Plaintext: Buffer.from(plaintext) }));
    const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId, KeySpec: 'AES_256' }));
    await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
    const grant = await kms.send(new CreateGrantCommand({ KeyId, GranteePrincipal: alice.arn, Operations: ['Decrypt'] }));
    await kms.send(cloudHsmStore(vault));
    await kms.send(publicXksStore());
    const secrets = [
      plaintext,
      Buffer.from(plaintext).toString('base64'),
      Buffer.from(dataKey.Plaintext!).toString('base64'),
      Buffer.from(dataKey.Plaintext!).toString('hex'),
      alice.credentials.secretAccessKey,
      'kmsPswd',
      CREDENTIAL.RawSecretAccessKey,
      CREDENTIAL.AccessKeyId,
      grant.GrantToken!,
      ...materialSecrets(vault),
    ];
    const overview = await (await get(server, '/_kms-vault-mock/ui/api/overview')).text();
    const keys = await (await get(server, '/_kms-vault-mock/ui/api/keys?limit=200')).text();
    const details = await Promise.all(
      (JSON.parse(keys) as { keys: { arn: string }[] }).keys.map(async (k) =>
        (await get(server, `/_kms-vault-mock/ui/api/key?id=${encodeURIComponent(k.arn)}`)).text(),
      ),
    );
    const pages = [
      await (await get(server, '/_kms-vault-mock/ui')).text(),
      overview,
      keys,
      ...details,
      await (await get(server, '/_kms-vault-mock/coverage')).text(),
    ];
    // What is shown is there: the check reads real content.
    expect(overview).toContain(alice.credentials.accessKeyId);
    expect(overview).toContain('ExampleCloudHSMKeyStore');
    expect(overview).toContain('ExamplePublicEndpointXKS');
    expect(details.join('')).toContain('"Decrypt"');
    expect(secrets.length).toBeGreaterThan(12);
    for (const page of pages) for (const secret of secrets) expect({ secret, found: page.includes(secret) }).toEqual({ secret, found: false });
    kms.destroy();
  });

  it('recent calls carry their outcome and, for AccessDeniedException, the denial explanation', async () => {
    const vault = new KmsVault();
    server = await startServer({ port: 0, vault, auth: 'strict' });
    const bob = vault.addPrincipal('arn:aws:iam::111122223333:user/bob');
    const root = vault.addPrincipal('arn:aws:iam::111122223333:root');
    const admin = client(server, root.credentials);
    const { KeyMetadata } = await admin.send(new CreateKeyCommand({}));
    const asBob = client(server, bob.credentials);
    await expect(asBob.send(new EncryptCommand({ KeyId: KeyMetadata!.KeyId!, Plaintext: Buffer.from('x') }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    const overview = (await (await get(server, '/_kms-vault-mock/ui/api/overview')).json()) as {
      calls: { operation: string; outcome: string; caller: string; denial?: { summary: string; reason: string } }[];
    };
    expect(overview.calls[0]).toMatchObject({
      operation: 'Encrypt',
      outcome: 'AccessDeniedException',
      caller: bob.arn,
      denial: { reason: 'no-identity-allow' },
    });
    expect(overview.calls[0]!.denial!.summary.length).toBeGreaterThan(10);
    expect(overview.calls[1]).toMatchObject({ operation: 'CreateKey', outcome: 'OK' });
    admin.destroy();
    asBob.destroy();
  });

  it('5,000 keys loaded from a generated document: the key list answers one bounded page, filters, and finds any key in detail', async () => {
    const doc: Scenario = {
      name: 'five thousand keys',
      keys: Array.from({ length: 5000 }, (_, i) => ({
        ref: `k${i}`,
        description: `generated key ${i}`,
        aliases: [`alias/generated-${i}`],
        ...(i % 10 === 0 ? { keySpec: 'RSA_2048' as const, keyUsage: 'SIGN_VERIFY' as const } : {}),
        ...(i % 7 === 0 ? { state: 'Disabled' as const } : {}),
      })),
    };
    const vault = new KmsVault({ seed: 'five-thousand' });
    vault.load(doc);
    server = await startServer({ port: 0, vault });
    const body = await (await get(server, '/_kms-vault-mock/ui/api/keys?offset=0&limit=100000')).text();
    const page = JSON.parse(body) as { total: number; limit: number; keys: { aliases: string[]; keyState: string }[] };
    expect(page.total).toBe(5000);
    expect(page.limit).toBe(MAX_PAGE);
    expect(page.keys).toHaveLength(MAX_PAGE);
    expect(body.length).toBeLessThan(MAX_PAGE * 1000);
    const last = (await (await get(server, '/_kms-vault-mock/ui/api/keys?offset=4990&limit=50')).json()) as typeof page;
    expect(last.keys.map((k) => k.aliases[0])).toEqual(Array.from({ length: 10 }, (_, i) => `alias/generated-${4990 + i}`));
    const filtered = (await (await get(server, '/_kms-vault-mock/ui/api/keys?q=alias/generated-4999')).json()) as typeof page;
    expect(filtered.total).toBe(1);
    const disabled = (await (await get(server, '/_kms-vault-mock/ui/api/keys?q=disabled&limit=1')).json()) as typeof page;
    expect(disabled.total).toBe(Math.ceil(5000 / 7));
    const detail = await get(server, `/_kms-vault-mock/ui/api/key?id=${encodeURIComponent('alias/generated-4321')}`);
    expect(await detail.json()).toMatchObject({ description: 'generated key 4321', aliases: ['alias/generated-4321'] });
    expect((await get(server, '/_kms-vault-mock/ui/api/key?id=nope')).status).toBe(404);
    const overview = (await (await get(server, '/_kms-vault-mock/ui/api/overview')).json()) as { counts: { keys: number } };
    expect(overview.counts.keys).toBe(5000);
  });
});
