import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  GetKeyLastUsageCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  TagResourceCommand,
} from '@aws-sdk/client-kms';
import { KmsVault, KmsVaultMockError } from '../../src';
import { startServer, type KmsServer } from '../../src/server/start-server';
import { serveFailure, startServeProcess } from '../helpers/serve-process';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'dummy' };
const clientOf = (url: string): KMSClient => new KMSClient({ region: 'us-east-1', credentials, endpoint: url });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What the data directory holds on disk: the state document and the journal, as text. */
const onDisk = (): string =>
  readdirSync(dir)
    .filter((name) => name === 'state.json' || name.startsWith('journal-'))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');

describe('persistence with dataDir (in process)', () => {
  it('restores keys, aliases, tags, states and old ciphertexts after a restart', async () => {
    let ciphertext: Uint8Array | undefined;
    let keyId = '';
    {
      await using server = await startServer({ port: 0, dataDir: dir });
      const kms = clientOf(server.url);
      keyId = (await kms.send(new CreateKeyCommand({ Description: 'durable' }))).KeyMetadata?.KeyId as string;
      await kms.send(new CreateAliasCommand({ AliasName: 'alias/durable', TargetKeyId: keyId }));
      await kms.send(new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: 'team', TagValue: 'wire' }] }));
      ciphertext = (await kms.send(new EncryptCommand({ KeyId: 'alias/durable', Plaintext: new TextEncoder().encode('kept') }))).CiphertextBlob;
      const other = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId as string;
      await kms.send(new DisableKeyCommand({ KeyId: other }));
    }
    await using server = await startServer({ vault: new KmsVault(), port: 0, dataDir: dir });
    const kms = clientOf(server.url);
    expect((await kms.send(new ListKeysCommand({}))).Keys).toHaveLength(2);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/durable' }))).KeyMetadata?.Description).toBe('durable');
    const plain = await kms.send(new DecryptCommand({ CiphertextBlob: ciphertext }));
    expect(new TextDecoder().decode(plain.Plaintext)).toBe('kept');
    expect((await kms.send(new ListAliasesCommand({ KeyId: keyId }))).Aliases?.map((a) => a.AliasName)).toEqual(['alias/durable']);
  });

  it('a data directory that does not exist yet is created (as `serve --data-dir ./new-dir` is used)', async () => {
    const fresh = join(dir, 'not', 'yet');
    {
      await using server = await startServer({ port: 0, dataDir: fresh });
      await clientOf(server.url).send(new CreateKeyCommand({ Description: 'in a new directory' }));
    }
    await using server = await startServer({ port: 0, dataDir: fresh });
    expect((await clientOf(server.url).send(new ListKeysCommand({}))).Keys).toHaveLength(1);
  });

  it('a second server on the same data directory refuses to start, with a clear message', async () => {
    await using first = await startServer({ port: 0, dataDir: dir });
    await expect(startServer({ port: 0, dataDir: dir })).rejects.toThrow(KmsVaultMockError);
    await expect(startServer({ port: 0, dataDir: dir })).rejects.toThrow(`The data directory ${dir} is in use by another kms-vault-mock server`);
    expect(first.url).toMatch(/^http:/);
  });

  it('a temporary file left by a write torn by a crash is ignored; the last whole document loads', async () => {
    {
      await using server = await startServer({ port: 0, dataDir: dir });
      await clientOf(server.url).send(new CreateKeyCommand({ Description: 'whole' }));
    }
    writeFileSync(join(dir, 'state.json.tmp'), '{"format":"kms-vault-mock/state","version":1,"state":{"name":"x","keys":[{"desc');
    await using server = await startServer({ port: 0, dataDir: dir });
    const keys = (await clientOf(server.url).send(new ListKeysCommand({}))).Keys ?? [];
    expect(keys).toHaveLength(1);
  });

  it('a state file that is not a kms-vault-mock document stops the start with a message, never dropped silently', async () => {
    writeFileSync(join(dir, 'state.json'), 'garbage');
    await expect(startServer({ port: 0, dataDir: dir })).rejects.toThrow(/not valid JSON.*Move it away/);
    // The failed start let the directory go.
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ hello: 1 }));
    await expect(startServer({ port: 0, dataDir: dir })).rejects.toThrow('is not a kms-vault-mock state file');
  });

  it('a lock left by a process that no longer runs is taken over', async () => {
    writeFileSync(join(dir, 'server.lock'), '999999');
    await using server = await startServer({ port: 0, dataDir: dir });
    expect(readFileSync(join(dir, 'server.lock'), 'utf8')).toBe(String(process.pid));
    expect(server.url).toMatch(/^http:/);
  });

  it('usage records reach the disk within a second, without the cryptographic call waiting for it', async () => {
    await using server = await startServer({ port: 0, dataDir: dir });
    const kms = clientOf(server.url);
    const keyId = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId as string;
    await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array([1]) }));
    expect(onDisk()).not.toContain('"lastUsage"');
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(onDisk()).toContain('"lastUsage"');
  });

  it('a data directory removed under a running server: the server stays up, and close() writes the whole state once the directory is back', async () => {
    const server = await startServer({ port: 0, dataDir: dir });
    const kms = clientOf(server.url);
    const keyId = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId as string;
    try {
      await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array([1]) }));
      rmSync(dir, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 1_300));
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      mkdirSync(dir, { recursive: true });
      await server.close();
    }
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toContain('"lastUsage"');
  });

  it('a read that creates an AWS managed key (DescribeKey alias/aws/...) is durable before its response', async () => {
    await using server = await startServer({ port: 0, dataDir: dir });
    const arn = (await clientOf(server.url).send(new DescribeKeyCommand({ KeyId: 'alias/aws/ebs' }))).KeyMetadata?.Arn as string;
    expect(onDisk()).toContain(arn.split('/')[1]);
  });

  it('principals and their credentials survive a restart, so signed clients keep working in strict mode', async () => {
    let credentials = { accessKeyId: '', secretAccessKey: '' };
    {
      const vault = new KmsVault();
      credentials = {
        ...vault.addPrincipal('arn:aws:iam::111122223333:user/kept', {
          policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }],
        }).credentials,
      };
      await using server = await startServer({ vault, port: 0, dataDir: dir, auth: 'strict' });
      await new KMSClient({ region: 'us-east-1', credentials, endpoint: server.url }).send(new CreateKeyCommand({}));
    }
    await using server = await startServer({ vault: new KmsVault(), port: 0, dataDir: dir, auth: 'strict' });
    const keys = await new KMSClient({ region: 'us-east-1', credentials, endpoint: server.url }).send(new ListKeysCommand({}));
    expect(keys.Keys).toHaveLength(1);
    expect(server.vault.history.at(-1)?.caller).toBe('arn:aws:iam::111122223333:user/kept');
  });

  it('a seeded vault restored from disk does not make the key ids it already holds again', async () => {
    const ids: string[] = [];
    for (let run = 0; run < 2; run++) {
      await using server = await startServer({ vault: new KmsVault({ seed: 'same' }), port: 0, dataDir: dir });
      ids.push((await clientOf(server.url).send(new CreateKeyCommand({}))).KeyMetadata?.KeyId as string);
      expect((await clientOf(server.url).send(new ListKeysCommand({}))).Keys).toHaveLength(run + 1);
    }
    expect(new Set(ids).size).toBe(2);
  });

  it('reset through the endpoint is durable too', async () => {
    {
      await using server = await startServer({ port: 0, dataDir: dir });
      await clientOf(server.url).send(new CreateKeyCommand({}));
      await fetch(`${server.url}/_kms-vault-mock/reset`, { method: 'POST' });
    }
    await using server: KmsServer = await startServer({ port: 0, dataDir: dir });
    expect((await clientOf(server.url).send(new ListKeysCommand({}))).Keys).toEqual([]);
  });
});

