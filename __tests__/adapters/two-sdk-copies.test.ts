import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as First from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin } from '../../src';

// A second installed copy of the SDK, as monorepos and libraries that pin their own get: its own
// @aws-sdk/client-kms and @smithy/core under another node_modules, everything else shared.
const root = join(__dirname, '..', '..', 'node_modules', '.kms-vault-mock-second-sdk');
const modules = join(root, 'node_modules');

beforeAll(() => {
  for (const pkg of ['@aws-sdk/client-kms', '@smithy/core']) {
    const target = join(modules, pkg);
    if (existsSync(target)) continue;
    mkdirSync(join(target, '..'), { recursive: true });
    cpSync(join(__dirname, '..', '..', 'node_modules', pkg), target, { recursive: true, filter: (src) => !src.includes(`${pkg}/node_modules`) });
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Issue 9: a client from a second copy of the SDK is answered in its own Region, not the vault's default. */
describe('two installed copies of @aws-sdk/client-kms', () => {
  it('each client is answered in its own Region, with its own copy of the classes', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Second = require(join(modules, '@aws-sdk/client-kms')) as typeof First;
    expect(Second.KMSClient).not.toBe(First.KMSClient);
    const vault = new KmsVault();
    const first = new First.KMSClient({ region: 'ap-southeast-2' });
    first.middlewareStack.use(vaultPlugin(vault));
    const second = new Second.KMSClient({ region: 'eu-west-1' });
    second.middlewareStack.use(vaultPlugin(vault));

    const a = await first.send(new First.CreateKeyCommand({}));
    const b = await second.send(new Second.CreateKeyCommand({}));
    expect(a.KeyMetadata?.Arn).toMatch(/^arn:aws:kms:ap-southeast-2:/);
    expect(b.KeyMetadata?.Arn).toMatch(/^arn:aws:kms:eu-west-1:/);
    // Keys are regional: each client sees its own Region's key only.
    await expect(second.send(new Second.DescribeKeyCommand({ KeyId: a.KeyMetadata?.KeyId }))).rejects.toMatchObject({ name: 'NotFoundException' });
    const listed = await second.send(new Second.ListKeysCommand({}));
    expect(listed.Keys?.map((k) => k.KeyId)).toEqual([b.KeyMetadata?.KeyId]);
  });

  it('a copy loaded after the plugin was made is found from its first command on', async () => {
    const vault = new KmsVault();
    const plugin = vaultPlugin(vault);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Late = require(join(modules, '@aws-sdk/client-kms')) as typeof First;
    const client = new Late.KMSClient({ region: 'sa-east-1' });
    client.middlewareStack.use(plugin);
    const created = await client.send(new Late.CreateKeyCommand({}));
    expect(created.KeyMetadata?.Arn).toMatch(/^arn:aws:kms:sa-east-1:/);
  });
});
