/**
 * The live page end to end in a real headless Chromium (Debian's `chromium` package, driven with
 * playwright-core). Screenshots go to a temporary directory, or to docs/images when
 * KMS_VAULT_MOCK_SCREENSHOTS=docs/images is set (how the guide's images are made).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type CreateKeyCommandInput,
  CreateAliasCommand,
  CreateGrantCommand,
  CreateKeyCommand,
  DisableKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  KMSClient,
  ScheduleKeyDeletionCommand,
  SignCommand,
  TagResourceCommand,
} from '@aws-sdk/client-kms';
import type { Browser, Page } from 'playwright-core';
import { KmsVault, startServer, type KmsServer, type Scenario } from '../../src';
import { cloudHsmStore } from '../helpers/custom-key-stores';

/** What functions run in the page use of it (the project's types have no DOM). */
interface PageGlobals {
  readonly document: { getElementById(id: string): { readonly textContent: string | null } | null };
}

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const describeWithChromium = existsSync(CHROMIUM) ? describe : describe.skip;
const title = existsSync(CHROMIUM)
  ? 'the live page in headless Chromium'
  : `the live page in headless Chromium (SKIPPED: ${CHROMIUM} not found; install it with apt-get install chromium)`;

function client(server: KmsServer, credentials = { accessKeyId: 'test', secretAccessKey: 'test' }): KMSClient {
  return new KMSClient({ endpoint: server.url, region: 'eu-west-1', credentials });
}

