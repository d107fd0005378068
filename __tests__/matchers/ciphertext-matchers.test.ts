import { stripVTControlCharacters } from 'node:util';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  KMSClient,
  ReEncryptCommand,
  ReplicateKeyCommand,
} from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin } from 'kms-vault-mock';
import 'kms-vault-mock/jest';

function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('the expectation passed');
}

describe('toBeCiphertextUnder(vault, keyId) and toBeCiphertextWithContext(vault, context): checked by decrypting through the vault', () => {
  let vault: KmsVault;
  let kms: KMSClient;
  let keyA: { KeyId: string; Arn: string };
  let keyB: { KeyId: string; Arn: string };

  beforeEach(async () => {
    vault = new KmsVault({ seed: 'ciphertext-matchers' });
    kms = new KMSClient({ region: 'us-east-1' });
    kms.middlewareStack.use(vaultPlugin(vault));
    const a = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
    const b = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
    keyA = { KeyId: a?.KeyId ?? '', Arn: a?.Arn ?? '' };
    keyB = { KeyId: b?.KeyId ?? '', Arn: b?.Arn ?? '' };
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: keyA.KeyId }));
  });

  async function encrypt(KeyId: string, EncryptionContext?: Record<string, string>): Promise<Uint8Array> {
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId, Plaintext: Buffer.from('x'), EncryptionContext }));
    return CiphertextBlob ?? new Uint8Array();
  }

  it('a ciphertext is under the key that made it, named by key id, key ARN or alias (API Reference, Decrypt: KeyId)', async () => {
    const blob = await encrypt(keyA.KeyId);
    expect(blob).toBeCiphertextUnder(vault, keyA.KeyId);
    expect(blob).toBeCiphertextUnder(vault, keyA.Arn);
    expect(blob).toBeCiphertextUnder(vault, 'alias/orders');
    expect(blob).not.toBeCiphertextUnder(vault, keyB.KeyId);
  });

  it('fails naming the key that really made it (Decrypt with another KeyId: IncorrectKeyException)', async () => {
    const blob = await encrypt(keyA.KeyId);
    expect(failureOf(() => expect(blob).toBeCiphertextUnder(vault, keyB.Arn))).toBe(
      `Expected ciphertext to be made under "${keyB.Arn}"\nIt was made under "${keyA.Arn}"`,
    );
    expect(failureOf(() => expect(blob).not.toBeCiphertextUnder(vault, 'alias/orders'))).toBe(
      `Expected ciphertext not to be made under "alias/orders"\nIt decrypts under "${keyA.Arn}"`,
    );
  });

  it('a ciphertext made with an encryption context needs it to decrypt: pass it as an option (API Reference, Encrypt: EncryptionContext)', async () => {
    const blob = await encrypt(keyA.KeyId, { tenant: 'a' });
    expect(blob).toBeCiphertextUnder(vault, keyA.KeyId, { encryptionContext: { tenant: 'a' } });
    expect(failureOf(() => expect(blob).toBeCiphertextUnder(vault, keyA.KeyId))).toMatch(
      /^Expected ciphertext to be made under ".+"\nDecrypt through the vault failed with "InvalidCiphertextException: .*" \(a blob this vault did not make, a changed byte, or another encryption context/,
    );
  });

  it('toBeCiphertextWithContext: decrypts with exactly that context, and with no other ({"ab":"c"} is not {"a":"bc"})', async () => {
    const blob = await encrypt(keyA.KeyId, { ab: 'c' });
    expect(blob).toBeCiphertextWithContext(vault, { ab: 'c' });
    expect(blob).not.toBeCiphertextWithContext(vault, { a: 'bc' });
    expect(blob).not.toBeCiphertextWithContext(vault, {});
    expect(blob).not.toBeCiphertextWithContext(vault, { ab: 'c', extra: 'x' });
    expect(failureOf(() => expect(blob).toBeCiphertextWithContext(vault, { a: 'bc' }))).toMatch(
      /^Expected ciphertext to be bound to encryption context \{"a": "bc"\}\nDecrypt through the vault failed with "InvalidCiphertextException/,
    );
    expect(failureOf(() => expect(blob).not.toBeCiphertextWithContext(vault, { ab: 'c' }))).toBe(
      `Expected ciphertext not to be bound to encryption context {"ab": "c"}\nIt decrypts with that encryption context, under "${keyA.Arn}"`,
    );
  });

  it('toBeCiphertextWithContext can also require the key', async () => {
    const blob = await encrypt(keyA.KeyId, { tenant: 'a' });
    expect(blob).toBeCiphertextWithContext(vault, { tenant: 'a' }, { keyId: 'alias/orders' });
    expect(blob).not.toBeCiphertextWithContext(vault, { tenant: 'a' }, { keyId: keyB.KeyId });
  });

  it('covers data keys and re-encrypted ciphertexts too (API Reference, GenerateDataKey and ReEncrypt)', async () => {
    const { CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: keyA.KeyId, KeySpec: 'AES_256', EncryptionContext: { purpose: 'dek' } }));
    expect(CiphertextBlob).toBeCiphertextUnder(vault, keyA.KeyId, { encryptionContext: { purpose: 'dek' } });
    const moved = await kms.send(
      new ReEncryptCommand({
        CiphertextBlob,
        SourceEncryptionContext: { purpose: 'dek' },
        DestinationKeyId: keyB.KeyId,
        DestinationEncryptionContext: { purpose: 'moved' },
      }),
    );
    expect(moved.CiphertextBlob).toBeCiphertextUnder(vault, keyB.Arn, { encryptionContext: { purpose: 'moved' } });
    expect(moved.CiphertextBlob).toBeCiphertextWithContext(vault, { purpose: 'moved' });
  });

  it('takes the base64 text of a blob as well, as the AWS CLI prints it', async () => {
    const blob = await encrypt(keyA.KeyId);
    expect(Buffer.from(blob).toString('base64')).toBeCiphertextUnder(vault, keyA.KeyId);
  });

  it('really decrypts, so the key state rules apply: a disabled key decrypts nothing (DisabledException)', async () => {
    const blob = await encrypt(keyA.KeyId);
    await kms.send(new DisableKeyCommand({ KeyId: keyA.KeyId }));
    expect(failureOf(() => expect(blob).toBeCiphertextUnder(vault, keyA.KeyId))).toContain('Decrypt through the vault failed with "DisabledException:');
  });

  it('checks in the region given: other regions do not know a single-Region key, a multi-Region replica decrypts (Developer Guide, multi-Region keys)', async () => {
    const blob = await encrypt(keyA.KeyId);
    expect(failureOf(() => expect(blob).toBeCiphertextUnder(vault, keyA.KeyId, { region: 'eu-west-1' }))).toContain('NotFoundException');
    const mrk = (await kms.send(new CreateKeyCommand({ MultiRegion: true }))).KeyMetadata?.KeyId ?? '';
    await kms.send(new ReplicateKeyCommand({ KeyId: mrk, ReplicaRegion: 'eu-west-1' }));
    const mrkBlob = await encrypt(mrk);
    expect(mrkBlob).toBeCiphertextUnder(vault, mrk, { region: 'eu-west-1' });
  });

  describe("decrypt where the ciphertext was made, whatever the vault's default Region", () => {
    const savedRegion = process.env.AWS_REGION;
    afterEach(() => {
      if (savedRegion === undefined) delete process.env.AWS_REGION;
      else process.env.AWS_REGION = savedRegion;
    });

    async function keyIn(client: KMSClient, input: ConstructorParameters<typeof CreateKeyCommand>[0] = {}): Promise<{ KeyId: string; Arn: string }> {
      const meta = (await client.send(new CreateKeyCommand(input))).KeyMetadata;
      return { KeyId: meta?.KeyId ?? '', Arn: meta?.Arn ?? '' };
    }

    it('a symmetric key of a client in eu-west-1: found from the key material the blob header names (key id, ARN, alias, context)', async () => {
      const west = new KMSClient({ region: 'eu-west-1' });
      west.middlewareStack.use(vaultPlugin(vault));
      const key = await keyIn(west);
      const other = await keyIn(west);
      await west.send(new CreateAliasCommand({ AliasName: 'alias/west', TargetKeyId: key.KeyId }));
      const { CiphertextBlob } = await west.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x'), EncryptionContext: { tenant: 'w' } }));
      const options = { encryptionContext: { tenant: 'w' } };
      expect(CiphertextBlob).toBeCiphertextUnder(vault, key.KeyId, options);
      expect(CiphertextBlob).toBeCiphertextUnder(vault, key.Arn, options);
      expect(CiphertextBlob).toBeCiphertextUnder(vault, 'alias/west', options);
      expect(CiphertextBlob).toBeCiphertextWithContext(vault, { tenant: 'w' });
      expect(failureOf(() => expect(CiphertextBlob).toBeCiphertextUnder(vault, other.KeyId, options))).toBe(
        `Expected ciphertext to be made under "${other.KeyId}"\nIt was made under "${key.Arn}"`,
      );
    });

    it('a client whose Region comes from AWS_REGION', async () => {
      process.env.AWS_REGION = 'ap-southeast-2';
      const client = new KMSClient({});
      client.middlewareStack.use(vaultPlugin(vault));
      const key = await keyIn(client);
      expect(key.Arn).toContain(':ap-southeast-2:');
      const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x') }));
      expect(CiphertextBlob).toBeCiphertextUnder(vault, key.KeyId);
      expect(CiphertextBlob).toBeCiphertextWithContext(vault, {});
    });

    it('an asymmetric ciphertext (no header): the Region of the key id, key ARN or alias named', async () => {
      const west = new KMSClient({ region: 'eu-west-1' });
      west.middlewareStack.use(vaultPlugin(vault));
      const key = await keyIn(west, { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
      await west.send(new CreateAliasCommand({ AliasName: 'alias/rsa-west', TargetKeyId: key.KeyId }));
      const { CiphertextBlob } = await west.send(
        new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }),
      );
      const options = { encryptionAlgorithm: 'RSAES_OAEP_SHA_256' } as const;
      expect(CiphertextBlob).toBeCiphertextUnder(vault, key.KeyId, options);
      expect(CiphertextBlob).toBeCiphertextUnder(vault, key.Arn, options);
      expect(CiphertextBlob).toBeCiphertextUnder(vault, 'alias/rsa-west', options);
    });
  });

  it('is an assertion, not a call: no history entry, no key usage recorded, no injected fault spent', async () => {
    const blob = await encrypt(keyA.KeyId);
    const calls = vault.history.length;
    vault.faults.inject({ operation: 'Decrypt', error: 'ThrottlingException', times: 1 });
    expect(blob).toBeCiphertextUnder(vault, keyA.KeyId);
    expect(vault.history).toHaveLength(calls);
    expect(vault.execute('GetKeyLastUsage', { KeyId: keyA.KeyId }).KeyLastUsage?.Operation).toBe('Encrypt');
    expect(() => vault.execute('Decrypt', { CiphertextBlob: blob })).toThrow(expect.objectContaining({ name: 'ThrottlingException' }));
  });

  it('refuses what is not a ciphertext or not a vault, whatever .not says', async () => {
    const blob = await encrypt(keyA.KeyId);
    expect(() => expect(42).not.toBeCiphertextUnder(vault, keyA.KeyId)).toThrow('The actual must be a ciphertext blob');
    expect(() => expect(blob).not.toBeCiphertextUnder({} as KmsVault, keyA.KeyId)).toThrow('The first argument must be the KmsVault');
    expect(() => expect(blob).not.toBeCiphertextWithContext(vault, 'tenant=a' as never)).toThrow('must be an encryption context');
  });

  it('a blob another vault made is not under a key of this one', async () => {
    const blob = await encrypt(keyA.KeyId);
    const other = new KmsVault({ seed: 'other' });
    const otherKey = other.execute('CreateKey', {}).KeyMetadata?.KeyId ?? '';
    expect(blob).not.toBeCiphertextUnder(other, otherKey);
  });
});
