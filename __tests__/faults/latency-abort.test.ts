import { CreateKeyCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin } from '../../src';
import { answer } from '../../src/engine/answer';

/**
 * Injected latency ends with the caller's abort: the wait ends at once (its timer is cleared, so it
 * neither keeps running nor holds the process open) and the aborted call never runs its operation.
 */
describe('injected latency stops when the call is aborted', () => {
  it('an abort during injected latency through the middleware rejects with AbortError and the operation never runs', async () => {
    const vault = new KmsVault({ seed: 'latency abort' });
    const kms = new KMSClient({ region: 'us-east-1' });
    kms.middlewareStack.use(vaultPlugin(vault, { client: kms }));
    const keyId = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId as string;
    vault.faults.inject({ operation: 'Encrypt', latencyMs: 60_000 });
    jest.useFakeTimers();
    try {
      const controller = new AbortController();
      const sent = kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') }), { abortSignal: controller.signal }).then(
        () => undefined,
        (e: unknown) => e,
      );
      await jest.advanceTimersByTimeAsync(10);
      controller.abort();
      expect(await sent).toMatchObject({ name: 'AbortError', message: 'Request aborted' });
      // Had the latency gone on, the operation would run when it ends.
      await jest.advanceTimersByTimeAsync(60_000);
      expect(vault.history.map((call) => call.operation)).toEqual(['CreateKey']);
    } finally {
      jest.useRealTimers();
    }
  });

  it("the engine's answer step rejects with the SDK's AbortError when its signal aborts during latency, and skips the operation", async () => {
    const vault = new KmsVault({ seed: 'latency abort' });
    vault.faults.inject({ operation: 'CreateKey', latencyMs: 60_000 });
    jest.useFakeTimers();
    try {
      const controller = new AbortController();
      const pending = Promise.resolve(answer(vault, 'CreateKey', {}, { region: vault.region, caller: vault.caller }, { signal: controller.signal })).then(
        () => undefined,
        (e: unknown) => e,
      );
      await jest.advanceTimersByTimeAsync(10);
      controller.abort();
      // Settles at the abort, not when the 60 s of latency are over.
      expect(await pending).toMatchObject({ name: 'AbortError', message: 'Request aborted' });
      await jest.advanceTimersByTimeAsync(60_000);
      expect(vault.history).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });
});
