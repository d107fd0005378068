import { randomBytes } from 'node:crypto';
import {
  KMSClient,
  KMSServiceException,
  DescribeKeyCommand,
  EncryptCommand,
  DecryptCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
} from '@aws-sdk/client-kms';
import { KmsVault, KmsVaultMockError, vaultPlugin, type OperationName, type Scenario } from '../../src';
import { externalKey, importMaterial, wrapKeyMaterial } from '../helpers/import-material';

const START = new Date('2026-03-01T00:00:00Z');
const OTHER = '444455556666';

function clientOf(vault: KmsVault, region = 'us-east-1'): KMSClient {
  const kms = new KMSClient({ region });
  kms.middlewareStack.use(vaultPlugin(vault));
  return kms;
}

/** A vault holding every kind of state the document must carry, and an import token issued before the snapshot. */
async function richVault() {
  const vault = new KmsVault({ seed: 'state-document', clock: START });
  const kms = clientOf(vault);
  const run = <K extends OperationName>(op: K, input: object, options = {}) => vault.execute(op, input as never, options);

  const plain = run('CreateKey', { Description: 'plain', Tags: [{ TagKey: 'team', TagValue: 'a' }] }).KeyMetadata?.KeyId as string;
  run('CreateAlias', { AliasName: 'alias/plain', TargetKeyId: plain });
  vault.clock.advance({ days: 2 });
  const other = run('CreateKey', {}).KeyMetadata?.KeyId as string;
  run('UpdateAlias', { AliasName: 'alias/plain', TargetKeyId: other });
  run('Encrypt', { KeyId: plain, Plaintext: Buffer.from('used') });
  run('EnableKeyRotation', { KeyId: plain, RotationPeriodInDays: 90 });
  run('RotateKeyOnDemand', { KeyId: plain });
  run('RotateKeyOnDemand', { KeyId: plain });
  const disabled = run('CreateKey', {}).KeyMetadata?.KeyId as string;
  run('DisableKey', { KeyId: disabled });
  const doomed = run('CreateKey', {}).KeyMetadata?.KeyId as string;
  run('ScheduleKeyDeletion', { KeyId: doomed, PendingWindowInDays: 9 });
  run('CreateKey', { KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC' });
  run('CreateKey', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });

  const imported = await externalKey(kms);
  await importMaterial(kms, imported.keyId, randomBytes(32), {
    ExpirationModel: 'KEY_MATERIAL_EXPIRES',
    ValidTo: new Date(START.getTime() + 100 * 86_400_000),
  });
  const pendingImport = await externalKey(kms);
  const params = await kms.send(
    new GetParametersForImportCommand({ KeyId: pendingImport.keyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }),
  );

  const primary = run('CreateKey', { MultiRegion: true }).KeyMetadata?.Arn as string;
  run('ReplicateKey', { KeyId: primary, ReplicaRegion: 'eu-west-1' });
  const deletedPrimary = run('CreateKey', { MultiRegion: true }).KeyMetadata?.Arn as string;
  run('ReplicateKey', { KeyId: deletedPrimary, ReplicaRegion: 'eu-west-1' });
  run('ScheduleKeyDeletion', { KeyId: deletedPrimary, PendingWindowInDays: 7 });
  run('CreateKey', { Description: 'other account' }, { accountId: OTHER, region: 'ap-south-1' });

  vault.addPrincipal('arn:aws:iam::111122223333:role/app', {
    policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] }],
  });
  vault.addPrincipal(`arn:aws:iam::${OTHER}:user/ops`);
  // The last call made the eu-west-1 replica of the second primary: it is still Creating.
  const creating = run('ReplicateKey', { KeyId: primary, ReplicaRegion: 'ap-northeast-1' }).ReplicaKeyMetadata?.KeyState;
  return { vault, params, pendingImport, plain, creating };
}

/** Every read a user can make of the vault, in a fixed order. */
function reads(vault: KmsVault): unknown[] {
  const out: unknown[] = [];
  const read = <K extends OperationName>(op: K, input: object, where: { region: string; accountId: string }) => {
    try {
      const { $metadata: _m, ...rest } = vault.executeInternal(op, input as never, where) as { $metadata: unknown };
      out.push([op, rest]);
    } catch (error) {
      out.push([op, (error as Error).name, (error as Error).message]);
    }
  };
  const places = [
    { region: 'us-east-1', accountId: '111122223333' },
    { region: 'eu-west-1', accountId: '111122223333' },
    { region: 'ap-northeast-1', accountId: '111122223333' },
    { region: 'ap-south-1', accountId: OTHER },
  ];
  for (const where of places) {
    read('ListAliases', {}, where);
    const keys = (vault.executeInternal('ListKeys', {}, where).Keys ?? []).map((k) => k.KeyId as string);
    out.push(keys);
    for (const KeyId of keys) {
      for (const op of ['DescribeKey', 'GetKeyRotationStatus', 'ListKeyRotations', 'ListResourceTags', 'GetKeyLastUsage'] as const) read(op, { KeyId }, where);
    }
  }
  return out;
}

