import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { CreateKeyCommand, DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { KmsVault } from '../../src/kms-vault';
import { startServer, type KmsServer } from '../../src/server/start-server';
import { parseServeArgs } from '../../src/server/serve-command';
import type { CloudTrailEvent } from '../../src/cloudtrail/cloudtrail-event';
import { firstWorking, toolAvailable } from '../e2e/tools';

const run = promisify(execFile);
const ALICE = 'arn:aws:iam::111122223333:user/Alice';
const BOB = 'arn:aws:iam::111122223333:user/Bob';
const LOOKUP_TARGET = 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents';
const FILE_NAME = /^111122223333_CloudTrail_us-east-1_20240305T0709Z_[A-Za-z0-9]{16}\.json\.gz$/;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
}

describe('serve --cloudtrail-dir: log files as CloudTrail delivers them, and LookupEvents', () => {
  jest.setTimeout(60_000);
  let dir: string;
  let server: KmsServer;
  let aliceKeyId: string;
  const plaintext = Buffer.from('cloudtrail server test plaintext');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-cloudtrail-'));
    const vault = new KmsVault({ seed: 'cloudtrail-server', clock: new Date('2024-03-05T07:09:30Z') });
    const alice = vault.addPrincipal(ALICE, { policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }] });
    const bob = vault.addPrincipal(BOB);
    aliceKeyId = alice.credentials.accessKeyId;
    server = await startServer({ vault, port: 0, cloudTrailDir: join(dir, 'trail') });
    const client = (credentials: { accessKeyId: string; secretAccessKey: string }): KMSClient =>
      new KMSClient({ region: 'us-east-1', endpoint: server.url, credentials });
    const kms = client(alice.credentials);
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata!.Arn!, Plaintext: plaintext, EncryptionContext: { app: 'trail' } }));
    await kms.send(new DecryptCommand({ CiphertextBlob: CiphertextBlob!, EncryptionContext: { app: 'trail' } }));
    await expect(
      client(bob.credentials).send(new DecryptCommand({ CiphertextBlob: CiphertextBlob!, EncryptionContext: { app: 'trail' } })),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    kms.destroy();
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers a log file while the server runs (batched per second), without waiting for shutdown', async () => {
    await waitFor(() => filesUnder(join(dir, 'trail')).some((f) => f.endsWith('.json.gz')));
    expect(filesUnder(join(dir, 'trail')).filter((f) => f.endsWith('.json.gz')).length).toBeGreaterThan(0);
  });

  it("LookupEvents in CloudTrail's JSON protocol: newest first, one lookup attribute, the record as JSON text", async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': LOOKUP_TARGET },
      body: JSON.stringify({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'Decrypt' }] }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      Events: { EventName: string; Username: string; ReadOnly: string; AccessKeyId?: string; CloudTrailEvent: string }[];
    };
    expect(body.Events.map((e) => [e.EventName, e.Username])).toEqual([
      ['Decrypt', 'Bob'],
      ['Decrypt', 'Alice'],
    ]);
    expect(body.Events[1]).toMatchObject({ ReadOnly: 'true', AccessKeyId: aliceKeyId });
    expect(JSON.parse(body.Events[0]!.CloudTrailEvent)).toMatchObject({ eventName: 'Decrypt', errorCode: 'AccessDenied', userIdentity: { userName: 'Bob' } });
  });

  it('answers CloudTrail errors in its protocol: two lookup attributes are InvalidLookupAttributesException', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': LOOKUP_TARGET },
      body: JSON.stringify({
        LookupAttributes: [
          { AttributeKey: 'EventName', AttributeValue: 'Decrypt' },
          { AttributeKey: 'ReadOnly', AttributeValue: 'true' },
        ],
      }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidLookupAttributesException');
  });

  it('GET /_kms-vault-mock/cloudtrail/events returns every record kept, oldest first', async () => {
    const response = await fetch(`${server.url}/_kms-vault-mock/cloudtrail/events`);
    const { Records } = (await response.json()) as { Records: CloudTrailEvent[] };
    expect(Records.map((r) => r.eventName)).toEqual(['CreateKey', 'Encrypt', 'Decrypt', 'Decrypt']);
  });

  it('the files, read back after shutdown: laid out and named as CloudTrail names them, gzip JSON {"Records": [...]}, every call once, caller facts from the wire, no plaintext', async () => {
    await server.close();
    const trail = join(dir, 'trail');
    const files = filesUnder(trail);
    expect(files.length).toBeGreaterThan(0);
    const records: CloudTrailEvent[] = [];
    for (const file of files) {
      const parts = relative(trail, file).split(sep);
      expect(parts.slice(0, 8)).toEqual(['AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2024', '03', '05', parts[7]]);
      expect(parts).toHaveLength(8);
      expect(parts[7]).toMatch(FILE_NAME);
      const text = gunzipSync(readFileSync(file)).toString('utf8');
      expect(text).not.toContain(plaintext.toString('base64'));
      const doc = JSON.parse(text) as { Records: CloudTrailEvent[] };
      expect(Object.keys(doc)).toEqual(['Records']);
      records.push(...doc.Records);
    }
    expect(records.map((r) => r.eventName).sort()).toEqual(['CreateKey', 'Decrypt', 'Decrypt', 'Encrypt']);
    const encrypt = records.find((r) => r.eventName === 'Encrypt')!;
    expect(encrypt).toMatchObject({
      sourceIPAddress: '127.0.0.1',
      userAgent: expect.stringContaining('aws-sdk-js'),
      userIdentity: { type: 'IAMUser', arn: ALICE, accessKeyId: aliceKeyId, userName: 'Alice' },
      requestParameters: { encryptionContext: { app: 'trail' }, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
      responseElements: null,
    });
    expect(records.find((r) => r.errorCode === 'AccessDenied')).toMatchObject({ eventName: 'Decrypt', userIdentity: { arn: BOB } });
  });
});

