import { connect } from 'node:net';
import { CreateKeyCommand, DescribeKeyCommand, EncryptCommand, KMSClient, ListKeysCommand, NotFoundException } from '@aws-sdk/client-kms';
import { KmsVault, KmsVaultMockError } from '../../src';
import { startServer, type KmsServer } from '../../src/server/start-server';
import { kmsErrorOf } from '../helpers/vault-client';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'dummy' };

function clientOf(server: KmsServer, region = 'us-east-1'): KMSClient {
  return new KMSClient({ region, credentials, endpoint: server.url });
}

/** A raw AWS JSON 1.1 request, as curl or a hand-written client sends it. */
async function post(
  server: KmsServer,
  target: string,
  body: string | Uint8Array,
  contentType = 'application/x-amz-json-1.1',
): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': contentType, 'x-amz-target': target }, body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('startServer: a KMS endpoint over HTTP', () => {
  let server: KmsServer;
  beforeAll(async () => {
    server = await startServer({ vault: new KmsVault(), port: 0 });
  });
  afterAll(() => server.close());
  beforeEach(() => server.vault.reset());

  it('binds the loopback interface and reports a URL with the port it got', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url.endsWith(`:${server.port}`)).toBe(true);
  });

  it('answers the SDK over loopback: the key it creates is in the vault it serves', async () => {
    const kms = clientOf(server);
    const created = await kms.send(new CreateKeyCommand({ Description: 'over the wire' }));
    expect(created.$metadata.httpStatusCode).toBe(200);
    const described = server.vault.execute('DescribeKey', { KeyId: created.KeyMetadata?.KeyId as string });
    expect(described.KeyMetadata?.Description).toBe('over the wire');
  });

  it('sends KMS errors with status, x-amzn-RequestId, x-amzn-ErrorType and {"__type","message"}', async () => {
    const res = await post(server, 'TrentService.DescribeKey', JSON.stringify({ KeyId: 'alias/none' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('NotFoundException');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(res.text)).toEqual({ __type: 'NotFoundException', message: 'Alias arn:aws:kms:us-east-1:111122223333:alias/none is not found.' });
    const error = await kmsErrorOf(clientOf(server).send(new DescribeKeyCommand({ KeyId: 'alias/none' })));
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('takes the raw request of the API Reference (POST /, X-Amz-Target TrentService.*, no signature) as the account root', async () => {
    const res = await post(server, 'TrentService.CreateKey', '{}');
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { KeyMetadata: { Arn: string; CreationDate: number } };
    expect(body.KeyMetadata.Arn).toMatch(/^arn:aws:kms:us-east-1:111122223333:key\//);
    // Timestamps travel as epoch seconds.
    expect(typeof body.KeyMetadata.CreationDate).toBe('number');
    expect(Math.abs(body.KeyMetadata.CreationDate * 1000 - Date.now())).toBeLessThan(10_000);
    expect(server.vault.history.at(-1)?.caller).toBe('arn:aws:iam::111122223333:root');
  });

  it('carries blobs as base64 both ways', async () => {
    const { KeyMetadata } = JSON.parse((await post(server, 'TrentService.CreateKey', '{}')).text) as { KeyMetadata: { KeyId: string } };
    const plaintext = Buffer.from('raw http').toString('base64');
    const enc = JSON.parse((await post(server, 'TrentService.Encrypt', JSON.stringify({ KeyId: KeyMetadata.KeyId, Plaintext: plaintext }))).text) as {
      CiphertextBlob: string;
    };
    const dec = JSON.parse((await post(server, 'TrentService.Decrypt', JSON.stringify({ CiphertextBlob: enc.CiphertextBlob }))).text) as { Plaintext: string };
    expect(dec.Plaintext).toBe(plaintext);
  });

  it('an unknown X-Amz-Target is UnknownOperationException (400, no message)', async () => {
    const res = await post(server, 'TrentService.MakeCoffee', '{}');
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(JSON.parse(res.text)).toEqual({ __type: 'com.amazon.coral.service#UnknownOperationException' });
    expect((await post(server, 'Other_2020.CreateKey', '{}')).status).toBe(400);
  });

  it('malformed JSON, binary garbage and bytes that are not UTF-8 are SerializationException (400)', async () => {
    for (const body of ['{"KeyId": ', 'not json', new Uint8Array([0xff, 0xfe, 0x00, 0x9c])]) {
      const res = await post(server, 'TrentService.DescribeKey', body);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toEqual({ __type: 'com.amazon.coral.service#SerializationException' });
    }
  });

  it('a member of the wrong JSON type, or a blob that is not base64, is SerializationException', async () => {
    const res = await post(server, 'TrentService.DescribeKey', JSON.stringify({ KeyId: 42 }));
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('SerializationException');
    const blob = await post(server, 'TrentService.Decrypt', JSON.stringify({ CiphertextBlob: 'abc' }));
    expect(JSON.parse(blob.text)).toEqual({
      __type: 'com.amazon.coral.service#SerializationException',
      message: 'Base64 encoded length is expected a multiple of 4 bytes but found: 3',
    });
  });

  it('input validation answers ValidationException as AWS words it', async () => {
    const res = await post(server, 'TrentService.ListKeys', JSON.stringify({ Limit: 0 }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({
      __type: 'com.amazon.coral.validate#ValidationException',
      message: "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
  });

  it('deep nesting is refused as SerializationException without harm to the server', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const res = await post(server, 'TrentService.ListKeys', `{"Limit": ${deep}}`);
    expect(res.status).toBe(400);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('a request that is not AWS JSON (another Content-Type, another method) gets 404 <UnknownOperationException/>', async () => {
    const res = await post(server, 'TrentService.ListKeys', '{}', 'text/plain');
    expect(res.status).toBe(404);
    expect(res.text).toBe('<UnknownOperationException/>\n');
    expect((await fetch(server.url)).status).toBe(404);
  });

  it('a body over the limit gets 413 and the connection is closed; the server lives on', async () => {
    // The server may close the connection before fetch has sent the whole body: then fetch fails instead.
    const res = await post(server, 'TrentService.ListKeys', `{"x":"${'a'.repeat(2 * 1024 * 1024)}"}`).catch(() => undefined);
    if (res) expect(res.status).toBe(413);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('GET /health answers when ready', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', region: 'us-east-1', accountId: '111122223333' });
  });

  it("POST /_kms-vault-mock/reset (and moto's /moto-api/reset) empties the vault", async () => {
    const kms = clientOf(server);
    for (const path of ['/_kms-vault-mock/reset', '/moto-api/reset']) {
      await kms.send(new CreateKeyCommand({}));
      const res = await fetch(`${server.url}${path}`, { method: 'POST' });
      expect(res.status).toBe(200);
      expect((await kms.send(new ListKeysCommand({}))).Keys).toEqual([]);
    }
  });

  it('GET /_kms-vault-mock/state returns the state document; PUT loads one', async () => {
    const kms = clientOf(server);
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'kept' }));
    const doc = (await (await fetch(`${server.url}/_kms-vault-mock/state`)).json()) as { keys: { keyId: string; description: string }[] };
    expect(doc.keys).toEqual([expect.objectContaining({ keyId: KeyMetadata?.KeyId, description: 'kept' })]);
    server.vault.reset();
    const put = await fetch(`${server.url}/_kms-vault-mock/state`, { method: 'PUT', body: JSON.stringify(doc) });
    expect(put.status).toBe(200);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId }))).KeyMetadata?.Description).toBe('kept');
    const bad = await fetch(`${server.url}/_kms-vault-mock/state`, { method: 'PUT', body: '{nope' });
    expect(bad.status).toBe(400);
  });

  it('PUT /_kms-vault-mock/state checks the document against the scenario format; a bad one changes nothing', async () => {
    const kms = clientOf(server);
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'kept' }));
    for (const body of ['null', '{"name":"x","keys":"zz"}', '{"name":"x","keys":[{"keyId":5}]}']) {
      const res = await fetch(`${server.url}/_kms-vault-mock/state`, { method: 'PUT', body });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/^The state document does not follow the scenario format/);
    }
    expect((await kms.send(new ListKeysCommand({}))).Keys?.map((k) => k.KeyId)).toEqual([KeyMetadata?.KeyId]);
  });

  it('injected faults apply over the wire: the SDK retries a throttled call and succeeds', async () => {
    const kms = clientOf(server);
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    server.vault.faults.inject({ operation: 'Encrypt', error: 'ThrottlingException', times: 1 });
    const out = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: new Uint8Array([1]) }));
    expect(out.$metadata.attempts).toBe(2);
  });

  it('injected latency delays the response', async () => {
    server.vault.faults.inject({ operation: 'ListKeys', latencyMs: 300, times: 1 });
    const t0 = Date.now();
    await clientOf(server).send(new ListKeysCommand({}));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
  });

  it('acts in the region the request was signed for', async () => {
    const { KeyMetadata } = await clientOf(server, 'ap-southeast-2').send(new CreateKeyCommand({}));
    expect(KeyMetadata?.Arn).toMatch(/^arn:aws:kms:ap-southeast-2:/);
  });
});