describe('the state document (issue 9: a lossless, versioned state)', () => {
  it('a vault loaded from a snapshot writes the same snapshot, with every kind of state in it', async () => {
    const { vault, creating } = await richVault();
    expect(creating).toBe('Creating');
    const document = vault.snapshot();
    expect(document.formatVersion).toBe(1);
    const states = new Set((document.keys ?? []).map((k) => k.state));
    expect(states).toEqual(new Set(['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport', 'PendingReplicaDeletion', 'Creating']));
    const copy = new KmsVault({ clock: START });
    copy.load(JSON.parse(JSON.stringify(document)) as Scenario);
    expect(copy.snapshot()).toEqual(document);
  });

  it('answers every read exactly as the original: keys, states, aliases with their dates, tags, rotations, last usage', async () => {
    const { vault } = await richVault();
    const copy = new KmsVault({ clock: new Date(vault.clock.now()) });
    copy.load(vault.snapshot());
    expect(reads(copy)).toEqual(reads(vault));
  });

  it('keeps transient states until the next request, as the original does (Creating, then Enabled)', async () => {
    const { vault } = await richVault();
    const copy = new KmsVault({ clock: new Date(vault.clock.now()) });
    copy.load(vault.snapshot());
    const replica = copy.snapshot().keys?.find((k) => k.region === 'ap-northeast-1');
    expect(replica?.state).toBe('Creating');
    const described = copy.executeInternal('DescribeKey', { KeyId: replica?.keyId as string }, { region: 'ap-northeast-1' });
    expect(described.KeyMetadata?.KeyState).toBe('Enabled');
  });

  it('keeps principals with their policies and credentials', async () => {
    const { vault } = await richVault();
    const copy = new KmsVault();
    copy.load(vault.snapshot());
    const original = vault.state.principals.get('arn:aws:iam::111122223333:role/app');
    const loaded = copy.state.principals.get('arn:aws:iam::111122223333:role/app');
    expect(loaded?.credentials).toEqual(original?.credentials);
    expect(loaded?.policies).toEqual(original?.policies);
    expect(copy.principalByAccessKey(original?.credentials.accessKeyId as string)?.caller.arn).toBe('arn:aws:iam::111122223333:role/app');
  });

  it('keeps the import-token key: a token issued before the snapshot imports into the loaded vault', async () => {
    const { vault, params, pendingImport } = await richVault();
    const copy = new KmsVault({ clock: new Date(vault.clock.now()) });
    copy.load(vault.snapshot());
    const kms = clientOf(copy);
    const material = randomBytes(32);
    await kms.send(
      new ImportKeyMaterialCommand({
        KeyId: pendingImport.keyId,
        ImportToken: params.ImportToken,
        EncryptedKeyMaterial: wrapKeyMaterial(params.PublicKey as Uint8Array, 'RSAES_OAEP_SHA_256', material),
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
      }),
    );
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: pendingImport.keyId }));
    expect(KeyMetadata?.KeyState).toBe('Enabled');
  });

  it('old ciphertexts decrypt in the loaded vault', async () => {
    const { vault, plain } = await richVault();
    const { CiphertextBlob } = await clientOf(vault).send(new EncryptCommand({ KeyId: plain, Plaintext: Buffer.from('kept') }));
    const copy = new KmsVault();
    copy.load(vault.snapshot());
    const { Plaintext } = await clientOf(copy).send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(Plaintext as Uint8Array).toString()).toBe('kept');
  });

  it('a document of an unknown format version fails with a library error that says so', () => {
    const vault = new KmsVault();
    expect(() => vault.load({ formatVersion: 99, name: 'future' })).toThrow(KmsVaultMockError);
    expect(() => vault.load({ formatVersion: 99, name: 'future' })).toThrow(/format version 99/);
  });

  it('loading is not a call: no history, no last usage, no injected fault met', async () => {
    const vault = new KmsVault();
    vault.faults.inject({ operation: 'CreateKey', error: 'ThrottlingException' });
    const loaded = vault.load({ name: 'fixture', keys: [{ ref: 'k', ciphertexts: [{ name: 'c', plaintext: 'x' }] }] });
    expect(vault.history).toHaveLength(0);
    const usage = vault.executeInternal('GetKeyLastUsage', { KeyId: loaded.keys.k?.keyId as string });
    expect(usage.KeyLastUsage).toBeUndefined();
    const described = await clientOf(vault).send(new DescribeKeyCommand({ KeyId: loaded.keys.k?.keyId }));
    expect(described.KeyMetadata?.KeyId).toBe(loaded.keys.k?.keyId);
    await expect(clientOf(vault).send(new (await import('@aws-sdk/client-kms')).CreateKeyCommand({}))).rejects.toBeInstanceOf(KMSServiceException);
  });
});

