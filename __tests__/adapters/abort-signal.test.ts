import { CreateKeyCommand, EncryptCommand, KMSClient, type KMSClientConfig } from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin } from '../../src';
import { requestHandlerClient, serverClient } from '../helpers/wire-adapters';

/**
 * `client.send(command, { abortSignal })` fails with the SDK's `AbortError` ("Request aborted") through
 * every adapter, as it does against AWS: before anything is sent when the signal has already aborted,
 * and while the call is in flight (here: held by an injected latency). The server adapter is the
 * reference: there the SDK's own retry middleware and HTTP handler produce the error.
 * Found with third-party libraries (docs/research/third-party-libraries.md): the middleware and the
 * request handler used to ignore the signal and resolve.
 */
const ADAPTERS: ReadonlyArray<[string, (vault: KmsVault, config: KMSClientConfig) => KMSClient]> = [
  [
    'middleware',
    (vault, config) => {
      const kms = new KMSClient(config);
      kms.middlewareStack.use(vaultPlugin(vault));
      return kms;
    },
  ],
  ['request handler', requestHandlerClient],
  ['server', serverClient],
];

describe.each(ADAPTERS)('abort signals through the %s', (_name, connect) => {
  const vault = new KmsVault({ seed: 'abort-signal' });
  const kms = connect(vault, { region: 'us-east-1' });
  let keyId: string;
  const encrypt = (abortSignal: AbortSignal): Promise<unknown> => kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') }), { abortSignal });

  beforeAll(async () => {
    keyId = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId as string;
  });
  afterEach(() => vault.faults.clear());

  it('a signal aborted before send rejects with AbortError "Request aborted", and the vault never sees the call', async () => {
    const calls = vault.history.length;
    for (const reason of [undefined, 'stop', new Error('gave up')]) {
      const controller = new AbortController();
      controller.abort(reason);
      const error = await encrypt(controller.signal).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: 'AbortError', message: 'Request aborted' });
    }
    expect(vault.history).toHaveLength(calls);
  });

  it('a signal that aborts while the call is in flight rejects with AbortError at once', async () => {
    vault.faults.inject({ operation: 'Encrypt', latencyMs: 500 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    const error = await encrypt(controller.signal).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'AbortError', message: 'Request aborted' });
    expect(Date.now() - started).toBeLessThan(400);
    // Through the middleware the latency ends with the abort; over the wire the request still completes
    // in the vault (the wire pipeline is given no signal): let it, so no timer outlives the test.
    await new Promise((resolve) => setTimeout(resolve, 600));
  });

  it('a signal that never aborts changes nothing', async () => {
    const output = await encrypt(new AbortController().signal);
    expect(output).toMatchObject({ KeyId: expect.stringContaining(keyId) });
  });
});