describe('startServer: lifecycle', () => {
  it('is AsyncDisposable: `await using` closes it', async () => {
    let url = '';
    {
      await using server = await startServer({ port: 0 });
      url = server.url;
      expect((await fetch(`${url}/health`)).status).toBe(200);
    }
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('runs any number of servers and vaults in one process', async () => {
    const a = await startServer({ vault: new KmsVault(), port: 0 });
    const b = await startServer({ vault: new KmsVault(), port: 0 });
    try {
      await clientOf(a).send(new CreateKeyCommand({}));
      expect((await clientOf(a).send(new ListKeysCommand({}))).Keys).toHaveLength(1);
      expect((await clientOf(b).send(new ListKeysCommand({}))).Keys).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a port in use is a KmsVaultMockError saying so', async () => {
    const a = await startServer({ port: 0 });
    try {
      await expect(startServer({ port: a.port })).rejects.toThrow(KmsVaultMockError);
      await expect(startServer({ port: a.port })).rejects.toThrow(`Port ${a.port} on 127.0.0.1 is in use`);
    } finally {
      await a.close();
    }
  });

  it('a client that never finishes its headers is cut off; others are still served', async () => {
    const server = await startServer({ port: 0, requestTimeoutMs: 500 });
    try {
      const closed = new Promise<number>((resolve) => {
        const t0 = Date.now();
        const socket = connect(server.port, '127.0.0.1', () => socket.write('POST / HTTP/1.1\r\nHost: x\r\n'));
        socket.on('data', () => undefined);
        socket.on('close', () => resolve(Date.now() - t0));
        socket.on('error', () => undefined);
      });
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect(await closed).toBeLessThan(5_000);
    } finally {
      await server.close();
    }
  });
});