describeWithChromium(title, () => {
  jest.setTimeout(120_000);
  let browser: Browser;
  let page: Page;
  let server: KmsServer | undefined;
  const shots = process.env.KMS_VAULT_MOCK_SCREENSHOTS ? resolve(process.env.KMS_VAULT_MOCK_SCREENSHOTS) : mkdtempSync(join(tmpdir(), 'kms-vault-mock-shots-'));

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    if (!process.env.KMS_VAULT_MOCK_SCREENSHOTS) rmSync(shots, { recursive: true, force: true });
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  });
  afterEach(async () => {
    await page?.close();
    await server?.close();
    server = undefined;
  });

  const text = (selector: string): Promise<string> => page.locator(selector).innerText();

  it('shows keys, calls with outcomes and denial explanations, grants, principals, key stores and coverage; updates as calls arrive; opens a key; loads nothing from elsewhere; shows no secret', async () => {
    const vault = new KmsVault({ seed: 'live-view', region: 'eu-west-1', clock: new Date('2026-03-01T09:30:00Z') });
    server = await startServer({ port: 0, vault, auth: 'strict' });
    const root = vault.addPrincipal('arn:aws:iam::111122223333:root');
    const alice = vault.addPrincipal('arn:aws:iam::111122223333:user/alice');
    vault.addPrincipal('arn:aws:iam::111122223333:role/payments', {
      policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] }],
    });
    const kms = client(server, root.credentials);
    const make = async (input: CreateKeyCommandInput, alias: string): Promise<string> => {
      const { KeyMetadata } = await kms.send(new CreateKeyCommand(input));
      await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: KeyMetadata!.KeyId! }));
      return KeyMetadata!.KeyId!;
    };
    const orders = await make({ Description: 'Orders table envelope key', Tags: [{ TagKey: 'team', TagValue: 'payments' }] }, 'alias/orders');
    await kms.send(new EnableKeyRotationCommand({ KeyId: orders, RotationPeriodInDays: 90 }));
    const signer = await make({ Description: 'Release signing', KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }, 'alias/release-signer');
    const old = await make({ Description: 'Legacy key' }, 'alias/legacy');
    await kms.send(new DisableKeyCommand({ KeyId: old }));
    const gone = await make({ Description: 'Scheduled for deletion' }, 'alias/retired');
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: gone, PendingWindowInDays: 7 }));
    await make({ Description: 'HMAC for webhooks', KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }, 'alias/webhooks');
    await kms.send(
      new CreateGrantCommand({
        KeyId: orders,
        GranteePrincipal: 'arn:aws:iam::111122223333:role/payments',
        Operations: ['Decrypt', 'GenerateDataKey'],
        Name: 'payments-service',
      }),
    );
    await kms.send(new TagResourceCommand({ KeyId: signer, Tags: [{ TagKey: 'env', TagValue: 'prod' }] }));
    await kms.send(new SignCommand({ KeyId: signer, Message: Buffer.from('v1.2.3'), SigningAlgorithm: 'ECDSA_SHA_256' }));
    await kms.send(cloudHsmStore(vault, 'hsm-store'));
    const plaintext = 'PLAINTEXT-shown-nowhere';
    await kms.send(new EncryptCommand({ KeyId: 'alias/orders', Plaintext: Buffer.from(plaintext) }));
    await expect(kms.send(new EncryptCommand({ KeyId: old, Plaintext: Buffer.from(plaintext) }))).rejects.toMatchObject({ name: 'DisabledException' });
    const asAlice = client(server, alice.credentials);
    await expect(asAlice.send(new EncryptCommand({ KeyId: orders, Plaintext: Buffer.from(plaintext) }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });

    // A browser's GET / lands on the page.
    const response = await page.goto(`${server.url}/`);
    expect(page.url()).toBe(`${server.url}/_kms-vault-mock/ui`);
    expect(response?.status()).toBe(200);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.waitForSelector('#keys tr.row');
    expect(await page.locator('#keys tr.row').count()).toBe(5);
    expect(await text('#keys')).toContain('alias/orders');
    expect(await text('#keys')).toContain('PendingDeletion');
    expect(await text('#keys')).toContain('every 90 d');
    expect(await text('#counts')).toMatch(/5 keys · 5 aliases · 1 grants · 3 principals · 1 key stores · \d+ calls/);
    await page.screenshot({ path: join(shots, 'live-view-keys.png') });

    // The key detail view.
    await page.locator('#keys tr.row', { hasText: 'alias/orders' }).click();
    await page.waitForSelector('#detail.on');
    const detail = await text('#detail');
    expect(detail).toContain(`arn:aws:kms:eu-west-1:111122223333:key/${orders}`);
    expect(detail).toContain('every 90 days');
    expect(detail).toContain('payments-service: arn:aws:iam::111122223333:role/payments may Decrypt, GenerateDataKey');
    expect(detail).toContain('"Sid": "Enable IAM User Permissions"');
    expect(detail).toMatch(/team\s+payments/);
    await page.screenshot({ path: join(shots, 'live-view-key-detail.png') });
    await page.locator('#detail button', { hasText: 'Close' }).click();

    // Recent calls, with the denial explained; a new call shows up without reloading.
    await page.locator('#tab-calls').click();
    await page.waitForSelector('#calls tr');
    expect(await text('#calls')).toContain('AccessDeniedException');
    expect(await text('#calls')).toMatch(/Why: .*alice/);
    expect(await text('#calls')).toContain('DisabledException');
    const before = await text('#counts');
    await kms.send(new EncryptCommand({ KeyId: 'alias/webhooks', Plaintext: Buffer.from('x') })).catch(() => undefined);
    await page.waitForFunction((previous) => (globalThis as unknown as PageGlobals).document.getElementById('counts')?.textContent !== previous, before, {
      timeout: 15_000,
    });
    expect((await text('#calls tr:first-child')).replace(/\s+/g, ' ')).toMatch(/Encrypt InvalidKeyUsageException/);
    await page.screenshot({ path: join(shots, 'live-view-calls.png') });

    for (const [tab, body, expected] of [
      ['grants', '#grants', 'payments-service'],
      ['principals', '#principals', 'user/alice'],
      ['stores', '#stores', 'hsm-store'],
    ] as const) {
      await page.locator(`#tab-${tab}`).click();
      expect(await text(body)).toContain(expected);
    }
    await page.locator('#tab-coverage').click();
    await page.waitForSelector('#coverage tr');
    expect(await text('#coverage')).toMatch(/Encrypt\s+4\s+1/);
    expect(await text('#never')).toContain('Never called: CancelKeyDeletion');
    await page.screenshot({ path: join(shots, 'live-view-coverage.png') });

    // Nothing but the server itself was asked for.
    expect(requested.filter((url) => !url.startsWith(server!.url))).toEqual([]);
    // No secret in what the browser holds.
    const html = await page.content();
    expect(html).not.toContain(plaintext);
    expect(html).not.toContain(alice.credentials.secretAccessKey);
    for (const store of vault.state.allStores())
      for (const key of store.keys.values()) for (const m of key.materials) expect(html).not.toContain(m.secret.toString('base64'));
    kms.destroy();
    asAlice.destroy();
  });

  it('keeps working with 5,000 keys: one page of 50 at a time, next page, filter', async () => {
    const doc: Scenario = {
      name: 'many keys',
      keys: Array.from({ length: 5000 }, (_, i) => ({ ref: `k${i}`, description: `bulk key ${i}`, aliases: [`alias/bulk-${i}`] })),
    };
    const vault = new KmsVault({ seed: 'many' });
    vault.load(doc);
    server = await startServer({ port: 0, vault });
    await page.goto(`${server.url}/_kms-vault-mock/ui`);
    await page.waitForSelector('#keys tr.row');
    expect(await text('#pageinfo')).toBe('1–50 of 5000');
    expect(await page.locator('#keys tr.row').count()).toBe(50);
    await page.locator('#next').click();
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.getElementById('pageinfo')?.textContent === '51–100 of 5000');
    expect(await text('#keys')).toContain('alias/bulk-50');
    await page.locator('#q').fill('alias/bulk-4999');
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.getElementById('pageinfo')?.textContent === '1–1 of 1');
    expect(await text('#keys')).toContain('bulk-4999');
  });
});
