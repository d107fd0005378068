import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateKeyCommand, EncryptCommand, KMSClient, ListKeysCommand, NotFoundException } from '@aws-sdk/client-kms';
import { parseServeArgs, serve, type ServeOptions } from '../../src/server/serve-command';
import { serveFailure, startServeProcess } from '../helpers/serve-process';

jest.setTimeout(120_000);

function optionsOf(args: string[]): ServeOptions {
  const options = parseServeArgs(args);
  if (options === 'help') throw new Error('help');
  return options;
}

/** Runs `serve` in-process with its output captured. */
async function served(args: string[]): Promise<{ out: string[]; err: string[]; server: Awaited<ReturnType<typeof serve>> }> {
  const out: string[] = [];
  const err: string[] = [];
  const server = await serve(optionsOf(['--port', '0', ...args]), { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { out, err, server };
}

describe('kms-vault-mock serve: what it says when it starts, and its request log', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kvm-serve-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the start-up line names the account, region, keys, aliases and where they came from', async () => {
    const { out, server } = await served(['--scenario', 'disabled-key', '--scenario', 'rotated-key', '--account-id', '444455556666']);
    await server.close();
    expect(out).toEqual(['vault: account 444455556666, region us-east-1; 2 keys, 2 aliases, 0 principals (scenario disabled-key, rotated-key)']);
    const empty = await served([]);
    await empty.server.close();
    expect(empty.out).toEqual(['vault: account 111122223333, region us-east-1; 0 keys, 0 aliases, 0 principals (empty, in memory)']);
  });

  it('--data-dir that already holds a vault: restored, said so, and the --scenario not loaded is reported on stderr', async () => {
    const first = await served(['--data-dir', dir, '--scenario', 'disabled-key']);
    expect(first.out[0]).toMatch(/; 1 key, 1 alias, 0 principals \(scenario disabled-key; kept in /);
    await first.server.close();

    const again = await served(['--data-dir', dir, '--scenario', 'rotated-key']);
    try {
      expect(again.out[0]).toBe(`vault: account 111122223333, region us-east-1; 1 key, 1 alias, 0 principals (restored from ${dir})`);
      expect(again.err).toEqual([
        `kms-vault-mock serve: --scenario rotated-key not loaded: ${dir} already holds a vault, which was restored instead. Remove the directory (or drop --data-dir) to start from the scenarios.`,
      ]);
      expect(again.server.vault.execute('DescribeKey', { KeyId: 'alias/disabled' }).KeyMetadata?.KeyState).toBe('Disabled');
    } finally {
      await again.server.close();
    }

    const plain = await served(['--data-dir', dir]);
    await plain.server.close();
    expect(plain.out[0]).toContain(`(restored from ${dir})`);
    expect(plain.err).toEqual([]);
  });

  it('--log-requests: one line per request with time, operation, caller, status, error code and ms', async () => {
    const { out, server } = await served(['--log-requests']);
    const kms = new KMSClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: 'AKIAANYTHINGATALL00', secretAccessKey: 'x' } });
    try {
      await kms.send(new CreateKeyCommand({}));
      await expect(kms.send(new EncryptCommand({ KeyId: 'alias/none', Plaintext: Buffer.from('x') }))).rejects.toBeInstanceOf(NotFoundException);
      await fetch(`${server.url}/health`);
      const principal = server.vault.addPrincipal('arn:aws:iam::111122223333:role/logged');
      const known = new KMSClient({ region: 'us-east-1', endpoint: server.url, credentials: principal.credentials });
      // A known principal with no policy that allows it is denied: the line names it and the error.
      await expect(known.send(new ListKeysCommand({}))).rejects.toThrow('is not authorized to perform: kms:ListKeys');
      known.destroy();
    } finally {
      kms.destroy();
      await server.close();
    }
    const lines = out.slice(1);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z CreateKey AKIAANYTHINGATALL00 \(unknown key\) 200 - \d+\.\dms$/);
    expect(lines[1]).toMatch(/Z Encrypt AKIAANYTHINGATALL00 \(unknown key\) 400 NotFoundException \d+\.\dms$/);
    expect(lines[2]).toMatch(/Z GET \/health unsigned 200 - \d+\.\dms$/);
    expect(lines[3]).toMatch(/Z ListKeys arn:aws:iam::111122223333:role\/logged 400 AccessDeniedException \d+\.\dms$/);
  });

  it('--log-requests names only the caller the pipeline resolved: a request rejected with InvalidSignatureException names no principal', async () => {
    const { out, server } = await served(['--log-requests']);
    const principal = server.vault.addPrincipal('arn:aws:iam::111122223333:role/victim');
    const forged = new KMSClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials: { accessKeyId: principal.credentials.accessKeyId, secretAccessKey: 'not-the-secret' },
    });
    try {
      await expect(forged.send(new ListKeysCommand({}))).rejects.toMatchObject({ name: 'InvalidSignatureException' });
    } finally {
      forged.destroy();
      await server.close();
    }
    const lines = out.slice(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Z ListKeys - 400 InvalidSignatureException \d+\.\dms$/);
    expect(lines[0]).not.toContain('victim');
  });
});

