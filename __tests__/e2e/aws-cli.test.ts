import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';
import { firstWorking, toolAvailable } from './tools';

const AWS = firstWorking(['aws', '/usr/bin/aws'], ['--version']);
const haveAws = toolAvailable(AWS, ['--version'], 'AWS CLI');

(haveAws ? describe : describe.skip)("the AWS CLI against kms-vault-mock serve (the seeds' re-encrypt workflow)", () => {
  jest.setTimeout(120_000);
  let server: ServeProcess;
  let dir: string;

  /** `aws kms ARGS --endpoint-url URL`, with dummy credentials and no user configuration. */
  function aws(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const run = spawnSync(AWS, ['kms', ...args, '--endpoint-url', server.url], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        AWS_DEFAULT_REGION: 'us-east-2',
        AWS_CONFIG_FILE: join(dir, 'no-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
        AWS_PAGER: '',
      },
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  function ok(...args: string[]): string {
    const run = aws(...args);
    if (run.status !== 0) throw new Error(`aws kms ${args.join(' ')} failed (${String(run.status)}): ${run.stderr}`);
    return run.stdout.trim();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-cli-'));
    server = await startServeProcess(['--port', '0']);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('encrypts a file, re-encrypts it to an alias with fileb://, and decrypts it (AWS CLI re-encrypt page)', () => {
    const source = ok('create-key', '--description', 'source', '--query', 'KeyMetadata.Arn', '--output', 'text');
    const destination = ok('create-key', '--description', 'destination', '--query', 'KeyMetadata.Arn', '--output', 'text');
    expect(source).toMatch(/^arn:aws:kms:us-east-2:111122223333:key\/[0-9a-f-]{36}$/);
    ok('create-alias', '--alias-name', 'alias/ExampleAlias', '--target-key-id', destination);

    writeFileSync(join(dir, 'ExamplePlaintextFile'), "the seeds' example plaintext\n");
    const encrypted = ok('encrypt', '--key-id', source, '--plaintext', 'fileb://ExamplePlaintextFile', '--query', 'CiphertextBlob', '--output', 'text');
    writeFileSync(join(dir, 'ExampleEncryptedFile'), Buffer.from(encrypted, 'base64'));

    const reEncrypted = JSON.parse(
      ok('re-encrypt', '--ciphertext-blob', 'fileb://ExampleEncryptedFile', '--destination-key-id', 'alias/ExampleAlias'),
    ) as Record<string, string>;
    expect(reEncrypted['SourceKeyId']).toBe(source);
    expect(reEncrypted['KeyId']).toBe(destination);
    expect(reEncrypted['SourceEncryptionAlgorithm']).toBe('SYMMETRIC_DEFAULT');
    expect(reEncrypted['DestinationEncryptionAlgorithm']).toBe('SYMMETRIC_DEFAULT');
    writeFileSync(join(dir, 'ReEncryptedFile'), Buffer.from(reEncrypted['CiphertextBlob'] as string, 'base64'));

    const decrypted = JSON.parse(ok('decrypt', '--ciphertext-blob', 'fileb://ReEncryptedFile')) as Record<string, string>;
    expect(decrypted['KeyId']).toBe(destination);
    expect(Buffer.from(decrypted['Plaintext'] as string, 'base64').toString()).toBe(readFileSync(join(dir, 'ExamplePlaintextFile'), 'utf8'));
  });

  it('prints KMS errors as the CLI prints AWS\'s: "An error occurred (Code) when calling the Op operation: message"', () => {
    const missing = aws('describe-key', '--key-id', 'alias/does-not-exist');
    expect(missing.status).not.toBe(0);
    expect(missing.stderr.trim()).toBe(
      'An error occurred (NotFoundException) when calling the DescribeKey operation: Alias arn:aws:kms:us-east-2:111122223333:alias/does-not-exist is not found.',
    );

    writeFileSync(join(dir, 'NotACiphertext'), 'plain text, not a ciphertext');
    const invalid = aws('decrypt', '--ciphertext-blob', 'fileb://NotACiphertext');
    expect(invalid.status).not.toBe(0);
    expect(invalid.stderr.trim()).toBe('An error occurred (InvalidCiphertextException) when calling the Decrypt operation:');
  });

  it('lists what it created through paginated calls', () => {
    const ids = JSON.parse(ok('list-keys', '--page-size', '1', '--query', 'Keys[].KeyId', '--output', 'json')) as string[];
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const aliases = JSON.parse(ok('list-aliases', '--query', 'Aliases[].AliasName', '--output', 'json')) as string[];
    expect(aliases).toContain('alias/ExampleAlias');
  });
});
