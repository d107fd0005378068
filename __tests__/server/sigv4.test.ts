import { CreateKeyCommand, KMSClient, KMSServiceException, ListKeysCommand } from '@aws-sdk/client-kms';
import { SignatureV4 } from '@smithy/signature-v4';
import { KmsVault } from '../../src';
import { vaultRequestHandler } from '../../src/adapters/request-handler';
import { NodeSha256 } from '../../src/crypto/sha256';
import { startServer, type KmsServer } from '../../src/server/start-server';
import type { AuthMode } from '../../src/protocol/wire-pipeline';
import { kmsErrorOf } from '../helpers/vault-client';

const USER = 'arn:aws:iam::111122223333:user/alice';
const ALLOW_ALL = { policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }] };

async function withServer(auth: AuthMode, run: (server: KmsServer, vault: KmsVault) => Promise<void>): Promise<void> {
  const vault = new KmsVault();
  const server = await startServer({ vault, port: 0, auth });
  try {
    await run(server, vault);
  } finally {
    await server.close();
  }
}

/** A request signed by the SDK's own signer at `date`, sent with fetch. */
async function signedFetch(
  server: KmsServer,
  credentials: { accessKeyId: string; secretAccessKey: string },
  date: Date,
): Promise<{ status: number; body: { __type: string; message?: string } }> {
  const url = new URL(server.url);
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service: 'kms', sha256: NodeSha256 });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      query: {},
      headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.ListKeys' },
      body: '{}',
    },
    { signingDate: date },
  );
  const res = await fetch(server.url, { method: 'POST', headers: signed.headers as Record<string, string>, body: '{}' });
  return { status: res.status, body: (await res.json()) as { __type: string; message?: string } };
}

describe('SigV4 over the wire', () => {
  it("a request signed with a known principal's credentials is verified and acts as that principal", async () => {
    await withServer('lenient', async (server, vault) => {
      const { credentials } = vault.addPrincipal(USER, ALLOW_ALL);
      const kms = new KMSClient({ region: 'eu-central-1', endpoint: server.url, credentials });
      await kms.send(new CreateKeyCommand({}));
      const last = vault.history.at(-1);
      expect(last?.caller).toBe(USER);
      expect(last?.region).toBe('eu-central-1');
    });
  });

  it("a wrong secret for a known access key is InvalidSignatureException (400) with AWS's message", async () => {
    await withServer('lenient', async (server, vault) => {
      const { credentials } = vault.addPrincipal(USER, ALLOW_ALL);
      const kms = new KMSClient({
        region: 'us-east-1',
        endpoint: server.url,
        credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: 'not-the-secret' },
      });
      const error = await kmsErrorOf(kms.send(new ListKeysCommand({})));
      expect(error.name).toBe('InvalidSignatureException');
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message).toBe(
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      );
    });
  });

  it('lenient: an unknown access key acts as the account root, as with other emulators', async () => {
    await withServer('lenient', async (server, vault) => {
      const kms = new KMSClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'whatever' } });
      await kms.send(new CreateKeyCommand({}));
      expect(vault.history.at(-1)?.caller).toBe('arn:aws:iam::111122223333:root');
    });
  });

  it('strict: an unknown access key is UnrecognizedClientException; an unsigned request is MissingAuthenticationTokenException', async () => {
    await withServer('strict', async (server, vault) => {
      const kms = new KMSClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'whatever' } });
      const error = await kmsErrorOf(kms.send(new ListKeysCommand({})));
      expect(error).toBeInstanceOf(KMSServiceException);
      expect(error.name).toBe('UnrecognizedClientException');
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message).toBe('The security token included in the request is invalid.');
      const unsigned = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.ListKeys' },
        body: '{}',
      });
      expect(unsigned.status).toBe(400);
      expect(await unsigned.json()).toEqual({
        __type: 'com.amazon.coral.service#MissingAuthenticationTokenException',
        message: 'Request is missing Authentication Token',
      });
      const { credentials } = vault.addPrincipal(USER, ALLOW_ALL);
      await new KMSClient({ region: 'us-east-1', endpoint: server.url, credentials }).send(new ListKeysCommand({}));
    });
  });

  it('a signature more than 15 minutes old or ahead is InvalidSignatureException with the times in the message', async () => {
    await withServer('lenient', async (server, vault) => {
      const { credentials } = vault.addPrincipal(USER, ALLOW_ALL);
      const old = await signedFetch(server, credentials, new Date(Date.now() - 20 * 60_000));
      expect(old.status).toBe(400);
      expect(old.body.__type).toBe('com.amazon.coral.service#InvalidSignatureException');
      expect(old.body.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
      const ahead = await signedFetch(server, credentials, new Date(Date.now() + 20 * 60_000));
      expect(ahead.body.message).toMatch(/^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)$/);
      expect((await signedFetch(server, credentials, new Date())).status).toBe(200);
    });
  });

  it("the SDK corrects its clock from the server's Date header and retries, as against AWS", async () => {
    await withServer('lenient', async (server, vault) => {
      const { credentials } = vault.addPrincipal(USER, ALLOW_ALL);
      const kms = new KMSClient({ region: 'us-east-1', endpoint: server.url, credentials, systemClockOffset: -30 * 60_000 });
      await expect(kms.send(new ListKeysCommand({}))).resolves.toBeDefined();
    });
  });

  it('the request handler verifies signatures too (in-process, no socket)', async () => {
    const vault = new KmsVault();
    const { credentials } = vault.addPrincipal(USER, ALLOW_ALL);
    const good = new KMSClient({ region: 'us-east-1', credentials, requestHandler: vaultRequestHandler(vault) });
    await good.send(new CreateKeyCommand({}));
    expect(vault.history.at(-1)?.caller).toBe(USER);
    const bad = new KMSClient({ region: 'us-east-1', credentials: { ...credentials, secretAccessKey: 'wrong' }, requestHandler: vaultRequestHandler(vault) });
    expect((await kmsErrorOf(bad.send(new ListKeysCommand({})))).name).toBe('InvalidSignatureException');
    const strict = new KMSClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' },
      requestHandler: vaultRequestHandler(vault, { auth: 'strict' }),
    });
    expect((await kmsErrorOf(strict.send(new ListKeysCommand({})))).name).toBe('UnrecognizedClientException');
  });
});
