import { stripVTControlCharacters } from 'node:util';
import { CreateKeyCommand, DecryptCommand, EncryptCommand, KMSClient, ListKeysCommand, KMSServiceException } from '@aws-sdk/client-kms';
import { expect as globalsExpect } from '@jest/globals';
import { KmsVault, mockClient, vaultMiddleware, vaultMiddlewareOptions, vaultPlugin } from 'kms-vault-mock';
import { installMatchers, kmsVaultMatchers } from 'kms-vault-mock/jest';

installMatchers(globalsExpect);
void kmsVaultMatchers;

function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('the expectation passed');
}

async function vaultClient(): Promise<{ vault: KmsVault; kms: KMSClient; keyId: string }> {
  const vault = new KmsVault({ seed: 'matchers on clients' });
  const kms = new KMSClient({});
  kms.middlewareStack.use(vaultPlugin(vault));
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  return { vault, kms, keyId: KeyMetadata?.KeyId ?? '' };
}

describe('the command matchers on a plain KMSClient with the vault middleware (issue: "working on our mocks and on any vault-backed client")', () => {
  it('count the commands the client sent, in order, with their inputs', async () => {
    const { kms, keyId } = await vaultClient();
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('a'), EncryptionContext: { tenant: 'a' } }));
    await kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { tenant: 'a' } }));
    expect(kms).toHaveReceivedCommand(EncryptCommand);
    expect(kms).toHaveReceivedCommandOnce(DecryptCommand);
    expect(kms).toHaveReceivedCommandTimes(CreateKeyCommand, 1);
    expect(kms).toHaveReceivedCommandWith(EncryptCommand, { KeyId: keyId, EncryptionContext: { tenant: 'a' } });
    expect(kms).toHaveReceivedCommandExactlyOnceWith(DecryptCommand, { EncryptionContext: expect.objectContaining({ tenant: 'a' }) });
    expect(kms).toHaveReceivedNthCommandWith(2, EncryptCommand, { KeyId: keyId });
    expect(kms).toHaveReceivedNthSpecificCommandWith(1, DecryptCommand, { CiphertextBlob });
    expect(kms).toReceiveAnyCommand();
    expect(kms).not.toHaveReceivedCommand(ListKeysCommand);
  });

  it('count failed calls too, as a mock counts every send', async () => {
    const { kms } = await vaultClient();
    await expect(kms.send(new EncryptCommand({ KeyId: 'alias/missing', Plaintext: Buffer.from('a') }))).rejects.toThrow();
    expect(kms).toHaveReceivedCommandWith(EncryptCommand, { KeyId: 'alias/missing' });
  });

  it("fail with aws-sdk-client-mock-jest's message, naming the client class and listing its calls", async () => {
    const { kms, keyId } = await vaultClient();
    expect(failureOf(() => expect(kms).toHaveReceivedCommand(EncryptCommand))).toBe(
      'Expected KMSClient to receive "EncryptCommand"\nKMSClient received "EncryptCommand" 0 times\n\nCalls:\n  1. CreateKeyCommand: {}',
    );
    expect(failureOf(() => expect(kms).not.toHaveReceivedCommand(CreateKeyCommand))).toContain('KMSClient received "CreateKeyCommand" 1 times');
    expect(keyId).not.toBe('');
  });

  it("keep each client's calls apart, while the vault sees all of them", async () => {
    const { vault, kms } = await vaultClient();
    const other = new KMSClient({ region: 'eu-west-1' });
    other.middlewareStack.add(vaultMiddleware(vault), vaultMiddlewareOptions);
    await other.send(new ListKeysCommand({}));
    expect(kms).not.toHaveReceivedCommand(ListKeysCommand);
    expect(other).toHaveReceivedCommandOnce(ListKeysCommand);
    expect(other).not.toHaveReceivedCommand(CreateKeyCommand);
    expect(vault).toHaveReceivedCommandTimes(CreateKeyCommand, 1);
    expect(vault).toHaveReceivedCommandTimes(ListKeysCommand, 1);
    expect(failureOf(() => expect(vault).toHaveReceivedCommand(EncryptCommand))).toContain('Expected KmsVault to receive "EncryptCommand"');
    vault.clearHistory();
    expect(kms).not.toHaveReceivedAnyCommand();
    expect(other).not.toHaveReceivedAnyCommand();
  });

  it('see what a vault-backed mock sent to the vault, and forget it with vault.clearHistory()', async () => {
    const vault = new KmsVault();
    const kmsMock = mockClient(KMSClient, { vault });
    try {
      await new KMSClient({}).send(new CreateKeyCommand({ Description: 'through the mock' }));
      expect(kmsMock).toHaveReceivedCommand(CreateKeyCommand);
      expect(vault).toHaveReceivedCommandWith(CreateKeyCommand, { Description: 'through the mock' });
      vault.clearHistory();
      expect(vault).not.toHaveReceivedAnyCommand();
      expect(vault.history).toHaveLength(0);
    } finally {
      kmsMock.restore();
    }
  });

  it('refuse a client that is neither a mock nor vault-backed, as aws-sdk-client-mock-jest refuses a non-mock', () => {
    expect(() => expect(new KMSClient({})).toHaveReceivedCommand(EncryptCommand)).toThrow('The actual must be a client mock instance');
    expect(() => expect({}).toHaveReceivedAnyCommand()).toThrow('The actual must be a client mock instance');
  });
});

describe('faults through a vault-backed mock behave as through the middleware', () => {
  it("retry throttling up to the client's maxAttempts (SDK standard retry strategy), each attempt a call of its own", async () => {
    const vault = new KmsVault();
    const kmsMock = mockClient(KMSClient, { vault });
    try {
      const kms = new KMSClient({ maxAttempts: 2 });
      vault.faults.inject({ operation: 'ListKeys', error: 'ThrottlingException' });
      const error = await kms.send(new ListKeysCommand({})).catch((e: unknown) => e);
      // The KMS model has no ThrottlingException class: the SDK makes it a KMSServiceException by name.
      expect(error).toBeInstanceOf(KMSServiceException);
      expect((error as KMSServiceException).name).toBe('ThrottlingException');
      expect((error as KMSServiceException).$metadata.attempts).toBe(2);
      expect(vault.history.filter((c) => c.operation === 'ListKeys')).toHaveLength(2);
    } finally {
      kmsMock.restore();
    }
  });

  it('wait for injected latency on a timer that jest fake timers control', async () => {
    const vault = new KmsVault();
    const kmsMock = mockClient(KMSClient, { vault });
    vault.faults.inject({ operation: 'ListKeys', latencyMs: 2000 });
    jest.useFakeTimers();
    try {
      let settled = false;
      const pending = new KMSClient({}).send(new ListKeysCommand({})).then(() => (settled = true));
      await jest.advanceTimersByTimeAsync(1999);
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await pending;
      expect(settled).toBe(true);
    } finally {
      jest.useRealTimers();
      kmsMock.restore();
    }
  });
});
