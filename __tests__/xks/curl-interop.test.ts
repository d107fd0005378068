import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startXksProxy, type XksProxyServer } from '../../src';

const run = promisify(execFile);
const CREDENTIAL = { accessKeyId: 'HGIE2BUAFNDMBCMSQVWLGCEXAMPLE', rawSecretAccessKey: 'VU6W2byoiBrhDqNGbx703oL0syCAmhlQgwNUT123456' };

async function curlAvailable(): Promise<boolean> {
  try {
    const { stdout } = await run('curl', ['--version']);
    const [major = 0, minor = 0] = (/curl (\d+)\.(\d+)/.exec(stdout) ?? []).slice(1).map(Number);
    return major > 7 || (major === 7 && minor >= 75);
  } catch {
    return false;
  }
}

/** curl signs as the spec's Appendix D shows: `--aws-sigv4 "aws:amz:<region>:kms-xks-proxy"`. */
async function curl(
  proxy: XksProxyServer,
  path: string,
  body: object,
  secret = CREDENTIAL.rawSecretAccessKey,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { stdout } = await run('curl', [
    '-s',
    '-w',
    '\n%{http_code}',
    '--aws-sigv4',
    'aws:amz:us-east-1:kms-xks-proxy',
    '--user',
    `${CREDENTIAL.accessKeyId}:${secret}`,
    '-X',
    'POST',
    '-H',
    'Content-Type:application/json',
    '--data',
    JSON.stringify(body),
    `${proxy.url}${proxy.uriPath}${path}`,
  ]);
  const lines = stdout.trimEnd().split('\n');
  const status = Number(lines.pop());
  return { status, body: JSON.parse(lines.join('\n')) as Record<string, unknown> };
}

describe("startXksProxy with curl, the spec's own troubleshooting client (XKS Proxy API, Appendix D)", () => {
  let proxy: XksProxyServer;
  let available = false;
  beforeAll(async () => {
    available = await curlAvailable();
    proxy = await startXksProxy({ credential: CREDENTIAL, keys: ['b42c7fbf-de61-441c-ae24-123456789012'], uriPath: '/path/kms/xks/v1' });
  });
  afterAll(async () => {
    await proxy.close();
  });

  it("accepts curl's SigV4 signature: GetHealthStatus and Encrypt answer as the spec shows", async () => {
    if (!available) return;
    const health = await curl(proxy, '/health', { requestMetadata: { kmsOperation: 'KmsHealthCheck', kmsRequestId: '1124f4d6-db54-4af4-ae30-c55a22a8abcd' } });
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ xksProxyFleetSize: 1, ekmFleetDetails: [{ healthStatus: 'ACTIVE' }] });
    const encrypted = await curl(proxy, '/keys/b42c7fbf-de61-441c-ae24-123456789012/encrypt', {
      requestMetadata: {
        awsPrincipalArn: 'arn:aws:iam::123456789012:user/Alice',
        kmsKeyArn: 'arn:aws:kms:us-east-2:123456789012:/key/1234abcd-12ab-34cd-56ef-1234567890ab',
        kmsOperation: 'GenerateDataKey',
        kmsRequestId: '4112f4d6-db54-4af4-ae30-c55a22a8dfae',
      },
      plaintext: 'SGVsbG8gV29ybGQh',
      encryptionAlgorithm: 'AES_GCM',
    });
    expect(encrypted.status).toBe(200);
    expect(Buffer.from(encrypted.body['ciphertext'] as string, 'base64')).toHaveLength(12);
    expect(Buffer.from(encrypted.body['initializationVector'] as string, 'base64')).toHaveLength(12);
    expect(Buffer.from(encrypted.body['authenticationTag'] as string, 'base64')).toHaveLength(16);
  });

  it('refuses a signature made with another secret: 401 AuthenticationFailedException', async () => {
    if (!available) return;
    const answer = await curl(
      proxy,
      '/health',
      { requestMetadata: { kmsOperation: 'KmsHealthCheck', kmsRequestId: 'x' } },
      'AU6W2byoiBrhDqNGbx703oL0syCAmhlQgwNUT123456',
    );
    expect(answer).toEqual({ status: 401, body: { errorName: 'AuthenticationFailedException' } });
  });
});