describe('serve --cloudtrail-dir option', () => {
  it('is read by the command line', () => {
    expect(parseServeArgs(['--cloudtrail-dir', '/tmp/trail'])).toMatchObject({ cloudTrailDir: '/tmp/trail' });
  });
});

const AWS = firstWorking(['aws', '/usr/bin/aws'], ['--version']);
const haveAws = toolAvailable(AWS, ['--version'], 'AWS CLI');

(haveAws ? describe : describe.skip)('aws cloudtrail lookup-events --endpoint-url against the server', () => {
  jest.setTimeout(120_000);

  it("lists the vault's KMS events, filtered by event name, as CloudTrail does", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-cloudtrail-cli-'));
    const server = await startServer({ port: 0 });
    try {
      const key = server.vault.execute('CreateKey', { Description: 'cli' });
      server.vault.execute('ScheduleKeyDeletion', { KeyId: key.KeyMetadata!.KeyId!, PendingWindowInDays: 7 });
      const { stdout } = await run(
        AWS,
        [
          'cloudtrail',
          'lookup-events',
          '--endpoint-url',
          server.url,
          '--lookup-attributes',
          'AttributeKey=EventName,AttributeValue=ScheduleKeyDeletion',
          '--output',
          'json',
        ],
        {
          cwd: dir,
          timeout: 60_000,
          env: {
            ...process.env,
            AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
            AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
            AWS_DEFAULT_REGION: 'us-east-1',
            AWS_CONFIG_FILE: join(dir, 'no-config'),
            AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
            AWS_PAGER: '',
          },
        },
      );
      const { Events } = JSON.parse(stdout) as {
        Events: { EventName: string; EventSource: string; Resources: { ResourceName: string }[]; CloudTrailEvent: string }[];
      };
      expect(Events).toHaveLength(1);
      expect(Events[0]).toMatchObject({
        EventName: 'ScheduleKeyDeletion',
        EventSource: 'kms.amazonaws.com',
        Resources: [{ ResourceName: key.KeyMetadata!.Arn }],
      });
      expect(JSON.parse(Events[0]!.CloudTrailEvent)).toMatchObject({ responseElements: { keyState: 'PendingDeletion', pendingWindowInDays: 7 } });
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
