import { KMS, KMSServiceException, DisabledException, type KMSClientConfig } from '@aws-sdk/client-kms';
import {
  AlgorithmSuiteIdentifier,
  AwsKmsMrkAwareSymmetricDiscoveryKeyringNode,
  AwsKmsMrkAwareSymmetricKeyringNode,
  BranchKeyStoreNode,
  buildClient,
  CommitmentPolicy,
  KmsHierarchicalKeyRingNode,
  KmsKeyringNode,
} from '@aws-crypto/client-node';
import { mockClient as sdkMockClient } from 'aws-sdk-client-mock';
import { KmsVault, vaultPlugin, vaultRequestHandler } from '../../src';

/**
 * The AWS Encryption SDK for JavaScript (@aws-crypto/client-node) run against the vault: its KMS
 * keyrings call GenerateDataKey, Encrypt and Decrypt (with KeyId, encryption context and grant tokens),
 * its multi-Region keyrings Decrypt in the replica's Region, and its hierarchical keyring's branch key
 * store calls GenerateDataKeyWithoutPlaintext, ReEncrypt (changing the encryption context) and Decrypt.
 * Each flow runs through the middleware and through the request handler (the SDK's whole stack).
 * Notes: docs/research/third-party-libraries.md.
 */
const { encrypt, decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);
const ACCOUNT = '111122223333';
const CONTEXT = { tenant: 'acme' };

type Connect = (vault: KmsVault, config: KMSClientConfig) => KMS;
const ADAPTERS: ReadonlyArray<[string, Connect]> = [
  [
    'middleware',
    (vault, config) => {
      const kms = new KMS(config);
      kms.middlewareStack.use(vaultPlugin(vault));
      return kms;
    },
  ],
  [
    'request handler',
    (vault, config) =>
      new KMS({
        credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
        ...config,
        requestHandler: vaultRequestHandler(vault),
      }),
  ],
];

/** The first line of an Encryption SDK error: it wraps the KMS error's name and message in its own text. */
const firstLine = (error: unknown): string => (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));

