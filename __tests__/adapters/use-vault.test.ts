import { CreateKeyCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { KmsVault, useVault, vaultPlugin } from '../../src';

/** The SDK method the fallback wraps (decision 008), as the SDK's Command base class holds it now. */
function sdkResolver(): unknown {
  for (let p: object | null = EncryptCommand.prototype; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    if (Object.prototype.hasOwnProperty.call(p, 'resolveMiddlewareWithContext'))
      return (p as { resolveMiddlewareWithContext: unknown }).resolveMiddlewareWithContext;
  }
  return undefined;
}

// Read before any vault middleware exists in this test file: the SDK's own method.
const ORIGINAL = sdkResolver();

describe('useVault: the explicit way, reading the client configuration and patching nothing', () => {
  it('answers in the client’s own Region, and leaves the SDK’s resolveMiddlewareWithContext as it was', async () => {
    const vault = new KmsVault();
    const kms = new KMSClient({ region: 'ap-southeast-2' });
    using _vault = useVault(kms, vault);
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    expect(KeyMetadata?.Arn).toContain(':ap-southeast-2:');
    expect(sdkResolver()).toBe(ORIGINAL);
  });

  it('dispose (or the end of a using block) takes the vault out of the client', () => {
    const kms = new KMSClient({ region: 'eu-west-1' });
    {
      using _vault = useVault(kms, new KmsVault());
      expect(kms.middlewareStack.identify().some((entry) => entry.startsWith('kmsVaultMockMiddleware'))).toBe(true);
    }
    expect(kms.middlewareStack.identify().some((entry) => entry.startsWith('kmsVaultMockMiddleware'))).toBe(false);
  });

  it('the client’s credentials still name the principal it acts as', async () => {
    const vault = new KmsVault();
    const alice = vault.addPrincipal('arn:aws:iam::111122223333:user/alice');
    const kms = new KMSClient({ region: 'us-east-1', credentials: alice.credentials });
    using _vault = useVault(kms, vault);
    // alice has no identity policy: the denial names her.
    await expect(kms.send(new CreateKeyCommand({}))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('user/alice') as string,
    });
    expect(vault.history.at(-1)?.caller).toBe('arn:aws:iam::111122223333:user/alice');
  });
});

describe('vaultPlugin without its client: the SDK patch as the fallback, released explicitly', () => {
  it('wraps resolveMiddlewareWithContext while the plugin is in use, answers in the client’s Region, and dispose restores the SDK method', async () => {
    const vault = new KmsVault();
    const kms = new KMSClient({ region: 'eu-central-1' });
    const plugin = vaultPlugin(vault);
    kms.middlewareStack.use(plugin);
    expect(sdkResolver()).not.toBe(ORIGINAL);
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    expect(KeyMetadata?.Arn).toContain(':eu-central-1:');
    plugin.dispose();
    expect(sdkResolver()).toBe(ORIGINAL);
    expect(kms.middlewareStack.identify().some((entry) => entry.startsWith('kmsVaultMockMiddleware'))).toBe(false);
  });

  it('vaultPlugin given the client reads its configuration and patches nothing', async () => {
    const vault = new KmsVault();
    const kms = new KMSClient({ region: 'sa-east-1' });
    kms.middlewareStack.use(vaultPlugin(vault, { client: kms }));
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    expect(KeyMetadata?.Arn).toContain(':sa-east-1:');
    expect(sdkResolver()).toBe(ORIGINAL);
  });
});
