import { createServer, type Server } from 'node:net';
import { DescribeKeyCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { KmsVaultMockError } from '../../src';
import { parseServeArgs } from '../../src/server/serve-command';
import { serveFailure, startServeProcess } from '../helpers/serve-process';

describe('kms-vault-mock serve: options', () => {
  it('has the defaults the issue lists: port 4599, loopback, lenient auth, in memory', () => {
    expect(parseServeArgs([])).toEqual({ port: 4599, host: '127.0.0.1', scenarios: [], auth: 'lenient' });
  });

  it('reads every option, in both --name value and --name=value forms; --scenario repeats', () => {
    expect(
      parseServeArgs([
        '--port',
        '0',
        '--host=0.0.0.0',
        '--data-dir',
        '/tmp/x',
        '--seed',
        's1',
        '--region',
        'eu-west-1',
        '--account-id=444455556666',
        '--scenario',
        'a.yaml',
        '--scenario',
        'b.json',
        '--auth',
        'strict',
      ]),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      seed: 's1',
      region: 'eu-west-1',
      accountId: '444455556666',
      scenarios: ['a.yaml', 'b.json'],
      auth: 'strict',
    });
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'."],
    [['--port'], 'Option --port needs a value.'],
    [['--port', 'http'], "--port must be a port number from 0 to 65535; got 'http'."],
    [['--port', '70000'], "--port must be a port number from 0 to 65535; got '70000'."],
    [['--auth', 'none'], "--auth must be 'lenient' or 'strict'; got 'none'."],
    [['--region', '--port', '1'], 'Option --region needs a value.'],
    [['--account-id', '12'], "--account-id must be 12 digits, like '111122223333'; got '12'."],
    [['--region', 'nowhere'], "--region must be an AWS Region name such as 'us-east-1'; got 'nowhere'."],
    [['--prot', '1'], "Unknown option '--prot'. Did you mean '--port'?"],
    [['-port', '1'], "Unknown option '-port'. Did you mean '--port'?"],
    [['--log-request'], "Unknown option '--log-request'. Did you mean '--log-requests'?"],
    [['--scenarios', 'a.yaml'], "Unknown option '--scenarios'. Did you mean '--scenario'?"],
    [['--like', 'locastack'], "--like must be 'localstack' or 'moto'; got 'locastack'. Did you mean 'localstack'?"],
    [['--auth', 'lenent'], "--auth must be 'lenient' or 'strict'; got 'lenent'. Did you mean 'lenient'?"],
    [['--log-requests=yes'], 'Option --log-requests takes no value.'],
  ])('refuses %j with a message saying why', (args, message) => {
    expect(() => parseServeArgs(args)).toThrow(KmsVaultMockError);
    expect(() => parseServeArgs(args)).toThrow(message);
  });
});

describe('kms-vault-mock serve: presets for the emulators it replaces', () => {
  it("--like localstack: port 4566, account 000000000000, us-east-1 (LocalStack's defaults)", () => {
    expect(parseServeArgs(['--like', 'localstack'])).toMatchObject({ like: 'localstack', port: 4566, accountId: '000000000000', region: 'us-east-1' });
  });

  it("--like moto: port 5000, account 123456789012, us-east-1 (moto's defaults)", () => {
    expect(parseServeArgs(['--like=moto'])).toMatchObject({ like: 'moto', port: 5000, accountId: '123456789012', region: 'us-east-1' });
  });

  it('explicit options win over the preset, wherever they stand on the line', () => {
    expect(parseServeArgs(['--port', '0', '--like', 'localstack', '--region', 'eu-west-1'])).toMatchObject({
      port: 0,
      accountId: '000000000000',
      region: 'eu-west-1',
    });
    expect(parseServeArgs(['--like', 'moto', '--account-id', '444455556666'])).toMatchObject({ port: 5000, accountId: '444455556666' });
  });

  it("without a preset, the account and region stay the vault's defaults", () => {
    const options = parseServeArgs(['--pid-file', 'p', '--log-requests']);
    expect(options).toEqual({ port: 4599, host: '127.0.0.1', scenarios: [], auth: 'lenient', pidFile: 'p', logRequests: true });
  });
});

describe('kms-vault-mock serve: the process', () => {
  jest.setTimeout(120_000);

  it('prints its URL (--port 0 picks a free port), serves the vault its options describe, and exits 0 on SIGINT', async () => {
    const server = await startServeProcess([
      '--port',
      '0',
      '--region',
      'eu-west-2',
      '--account-id',
      '444455556666',
      '--seed',
      'fixed',
      '--scenario',
      'disabled-key',
    ]);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const kms = new KMSClient({ region: 'eu-west-2', endpoint: server.url, credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' } });
    try {
      const keys = (await kms.send(new ListKeysCommand({}))).Keys ?? [];
      expect(keys).toHaveLength(1);
      expect(keys[0]?.KeyArn).toMatch(/^arn:aws:kms:eu-west-2:444455556666:key\//);
      expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/disabled' }))).KeyMetadata?.KeyState).toBe('Disabled');
    } finally {
      kms.destroy();
      expect(await server.stop('SIGINT')).toBe(0);
    }
  });

  it('exits 1 with a clear message when the port is in use, and 2 for a bad option', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const inUse = await serveFailure(['--port', String(port)]);
      expect(inUse.code).toBe(1);
      expect(inUse.stderr).toContain(`Port ${port} on 127.0.0.1 is in use`);
    } finally {
      blocker.close();
    }
    const bad = await serveFailure(['--auth', 'maybe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--auth must be 'lenient' or 'strict'; got 'maybe'.");
  });
});
