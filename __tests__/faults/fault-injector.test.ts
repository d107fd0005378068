import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DependencyTimeoutException,
  EncryptCommand,
  KMSClient,
  KMSInternalException,
  KMSServiceException,
  KeyUnavailableException,
  NotFoundException,
} from '@aws-sdk/client-kms';
import { KmsVault, KmsVaultMockError, vaultPlugin } from '../../src';
import { kmsErrorOf } from '../helpers/vault-client';
import { answerWireRequest } from '../../src/protocol/wire-pipeline';

async function setup(maxAttempts = 1, seed?: string) {
  const vault = new KmsVault({ seed });
  const kms = new KMSClient({ region: 'us-east-1', maxAttempts });
  kms.middlewareStack.use(vaultPlugin(vault));
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  const keyId = KeyMetadata?.KeyId as string;
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') }));
  return { vault, kms, keyId, CiphertextBlob };
}

describe('fault injection', () => {
  it('throttles the chosen operation with ThrottlingException, retryable as AWS reports it (KMS quotas: ThrottlingException)', async () => {
    const { vault, kms, keyId, CiphertextBlob } = await setup();
    vault.faults.inject({ operation: 'Decrypt', error: 'ThrottlingException' });
    const error = await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob })));
    expect(error).toBeInstanceOf(KMSServiceException);
    expect(error.name).toBe('ThrottlingException');
    expect(error.message).toBe('Rate exceeded');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.$retryable).toEqual({ throttling: true });
    await expect(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('y') }))).resolves.toBeDefined();
  });

  it('injects the server errors KMS documents, with their classes and status codes', async () => {
    const { vault, kms, CiphertextBlob } = await setup();
    const cases = [
      ['DependencyTimeoutException', DependencyTimeoutException, 503],
      ['KMSInternalException', KMSInternalException, 500],
      ['KeyUnavailableException', KeyUnavailableException, 500],
    ] as const;
    for (const [name, cls, status] of cases) {
      const handle = vault.faults.inject({ error: name });
      const error = await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob })));
      expect(error).toBeInstanceOf(cls);
      expect(error.$metadata.httpStatusCode).toBe(status);
      expect(error.$fault).toBe('server');
      handle.remove();
    }
    await expect(kms.send(new DecryptCommand({ CiphertextBlob }))).resolves.toBeDefined();
  });

  it('counts calls: afterCalls lets calls through first, times limits how many fail', async () => {
    const { vault, kms, CiphertextBlob } = await setup();
    vault.faults.inject({ operation: 'Decrypt', error: 'KMSInternalException', afterCalls: 2, times: 1 });
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push(
        await kms.send(new DecryptCommand({ CiphertextBlob })).then(
          () => 'ok',
          (e: Error) => e.name,
        ),
      );
    expect(results).toEqual(['ok', 'ok', 'KMSInternalException', 'ok']);
  });

  it('matches by key, whether the request names it by id, ARN or alias', async () => {
    const { vault, kms, keyId } = await setup();
    const other = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId;
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/faulty', TargetKeyId: keyId }));
    vault.faults.inject({ keyId: 'alias/faulty', error: 'KeyUnavailableException' });
    await expect(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') }))).rejects.toBeInstanceOf(KeyUnavailableException);
    await expect(kms.send(new EncryptCommand({ KeyId: other, Plaintext: Buffer.from('x') }))).resolves.toBeDefined();
  });

  it('a fault on a key meets a request whose body is not a JSON object: SerializationException, never an internal error', async () => {
    const { vault, keyId } = await setup();
    vault.faults.inject({ keyId, error: 'KeyUnavailableException' });
    const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.Encrypt' };
    const answer = await answerWireRequest(vault, { method: 'POST', path: '/', query: {}, headers, body: Buffer.from('null') });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      __type: 'com.amazon.coral.service#SerializationException',
      message: 'Start of structure or map found where not expected.',
    });
    expect(() => vault.execute('Encrypt', null as never)).toThrow(expect.objectContaining({ name: 'SerializationException' }));
  });

  it('draws seeded probabilities: the same seed fails the same calls', async () => {
    const run = async () => {
      const { vault, kms, CiphertextBlob } = await setup(1, 'chaos');
      vault.faults.inject({ error: 'ThrottlingException', probability: 0.5 });
      const out: string[] = [];
      for (let i = 0; i < 20; i++)
        out.push(
          await kms.send(new DecryptCommand({ CiphertextBlob })).then(
            () => 'ok',
            () => 'throttled',
          ),
        );
      return out;
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(a).toContain('ok');
    expect(a).toContain('throttled');
  });

  it('lets the SDK retry retryable faults up to the client maxAttempts (SDK standard retry)', async () => {
    const { vault, kms, CiphertextBlob } = await setup(3);
    vault.faults.inject({ operation: 'Decrypt', error: 'ThrottlingException', times: 2 });
    const out = await kms.send(new DecryptCommand({ CiphertextBlob }));
    expect(out.$metadata.attempts).toBe(3);
    vault.faults.inject({ operation: 'Decrypt', error: 'ThrottlingException', times: 3 });
    const error = await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob })));
    expect(error.$metadata.attempts).toBe(3);
  });

  it('does not retry client errors', async () => {
    const { vault, kms } = await setup(3);
    // Any active fault switches the retrying path on; this one never touches Encrypt.
    vault.faults.inject({ operation: 'DescribeKey', latencyMs: 0.001 });
    const error = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: 'alias/none', Plaintext: Buffer.from('x') })));
    expect(error).toBeInstanceOf(NotFoundException);
    expect(vault.history.filter((c) => c.operation === 'Encrypt' && c.error)).toHaveLength(1);
  });

  it('adds latency on a timer, which jest fake timers control', async () => {
    const { vault, kms, CiphertextBlob } = await setup();
    vault.faults.inject({ operation: 'Decrypt', latencyMs: 5000 });
    jest.useFakeTimers();
    try {
      let settled = false;
      const pending = kms.send(new DecryptCommand({ CiphertextBlob })).then(() => (settled = true));
      await jest.advanceTimersByTimeAsync(4999);
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await pending;
      expect(settled).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('rejects a fault without an error or latency, and unknown error names, with a library error', () => {
    const vault = new KmsVault();
    expect(() => vault.faults.inject({})).toThrow(KmsVaultMockError);
    expect(() => vault.faults.inject({ error: 'Nope' as never })).toThrow(/ThrottlingException/);
  });
});

describe('call history', () => {
  it('records every call the vault answers: operation, input, output or error, vault time', async () => {
    const { vault, kms, keyId } = await setup();
    vault.clearHistory();
    await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') }));
    await kms.send(new EncryptCommand({ KeyId: 'alias/missing', Plaintext: Buffer.from('x') })).catch(() => undefined);
    expect(vault.history).toHaveLength(2);
    const [ok, failed] = vault.history;
    expect(ok).toMatchObject({ operation: 'Encrypt', region: 'us-east-1', input: { KeyId: keyId } });
    expect(ok?.output).toMatchObject({ KeyId: expect.stringContaining(keyId) });
    expect(ok?.time).toBeInstanceOf(Date);
    expect(failed?.error).toBeInstanceOf(NotFoundException);
    expect(failed?.requestId).toBe((failed?.error as KMSServiceException).$metadata.requestId);
  });
});
