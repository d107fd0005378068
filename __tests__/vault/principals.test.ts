import { CreateKeyCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { KmsVault, KmsVaultMockError, mockClient, vaultMiddleware, vaultMiddlewareOptions, vaultPlugin } from '../../src';

const ROLE = 'arn:aws:iam::111122223333:role/app';
/** An identity policy that allows every KMS action, so these tests see who calls, not what is allowed. */
const ALL = { policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }] };

function lastCaller(vault: KmsVault): string | undefined {
  return vault.history[vault.history.length - 1]?.caller;
}

/** Issue 9: every request has a caller principal. */
describe('principals', () => {
  it('addPrincipal returns the ARN, the account and access keys; users get AKIA keys, roles ASIA keys', () => {
    const vault = new KmsVault();
    const role = vault.addPrincipal(ROLE);
    const user = vault.addPrincipal('arn:aws:iam::444455556666:user/ops/alice');
    expect(role).toMatchObject({ arn: ROLE, accountId: '111122223333' });
    expect(role.credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(user.accountId).toBe('444455556666');
    expect(user.credentials.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(user.credentials.secretAccessKey).toHaveLength(40);
  });

  it('credentials are the same in every run under a seed, fresh otherwise, and kept when a principal is added again', () => {
    const a = new KmsVault({ seed: 7 }).addPrincipal(ROLE);
    const b = new KmsVault({ seed: 7 }).addPrincipal(ROLE);
    expect(a.credentials).toEqual(b.credentials);
    expect(new KmsVault().addPrincipal(ROLE).credentials).not.toEqual(new KmsVault().addPrincipal(ROLE).credentials);
    const vault = new KmsVault();
    const first = vault.addPrincipal(ROLE);
    expect(vault.addPrincipal(ROLE, { policies: ['{}'] }).credentials).toEqual(first.credentials);
  });

  it('a seeded vault makes the same keys whether or not principals were added first', () => {
    const plain = new KmsVault({ seed: 's' });
    const withPrincipal = new KmsVault({ seed: 's' });
    withPrincipal.addPrincipal(ROLE);
    expect(withPrincipal.execute('CreateKey', {}).KeyMetadata?.KeyId).toBe(plain.execute('CreateKey', {}).KeyMetadata?.KeyId);
  });

  it('accepts users, roles, assumed-role sessions and roots in any account; anything else is a library error', () => {
    const vault = new KmsVault();
    expect(vault.addPrincipal('arn:aws:sts::444455556666:assumed-role/app/session-1').accountId).toBe('444455556666');
    expect(vault.addPrincipal('arn:aws:iam::777788889999:root').accountId).toBe('777788889999');
    expect(() => vault.addPrincipal('arn:aws:iam::1234:user/x')).toThrow(KmsVaultMockError);
    expect(() => vault.addPrincipal('arn:aws:s3:::bucket')).toThrow(/is not a principal ARN/);
    expect(() => vault.addPrincipal(ROLE, { policies: ['{not json'] })).toThrow(/not valid JSON/);
  });

  it('a client acts as the principal whose access key its credentials carry', async () => {
    const vault = new KmsVault();
    const app = vault.addPrincipal(ROLE, ALL);
    const kms = new KMSClient({ region: 'us-east-1', credentials: app.credentials });
    kms.middlewareStack.use(vaultPlugin(vault));
    await kms.send(new ListKeysCommand({}));
    expect(lastCaller(vault)).toBe(ROLE);
  });

  it('without credentials the vault knows, the caller is the account root, or the root of accountId', async () => {
    const vault = new KmsVault();
    vault.addPrincipal(ROLE);
    const kms = new KMSClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' } });
    kms.middlewareStack.use(vaultPlugin(vault));
    await kms.send(new ListKeysCommand({}));
    expect(lastCaller(vault)).toBe('arn:aws:iam::111122223333:root');
    const other = new KMSClient({ region: 'us-east-1' });
    other.middlewareStack.use(vaultPlugin(vault, { accountId: '444455556666' }));
    await other.send(new ListKeysCommand({}));
    expect(lastCaller(vault)).toBe('arn:aws:iam::444455556666:root');
  });

  it('the principal option names the caller for the plugin, the middleware, mockClient and execute', async () => {
    const vault = new KmsVault();
    vault.addPrincipal(ROLE, ALL);
    const viaPlugin = new KMSClient({ region: 'us-east-1' });
    viaPlugin.middlewareStack.use(vaultPlugin(vault, { principal: ROLE }));
    await viaPlugin.send(new ListKeysCommand({}));
    expect(lastCaller(vault)).toBe(ROLE);

    const viaMiddleware = new KMSClient({ region: 'us-east-1' });
    viaMiddleware.middlewareStack.add(vaultMiddleware(vault, { principal: 'arn:aws:iam::555566667777:root' }), vaultMiddlewareOptions);
    await viaMiddleware.send(new ListKeysCommand({}));
    expect(lastCaller(vault)).toBe('arn:aws:iam::555566667777:root');

    const mock = mockClient(KMSClient, { vault, principal: ROLE });
    try {
      await new KMSClient({}).send(new CreateKeyCommand({}));
      expect(lastCaller(vault)).toBe(ROLE);
    } finally {
      mock.restore();
    }

    vault.execute('ListKeys', {}, { principal: ROLE });
    expect(lastCaller(vault)).toBe(ROLE);
  });

  it('an unknown principal is a library error where it is named', () => {
    const vault = new KmsVault();
    expect(() => vaultPlugin(vault, { principal: 'arn:aws:iam::111122223333:user/nobody' }).applyToStack(new KMSClient({}).middlewareStack)).toThrow(
      /vault.addPrincipal/,
    );
    expect(() => mockClient(KMSClient, { vault, principal: 'arn:aws:iam::111122223333:user/nobody' })).toThrow(KmsVaultMockError);
    expect(() => vault.execute('ListKeys', {}, { principal: 'arn:aws:iam::111122223333:user/nobody' })).toThrow(KmsVaultMockError);
  });

  it('the call history is bounded and holds no secrets unless asked', () => {
    const vault = new KmsVault({ historyLimit: 3 });
    const keyId = vault.execute('CreateKey', {}).KeyMetadata?.KeyId as string;
    for (let i = 0; i < 5; i++) vault.execute('GenerateDataKey', { KeyId: keyId, KeySpec: 'AES_256' });
    expect(vault.history).toHaveLength(3);
    expect(vault.history.every((c) => c.operation === 'GenerateDataKey')).toBe(true);
    expect(vault.history[0]?.output).not.toHaveProperty('Plaintext');
    expect(vault.history[0]?.output).toHaveProperty('CiphertextBlob');
    const full = new KmsVault({ recordSecrets: true });
    const id = full.execute('CreateKey', {}).KeyMetadata?.KeyId as string;
    full.execute('Encrypt', { KeyId: id, Plaintext: Buffer.from('secret') });
    expect(full.history[1]?.input).toHaveProperty('Plaintext');
    expect(() => new KmsVault({ historyLimit: -1 })).toThrow(KmsVaultMockError);
  });
});

describe('received commands (what the matchers read)', () => {
  it('keep the latest historyLimit commands, like the history', async () => {
    const vault = new KmsVault({ historyLimit: 2 });
    const kms = new KMSClient({ region: 'us-east-1' });
    kms.middlewareStack.use(vaultPlugin(vault));
    for (let i = 0; i < 5; i++) await kms.send(new ListKeysCommand({ Limit: i + 1 }));
    const { receivedCommandsOf } = await import('../../src/engine/received-commands');
    expect(receivedCommandsOf(vault).map((c) => (c as ListKeysCommand).input.Limit)).toEqual([4, 5]);
    expect(receivedCommandsOf(kms)).toHaveLength(2);
  });

  it('with historyLimit 0 keep none, not even the first command of each client', async () => {
    const vault = new KmsVault({ historyLimit: 0 });
    const kms = new KMSClient({ region: 'us-east-1' });
    kms.middlewareStack.use(vaultPlugin(vault));
    await kms.send(new ListKeysCommand({}));
    const { receivedCommandsOf } = await import('../../src/engine/received-commands');
    expect(receivedCommandsOf(vault)).toHaveLength(0);
    expect(receivedCommandsOf(kms)).toHaveLength(0);
    expect(vault.history).toHaveLength(0);
  });
});