describe('kms-vault-mock serve: the process', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kvm-serve-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a bad --account-id, a misspelt built-in scenario and a missing scenario file exit 2 like every bad option', async () => {
    const account = await serveFailure(['--port', '0', '--account-id', '12']);
    expect(account.code).toBe(2);
    expect(account.stderr).toContain("--account-id must be 12 digits, like '111122223333'; got '12'.");
    const misspelt = await serveFailure(['--port', '0', '--scenario', 'disabled-kye']);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain("No built-in scenario 'disabled-kye'. Did you mean 'disabled-key'?");
    const file = await serveFailure(['--port', '0', '--scenario', join(dir, 'absent.yaml')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain(`--scenario ${join(dir, 'absent.yaml')}: the file does not exist`);
  });

  it('--pid-file holds the id of the process that serves (the one to kill), and is removed when it stops', async () => {
    const pidFile = join(dir, 'kms.pid');
    const server = await startServeProcess(['--port', '0', '--pid-file', pidFile]);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(pid).toBe(server.child.pid);
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    process.kill(pid, 'SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(pidFile)).toBe(false);
  });
});

describe('kms-vault-mock serve: start-up loads only what its first requests need (docs/decisions/016)', () => {
  // A fresh process running the sources with tsx: which packages are loaded once the server answers
  // /health, then a request that succeeds, then one that fails (the SDK's exception classes).
  const script = `
const packages = () => [...new Set(Object.keys(require.cache)
  .map((k) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(k)?.[1]?.replace('\\\\', '/'))
  .filter((name) => name === '@aws-sdk/client-kms' || name === 'sinon' || name === 'yaml' || name?.startsWith('@noble/')))].sort();
const { serve, parseServeArgs } = require('./src/server/serve-command.ts');
(async () => {
  const steps = {};
  const server = await serve(parseServeArgs(['--port', '0']));
  await fetch(server.url + '/health');
  steps.health = packages();
  const call = (target, body) => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.' + target }, body: JSON.stringify(body) });
  await call('CreateKey', {});
  steps.success = packages();
  steps.status = (await call('DescribeKey', { KeyId: 'alias/none' })).status;
  steps.error = packages();
  await server.close();
  process.stdout.write(JSON.stringify(steps));
})();
`;

  it('no @aws-sdk/client-kms, sinon, yaml or @noble until a request fails; the SDK comes with the first error', () => {
    const root = join(__dirname, '..', '..');
    const out = execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['-e', script], {
      cwd: root,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    }).toString();
    const steps = JSON.parse(out) as { health: string[]; success: string[]; status: number; error: string[] };
    expect(steps.health).toEqual([]);
    expect(steps.success).toEqual([]);
    expect(steps.status).toBe(400);
    expect(steps.error).toEqual(['@aws-sdk/client-kms']);
  });
});