describe('persistence across kill -9 (kms-vault-mock serve --data-dir)', () => {
  jest.setTimeout(120_000);

  it('every acknowledged change survives kill -9 right after its response; usage at most a second behind', async () => {
    const first = await startServeProcess(['--port', '0', '--data-dir', dir]);
    const kms = clientOf(first.url);
    const ids: string[] = [];
    let keyId = '';
    try {
      for (let i = 0; i < 5; i++) {
        const id = (await kms.send(new CreateKeyCommand({ Description: `key ${i}` }))).KeyMetadata?.KeyId as string;
        await kms.send(new CreateAliasCommand({ AliasName: `alias/k${i}`, TargetKeyId: id }));
        ids.push(id);
      }
      keyId = ids[0] as string;
      await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array([1]) }));
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await kms.send(new DisableKeyCommand({ KeyId: ids[4] }));
    } finally {
      // No clean shutdown: whatever was acknowledged must already be on disk.
      await first.stop('SIGKILL');
    }
    kms.destroy();
    const second = await startServeProcess(['--port', '0', '--data-dir', dir]);
    try {
      const again = clientOf(second.url);
      const listed = (await again.send(new ListKeysCommand({}))).Keys?.map((k) => k.KeyId).sort();
      expect(listed).toEqual([...ids].sort());
      const aliases = (await again.send(new ListAliasesCommand({}))).Aliases?.map((a) => a.AliasName).filter((n) => n?.startsWith('alias/k'));
      expect(aliases?.sort()).toEqual(['alias/k0', 'alias/k1', 'alias/k2', 'alias/k3', 'alias/k4']);
      expect((await again.send(new DescribeKeyCommand({ KeyId: ids[4] }))).KeyMetadata?.KeyState).toBe('Disabled');
      const usage = await again.send(new GetKeyLastUsageCommand({ KeyId: keyId }));
      expect(usage).toMatchObject({ KeyLastUsage: expect.objectContaining({ Operation: 'Encrypt' }) });
      again.destroy();
    } finally {
      await second.stop();
    }
  });

  it('a second `serve` on the same data directory exits 1 with a clear message', async () => {
    const first = await startServeProcess(['--port', '0', '--data-dir', dir]);
    try {
      const failed = await serveFailure(['--port', '0', '--data-dir', dir]);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain(`The data directory ${dir} is in use by another kms-vault-mock server (process ${first.child.pid})`);
    } finally {
      expect(await first.stop('SIGTERM')).toBe(0);
    }
  });
});
