import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';
import { firstWorking, toolAvailable } from './tools';

const PYTHON = firstWorking(['python3', '/usr/bin/python3'], ['-c', 'import boto3']);
const haveBoto3 = toolAvailable(PYTHON, ['-c', 'import boto3'], 'boto3');
const PRINCIPAL = {
  arn: 'arn:aws:iam::111122223333:user/boto3',
  accessKeyId: 'AKIAKMSVAULTMOCKBOTO',
  secretAccessKey: 'boto3-secret-access-key-for-the-e2e-test',
};

interface Observed {
  keyArn: string;
  creationDateType: string;
  reEncryptedKeyId: string;
  decrypted: string;
  decryptedKeyId: string;
  dataKeyLength: number;
  signatureValid: boolean;
  pagedKeys: number;
  errors: Record<string, { code: string; message: string; status: number; text: string } | null>;
}

function runWorkflow(url: string, accessKeyId: string, secretAccessKey: string): Observed {
  const run = spawnSync(PYTHON, [join(__dirname, 'boto3-workflow.py'), url, accessKeyId, secretAccessKey], {
    encoding: 'utf8',
    env: { ...process.env, AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true' },
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`boto3 workflow failed (${String(run.status)}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Observed;
}

(haveBoto3 ? describe : describe.skip)('boto3 against kms-vault-mock serve', () => {
  jest.setTimeout(120_000);
  let dir: string;
  let server: ServeProcess;
  let seen: Observed;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-boto3-'));
    server = await startServeProcess(['--port', '0', '--auth', 'strict']);
    // The state endpoint loads a principal with known credentials, as a test suite in any language can.
    const put = await fetch(`${server.url}/_kms-vault-mock/state`, {
      method: 'PUT',
      body: JSON.stringify({
        name: 'boto3-principal',
        principals: [
          {
            arn: PRINCIPAL.arn,
            credentials: { accessKeyId: PRINCIPAL.accessKeyId, secretAccessKey: PRINCIPAL.secretAccessKey },
            policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }],
          },
        ],
      }),
    });
    expect(put.status).toBe(200);
    seen = runWorkflow(server.url, PRINCIPAL.accessKeyId, PRINCIPAL.secretAccessKey);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("signs with botocore's SigV4 (verified in strict mode) and round-trips encrypt, re-encrypt to an alias, decrypt", () => {
    expect(seen.keyArn).toMatch(/^arn:aws:kms:eu-west-1:111122223333:key\/[0-9a-f-]{36}$/);
    expect(seen.creationDateType).toBe('datetime');
    expect(seen.decrypted).toBe('boto3 secret');
    expect(seen.decryptedKeyId).toBe(seen.reEncryptedKeyId);
    expect(seen.dataKeyLength).toBe(32);
    expect(seen.signatureValid).toBe(true);
    expect(seen.pagedKeys).toBe(3);
  });

  it('reports KMS errors with the code, message and status KMS sends', () => {
    const { errors } = seen;
    expect(errors['notFound']).toEqual({
      code: 'NotFoundException',
      message: 'Alias arn:aws:kms:eu-west-1:111122223333:alias/does-not-exist is not found.',
      status: 400,
      text: 'An error occurred (NotFoundException) when calling the DescribeKey operation: Alias arn:aws:kms:eu-west-1:111122223333:alias/does-not-exist is not found.',
    });
    expect(errors['invalidCiphertext']).toMatchObject({ code: 'InvalidCiphertextException', message: '', status: 400 });
    expect(errors['validation']).toMatchObject({ code: 'ValidationException', status: 400 });
    expect(errors['validation']?.message).toContain("at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024");
  });

  it('strict: credentials the vault does not know are refused (UnrecognizedClientException)', () => {
    expect(() => runWorkflow(server.url, 'AKIAUNKNOWNUNKNOWN00', 'nope')).toThrow(
      /UnrecognizedClientException.*The security token included in the request is invalid/,
    );
  });
});
