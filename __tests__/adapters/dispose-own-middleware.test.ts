import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { KmsVault, useVault, vaultPlugin } from '../../src';

/** dispose() takes out the middleware its own handle added, never another vault's that took its place. */
describe('disposing a vault handle removes only its own middleware', () => {
  const client = (): KMSClient =>
    new KMSClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, endpoint: 'http://127.0.0.1:9', maxAttempts: 1 });

  it('useVault: disposing the first handle leaves the second vault answering', async () => {
    const first = new KmsVault({ seed: 'first' });
    const second = new KmsVault({ seed: 'second' });
    const kms = client();
    const one = useVault(kms, first);
    using _two = useVault(kms, second);
    one.dispose();
    await expect(kms.send(new ListKeysCommand({}))).resolves.toMatchObject({ Keys: [] });
    expect(second.history.map((call) => call.operation)).toEqual(['ListKeys']);
    expect(first.history).toEqual([]);
  });

  it('vaultPlugin: disposing the first plugin leaves the second vault answering', async () => {
    const first = new KmsVault({ seed: 'first' });
    const second = new KmsVault({ seed: 'second' });
    const kms = client();
    const one = vaultPlugin(first, { client: kms });
    const two = vaultPlugin(second, { client: kms });
    kms.middlewareStack.use(one);
    kms.middlewareStack.use(two);
    one.dispose();
    try {
      await expect(kms.send(new ListKeysCommand({}))).resolves.toMatchObject({ Keys: [] });
      expect(second.history).toHaveLength(1);
    } finally {
      two.dispose();
    }
  });
});