describe.each(ADAPTERS)('interop: AWS Encryption SDK keyrings through the %s', (_name, connect) => {
  let vault: KmsVault;
  let clients: Map<string, KMS>;
  const clientProvider = (region: string): KMS => {
    let kms = clients.get(region);
    if (!kms) {
      kms = connect(vault, { region });
      clients.set(region, kms);
    }
    return kms;
  };

  beforeEach(() => {
    vault = new KmsVault({ seed: 'interop-encryption-sdk' });
    clients = new Map();
  });

  async function createKey(region: string, multiRegion = false): Promise<{ keyId: string; arn: string }> {
    const { KeyMetadata } = await clientProvider(region).createKey({ MultiRegion: multiRegion });
    return { keyId: KeyMetadata?.KeyId as string, arn: KeyMetadata?.Arn as string };
  }

  it('KMS keyring: the data key generated under one key and encrypted under a key in another Region decrypts with either key alone, and in discovery mode', async () => {
    const east = await createKey('us-east-1');
    const west = await createKey('eu-west-1');
    const { result } = await encrypt(new KmsKeyringNode({ generatorKeyId: east.arn, keyIds: [west.arn], clientProvider }), 'order 1', {
      encryptionContext: CONTEXT,
    });

    for (const keyIds of [[east.arn], [west.arn]]) {
      const { plaintext, messageHeader } = await decrypt(new KmsKeyringNode({ keyIds, clientProvider }), result);
      expect(plaintext.toString()).toBe('order 1');
      expect(messageHeader.encryptionContext).toMatchObject(CONTEXT);
    }
    expect((await decrypt(new KmsKeyringNode({ discovery: true, clientProvider }), result)).plaintext.toString()).toBe('order 1');
    expect(vault.history.slice(2).map((c) => `${c.operation}@${c.region}`)).toEqual([
      'GenerateDataKey@us-east-1',
      'Encrypt@eu-west-1',
      'Decrypt@us-east-1',
      'Decrypt@eu-west-1',
      'Decrypt@us-east-1',
    ]);
  });

  it('GenerateDataKey NumberOfBytes follows the algorithm suite (16, 24, 32 bytes), signing suites included', async () => {
    const key = await createKey('us-east-1');
    const keyring = new KmsKeyringNode({ generatorKeyId: key.arn, clientProvider });
    const legacy = buildClient(CommitmentPolicy.FORBID_ENCRYPT_ALLOW_DECRYPT);
    for (const suiteId of [
      AlgorithmSuiteIdentifier.ALG_AES128_GCM_IV12_TAG16_HKDF_SHA256,
      AlgorithmSuiteIdentifier.ALG_AES192_GCM_IV12_TAG16_HKDF_SHA256,
      AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384,
    ]) {
      const { result } = await legacy.encrypt(keyring, `suite ${suiteId}`, { suiteId, encryptionContext: CONTEXT });
      expect((await legacy.decrypt(keyring, result)).plaintext.toString()).toBe(`suite ${suiteId}`);
    }
    const { result } = await encrypt(keyring, 'committed', {
      suiteId: AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY,
      encryptionContext: CONTEXT,
    });
    expect((await decrypt(keyring, result)).plaintext.toString()).toBe('committed');
    const sizes = vault.history.filter((c) => c.operation === 'GenerateDataKey').map((c) => (c.input as { NumberOfBytes?: number }).NumberOfBytes);
    expect(sizes).toEqual([16, 24, 32, 32]);
  });

  it('multi-Region keys: a message encrypted under the primary decrypts with its replica, in the replica Region (strict and discovery keyrings)', async () => {
    const primary = await createKey('us-east-1', true);
    const { ReplicaKeyMetadata } = await clientProvider('us-east-1').replicateKey({ KeyId: primary.keyId, ReplicaRegion: 'eu-west-1' });
    const replicaArn = ReplicaKeyMetadata?.Arn as string;
    expect(replicaArn).toBe(primary.arn.replace('us-east-1', 'eu-west-1'));

    const { result } = await encrypt(new AwsKmsMrkAwareSymmetricKeyringNode({ client: clientProvider('us-east-1'), keyId: primary.arn }), 'replicated', {
      encryptionContext: CONTEXT,
    });
    const strict = new AwsKmsMrkAwareSymmetricKeyringNode({ client: clientProvider('eu-west-1'), keyId: replicaArn });
    expect((await decrypt(strict, result)).plaintext.toString()).toBe('replicated');
    const discovery = new AwsKmsMrkAwareSymmetricDiscoveryKeyringNode({
      client: clientProvider('eu-west-1'),
      discoveryFilter: { accountIDs: [ACCOUNT], partition: 'aws' },
    });
    expect((await decrypt(discovery, result)).plaintext.toString()).toBe('replicated');
    // Decrypt names the replica and answers with it: the keyring checks that the KeyId it gets back is the one it asked for.
    const decrypts = vault.history.filter((c) => c.operation === 'Decrypt');
    expect(decrypts.map((c) => [c.region, (c.input as { KeyId?: string }).KeyId])).toEqual([
      ['eu-west-1', replicaArn],
      ['eu-west-1', replicaArn],
    ]);
  });

  it('a discovery filter for another account makes no KMS call', async () => {
    const key = await createKey('us-east-1');
    const { result } = await encrypt(new KmsKeyringNode({ generatorKeyId: key.arn, clientProvider }), 'x', { encryptionContext: CONTEXT });
    const calls = vault.history.length;
    const other = new AwsKmsMrkAwareSymmetricDiscoveryKeyringNode({
      client: clientProvider('us-east-1'),
      discoveryFilter: { accountIDs: ['444455556666'], partition: 'aws' },
    });
    await expect(decrypt(other, result)).rejects.toThrow('Unable to decrypt data key');
    expect(vault.history).toHaveLength(calls);
  });

  it("Decrypt of a disabled key fails with DisabledException, which the keyring reports with KMS's message", async () => {
    const key = await createKey('us-east-1');
    const keyring = new KmsKeyringNode({ generatorKeyId: key.arn, clientProvider });
    const { result } = await encrypt(keyring, 'x', { encryptionContext: CONTEXT });
    await clientProvider('us-east-1').disableKey({ KeyId: key.keyId });
    const error = await decrypt(keyring, result).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(firstLine(error)).toContain('Unable to decrypt data key');
    expect((error as Error).message).toContain(`DisabledException: ${key.arn} is disabled.`);
    expect(vault.history.at(-1)?.error).toBeInstanceOf(DisabledException);
  });

  it('ThrottlingException is retried by the SDK client the keyring uses, so a short burst of throttling is invisible to the caller', async () => {
    const key = await createKey('us-east-1');
    const keyring = new KmsKeyringNode({ generatorKeyId: key.arn, clientProvider });
    const { result } = await encrypt(keyring, 'retried', { encryptionContext: CONTEXT });
    vault.faults.inject({ operation: 'Decrypt', error: 'ThrottlingException', times: 2 });
    expect((await decrypt(keyring, result)).plaintext.toString()).toBe('retried');
    expect(vault.history.slice(-3).map((c) => c.error?.name ?? 'ok')).toEqual(['ThrottlingException', 'ThrottlingException', 'ok']);
  });

  it('grant tokens: a role allowed only by a grant created a moment ago decrypts when the keyring passes the grant token', async () => {
    const key = await createKey('us-east-1');
    const { result } = await encrypt(new KmsKeyringNode({ generatorKeyId: key.arn, clientProvider }), 'granted', { encryptionContext: CONTEXT });
    const role = vault.addPrincipal(`arn:aws:iam::${ACCOUNT}:role/reader`);
    const asRole = (region: string): KMS => {
      const kms = new KMS({ region });
      kms.middlewareStack.use(vaultPlugin(vault, { principal: role.arn }));
      return kms;
    };
    const denied = await decrypt(new KmsKeyringNode({ keyIds: [key.arn], clientProvider: asRole }), result).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((denied as Error).message).toContain(`AccessDeniedException: User: ${role.arn} is not authorized to perform: kms:Decrypt on resource: ${key.arn}`);

    const { GrantToken } = await clientProvider('us-east-1').createGrant({ KeyId: key.keyId, GranteePrincipal: role.arn, Operations: ['Decrypt'] });
    const reader = new KmsKeyringNode({ keyIds: [key.arn], clientProvider: asRole, grantTokens: [GrantToken as string] });
    expect((await decrypt(reader, result)).plaintext.toString()).toBe('granted');
  });

  it('kms:EncryptionContext condition keys see the context the Encryption SDK sends, including the aws-crypto-public-key pair signing suites add', async () => {
    const key = await createKey('us-east-1');
    const role = vault.addPrincipal(`arn:aws:iam::${ACCOUNT}:role/app`, {
      policies: [
        {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
              Resource: key.arn,
              Condition: { StringEquals: { 'kms:EncryptionContext:tenant': 'acme' }, 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['tenant'] } },
            },
          ],
        },
      ],
    });
    const keyring = new KmsKeyringNode({ generatorKeyId: key.arn, clientProvider: (region) => connect(vault, { region, credentials: role.credentials }) });
    const suiteId = AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY;
    const { result } = await encrypt(keyring, 'allowed', { suiteId, encryptionContext: { tenant: 'acme' } });
    expect((await decrypt(keyring, result)).plaintext.toString()).toBe('allowed');

    // The keyring lets the generator's GenerateDataKey error through as the SDK threw it.
    const denial = {
      name: 'AccessDeniedException',
      message: `User: ${role.arn} is not authorized to perform: kms:GenerateDataKey on resource: ${key.arn} because no identity-based policy allows the kms:GenerateDataKey action`,
      $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    };
    await expect(encrypt(keyring, 'x', { suiteId, encryptionContext: { tenant: 'other' } })).rejects.toMatchObject(denial);
    // The default (signing) suite puts its public key in the context, which ForAllValues then refuses.
    await expect(encrypt(keyring, 'x', { encryptionContext: { tenant: 'acme' } })).rejects.toMatchObject(denial);
    expect(Object.keys((vault.history.at(-1)?.input as { EncryptionContext: object }).EncryptionContext)).toEqual(['tenant', 'aws-crypto-public-key']);
  });

  describe('hierarchical keyring (branch key store in a DynamoDB table faked with aws-sdk-client-mock)', () => {
    type Item = Record<string, { S?: string; N?: string; B?: Uint8Array }>;

    async function keyStoreWithTable(): Promise<{ keyStore: BranchKeyStoreNode; table: Map<string, Item>; kmsKey: { keyId: string; arn: string } }> {
      const kmsKey = await createKey('us-west-2');
      const keyStore = new BranchKeyStoreNode({
        logicalKeyStoreName: 'keystore',
        storage: { ddbTableName: 'keystore' },
        keyManagement: { kmsClient: clientProvider('us-west-2') },
        kmsConfiguration: { identifier: kmsKey.arn },
      });
      // The store makes its own DynamoDB client; a table in a Map answers it.
      const table = new Map<string, Item>();
      const rowKey = (item: Item): string => `${item['branch-key-id']?.S ?? ''}|${item.type?.S ?? ''}`;
      const ddb = (keyStore.storage as unknown as { ddbClient: object }).ddbClient;
      sdkMockClient(ddb as never)
        .onAnyCommand()
        .callsFake((input: { Key?: Item; TransactItems?: { Put?: { Item?: Item } }[] }) => {
          if (input.Key) return { Item: table.get(rowKey(input.Key)) };
          for (const { Put } of input.TransactItems ?? []) if (Put?.Item) table.set(rowKey(Put.Item), Put.Item);
          return {};
        });
      return { keyStore, table, kmsKey };
    }

    it('CreateKey is GenerateDataKeyWithoutPlaintext, then ReEncrypt to the ACTIVE encryption context, then one for the beacon key; the keyring round-trips', async () => {
      const { keyStore, table } = await keyStoreWithTable();
      const { branchKeyIdentifier } = await keyStore.createKey({ branchKeyIdentifier: 'tenant-a', encryptionContext: { department: 'sales' } });
      expect(vault.history.slice(1).map((c) => c.operation)).toEqual(['GenerateDataKeyWithoutPlaintext', 'ReEncrypt', 'GenerateDataKeyWithoutPlaintext']);
      expect(table.size).toBe(3);

      const { result } = await encrypt(new KmsHierarchicalKeyRingNode({ branchKeyId: branchKeyIdentifier, keyStore, cacheLimitTtl: 60 }), 'branch', {
        encryptionContext: CONTEXT,
      });
      const reader = new KmsHierarchicalKeyRingNode({ branchKeyId: branchKeyIdentifier, keyStore, cacheLimitTtl: 60 });
      expect((await decrypt(reader, result)).plaintext.toString()).toBe('branch');
      const decrypt1 = vault.history.find((c) => c.operation === 'Decrypt');
      expect(decrypt1?.input).toMatchObject({ EncryptionContext: { 'branch-key-id': 'tenant-a', type: 'branch:ACTIVE', 'aws-crypto-ec:department': 'sales' } });
    });

    it('VersionKey authenticates the active item with ReEncrypt (same context both sides); messages under the old version still decrypt', async () => {
      const { keyStore } = await keyStoreWithTable();
      const { branchKeyIdentifier } = await keyStore.createKey();
      const before = await encrypt(new KmsHierarchicalKeyRingNode({ branchKeyId: branchKeyIdentifier, keyStore, cacheLimitTtl: 60 }), 'v1', {
        encryptionContext: CONTEXT,
      });
      await keyStore.versionKey({ branchKeyIdentifier });
      const reEncrypts = vault.history
        .filter((c) => c.operation === 'ReEncrypt')
        .map((c) => c.input as { SourceEncryptionContext?: object; DestinationEncryptionContext?: object });
      expect(reEncrypts).toHaveLength(3);
      expect(reEncrypts[1]?.SourceEncryptionContext).toEqual(reEncrypts[1]?.DestinationEncryptionContext);

      const fresh = new KmsHierarchicalKeyRingNode({ branchKeyId: branchKeyIdentifier, keyStore, cacheLimitTtl: 60 });
      expect((await decrypt(fresh, before.result)).plaintext.toString()).toBe('v1');
      const after = await encrypt(fresh, 'v2', { encryptionContext: CONTEXT });
      expect(after.messageHeader.encryptedDataKeys[0]?.providerInfo).toBe(branchKeyIdentifier);
      expect((await decrypt(fresh, after.result)).plaintext.toString()).toBe('v2');
    });

    it('an item whose encryption context was altered in the table fails KMS Decrypt with InvalidCiphertextException (the context is authenticated)', async () => {
      const { keyStore, table } = await keyStoreWithTable();
      const { branchKeyIdentifier } = await keyStore.createKey({ branchKeyIdentifier: 'tenant-b', encryptionContext: { department: 'sales' } });
      const active = table.get(`${branchKeyIdentifier}|branch:ACTIVE`) as Item;
      active['aws-crypto-ec:department'] = { S: 'marketing' };
      const error = await keyStore.getActiveBranchKey(branchKeyIdentifier).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(KMSServiceException);
      expect((error as KMSServiceException).name).toBe('InvalidCiphertextException');
      expect((error as KMSServiceException).$metadata.httpStatusCode).toBe(400);
    });
  });
});
