import { DescribeKeyCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import type { HandlerExecutionContext } from '@smithy/types';
import { KmsVault, KmsVaultMockError, useVault, vaultMiddleware, vaultMiddlewareOptions } from '../../src';
import { receivedCommandsOf } from '../../src/engine/received-commands';

/**
 * The matchers' received commands (toHaveReceivedNthCommandWith, as aws-sdk-client-mock keeps its
 * calls) are in the order the commands were sent: each is recorded when `send()` is called, before
 * the client's Region or credentials are resolved, and whatever happens to it afterwards.
 */
describe('received commands are recorded at send(), in the order sent', () => {
  const client = (vault: KmsVault, region: string | (() => Promise<string>) = 'us-east-1'): KMSClient => {
    const kms = new KMSClient({ region, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    kms.middlewareStack.add(vaultMiddleware(vault), vaultMiddlewareOptions);
    return kms;
  };

  it('a client still resolving its Region does not fall behind one whose Region is cached', async () => {
    const vault = new KmsVault({ seed: 'received order' });
    const first = client(vault);
    const second = client(vault);
    await second.send(new ListKeysCommand({}));
    vault.clearHistory();
    await Promise.allSettled([first.send(new DescribeKeyCommand({ KeyId: 'alias/first' })), second.send(new ListKeysCommand({}))]);
    expect(receivedCommandsOf(vault).map((command) => command.constructor.name)).toEqual(['DescribeKeyCommand', 'ListKeysCommand']);
  });

  it('a command is recorded as received as soon as send() is called, while its Region is still being resolved', async () => {
    const vault = new KmsVault({ seed: 'received order' });
    let giveRegion: (region: string) => void = () => undefined;
    const region = new Promise<string>((resolve) => (giveRegion = resolve));
    const kms = new KMSClient({ region: () => region, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    using _vault = useVault(kms, vault);
    const command = new ListKeysCommand({});
    const sent = kms.send(command);
    expect(receivedCommandsOf(vault)).toEqual([command]);
    expect(receivedCommandsOf(kms)).toEqual([command]);
    giveRegion('eu-west-1');
    await expect(sent).resolves.toMatchObject({ Keys: [] });
    expect(vault.history.map((call) => [call.operation, call.region])).toEqual([['ListKeys', 'eu-west-1']]);
  });

  it("a command that is not KMS's is recorded as received, then refused with a library error", async () => {
    const vault = new KmsVault({ seed: 'received order' });
    const command = { input: {} };
    const context = { commandName: 'GetCallerIdentityCommand', __smithy_context: { commandInstance: command } } as unknown as HandlerExecutionContext;
    const handler = vaultMiddleware(vault)(() => Promise.reject(new Error('not reached')), context);
    expect(receivedCommandsOf(vault)).toEqual([command]);
    await expect(handler({ input: {} })).rejects.toThrow(KmsVaultMockError);
  });
});