describe('loading into a seeded vault', () => {
  it('a vault with the same seed loads the snapshot of another (its key ids come from the same sequence)', () => {
    const original = new KmsVault({ seed: 'same', clock: START });
    for (let i = 0; i < 3; i++) original.execute('CreateKey', {});
    const document = original.snapshot();
    const copy = new KmsVault({ seed: 'same', clock: START });
    copy.load(document);
    expect(copy.snapshot()).toEqual(document);
  });

  it('keys made after loading never take the id or key material of a loaded key (the sequence does not start again)', () => {
    // Draws between the snapshot's keys put them further along the seed's sequence than the loader gets.
    const original = new KmsVault({ seed: 'same', clock: START });
    const first = original.execute('CreateKey', {}).KeyMetadata?.KeyId as string;
    for (let i = 0; i < 20; i++) original.execute('Encrypt', { KeyId: first, Plaintext: Buffer.from('x') });
    const loadedIds = [first, ...Array.from({ length: 3 }, () => original.execute('CreateKey', {}).KeyMetadata?.KeyId as string)];
    const loadedMaterial = new Set(original.snapshot().keys?.flatMap((k) => k.materials?.map((m) => m.id) ?? []));
    const copy = new KmsVault({ seed: 'same', clock: START });
    copy.load(original.snapshot());
    const made = Array.from({ length: 5 }, () => copy.execute('CreateKey', {}).KeyMetadata);
    expect(made.map((m) => m?.KeyId).filter((id) => loadedIds.includes(id as string))).toEqual([]);
    expect(made.map((m) => m?.CurrentKeyMaterialId).filter((id) => loadedMaterial.has(id as string))).toEqual([]);
    expect(copy.execute('ListKeys', {}).Keys).toHaveLength(loadedIds.length + made.length);
    // Still a seed: the same document loaded into the same seed makes the same keys next.
    const again = new KmsVault({ seed: 'same', clock: START });
    again.load(original.snapshot());
    expect(again.execute('CreateKey', {}).KeyMetadata?.KeyId).toBe(made[0]?.KeyId);
  });
});

describe('vault.load checks the document and is all or nothing', () => {
  it('a value that is no document is a library error, never a TypeError', () => {
    const vault = new KmsVault();
    expect(() => vault.load(null as unknown as Scenario)).toThrow(KmsVaultMockError);
    expect(() => vault.load({ name: 'typo', keys: [{ keyspec: 'RSA_2048' }] } as unknown as Scenario)).toThrow(/keys\[0\]\.keyspec/);
  });

  it('a document that fails halfway leaves the vault exactly as it was', () => {
    const vault = new KmsVault({ seed: 'atomic', clock: START });
    vault.execute('CreateKey', { Description: 'kept' });
    const before = vault.snapshot();
    // The second key is a replica whose primary is not in the document: loading fails after the first key.
    const broken: Scenario = {
      name: 'broken',
      keys: [{ ref: 'fine' }, { keyId: 'mrk-00000000000000000000000000000000', region: 'eu-west-1', multiRegion: { primaryRegion: 'us-east-1' } }],
    };
    expect(() => vault.load(broken)).toThrow(KmsVaultMockError);
    expect(vault.snapshot()).toEqual(before);
  });
});

describe('grant tokens in the state document', () => {
  it('a token of a grant retired before the snapshot is still recognised after loading (no InvalidGrantTokenException)', () => {
    const vault = new KmsVault({ clock: START });
    const keyId = vault.execute('CreateKey', {}).KeyMetadata?.KeyId as string;
    const grant = vault.execute('CreateGrant', { KeyId: keyId, GranteePrincipal: 'arn:aws:iam::111122223333:role/app', Operations: ['Encrypt'] });
    vault.execute('RevokeGrant', { KeyId: keyId, GrantId: grant.GrantId as string });
    const encrypt = (v: KmsVault) => v.execute('Encrypt', { KeyId: keyId, Plaintext: Buffer.from('x'), GrantTokens: [grant.GrantToken as string] });
    expect(encrypt(vault).KeyId).toMatch(/^arn:aws:kms:/);
    const document = vault.snapshot();
    expect(document.retiredGrantTokens).toEqual([grant.GrantToken]);
    const copy = new KmsVault({ clock: START });
    copy.load(document);
    expect(copy.snapshot()).toEqual(document);
    expect(encrypt(copy).KeyId).toMatch(/^arn:aws:kms:/);
  });
});
