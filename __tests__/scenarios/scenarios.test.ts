import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DecryptCommand,
  DescribeKeyCommand,
  DisabledException,
  EncryptCommand,
  KMSClient,
  KMSInvalidStateException,
  ListKeyRotationsCommand,
} from '@aws-sdk/client-kms';
import { KmsVault, KmsVaultMockError, composeScenarios, defineScenario, loadScenarioFile, scenarioToYaml, scenarios, vaultPlugin } from '../../src';
import { externalKey, importMaterial } from '../helpers/import-material';
import { kmsErrorOf } from '../helpers/vault-client';

function client(vault: KmsVault, region = 'us-east-1'): KMSClient {
  const kms = new KMSClient({ region });
  kms.middlewareStack.use(vaultPlugin(vault));
  return kms;
}

describe('scenario fixtures', () => {
  it('disabled-key: the key exists, is Disabled, and its ciphertext fails with DisabledException (Developer Guide, key states)', async () => {
    const vault = new KmsVault();
    const loaded = vault.load(scenarios['disabled-key']);
    const kms = client(vault);
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/disabled' }));
    expect(KeyMetadata?.KeyState).toBe('Disabled');
    expect(KeyMetadata?.Arn).toBe(loaded.keys.disabled?.arn);
    expect(await kmsErrorOf(kms.send(new DecryptCommand({ CiphertextBlob: loaded.ciphertexts['disabled-secret'] })))).toBeInstanceOf(DisabledException);
  });

  it('key-pending-deletion: KMSInvalidStateException, and gone after the waiting period', async () => {
    const vault = new KmsVault();
    vault.load(scenarios['key-pending-deletion']);
    const kms = client(vault);
    expect(await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: 'alias/doomed', Plaintext: Buffer.from('x') })))).toBeInstanceOf(KMSInvalidStateException);
    vault.clock.advance({ days: 7 });
    expect((await kmsErrorOf(kms.send(new DescribeKeyCommand({ KeyId: 'alias/doomed' })))).name).toBe('NotFoundException');
  });

  it('rotated-key: the old ciphertext was made under the original material and still decrypts', async () => {
    const vault = new KmsVault();
    const loaded = vault.load(scenarios['rotated-key']);
    const kms = client(vault);
    const rotations = await kms.send(new ListKeyRotationsCommand({ KeyId: loaded.keys.rotated?.keyId }));
    expect(rotations.Rotations).toHaveLength(2);
    const old = await kms.send(new DecryptCommand({ CiphertextBlob: loaded.ciphertexts.old, EncryptionContext: { version: 'old' } }));
    const fresh = await kms.send(new DecryptCommand({ CiphertextBlob: loaded.ciphertexts.new, EncryptionContext: { version: 'new' } }));
    expect(Buffer.from(old.Plaintext ?? []).toString()).toBe('encrypted under the original key material');
    expect(old.KeyMaterialId).not.toBe(fresh.KeyMaterialId);
  });

  it('multi-region-pair: the ciphertext made in us-east-1 decrypts through a eu-west-1 client', async () => {
    const vault = new KmsVault();
    const loaded = vault.load(scenarios['multi-region-pair']);
    const out = await client(vault, 'eu-west-1').send(new DecryptCommand({ CiphertextBlob: loaded.ciphertexts['travelling-secret'] }));
    expect(Buffer.from(out.Plaintext ?? []).toString()).toBe('decrypts in either region');
    expect(out.KeyId).toContain(':eu-west-1:');
  });

  it('shared-key-from-another-account: usable by ARN from the vault account', async () => {
    const vault = new KmsVault();
    const loaded = vault.load(scenarios['shared-key-from-another-account']);
    const arn = loaded.keys.shared?.arn as string;
    expect(arn).toContain(':999988887777:');
    const kms = client(vault);
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') }));
    const decrypted = await kms.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(decrypted.Plaintext ?? []).toString()).toBe('x');
    expect(decrypted.KeyId).toBe(arn);
  });

  it('throttling-under-load: some calls are throttled, the same ones for the same seed', async () => {
    const run = async () => {
      const vault = new KmsVault({ seed: 'load' });
      vault.load(scenarios['throttling-under-load']);
      const kms = new KMSClient({ region: 'us-east-1', maxAttempts: 1 });
      kms.middlewareStack.use(vaultPlugin(vault));
      const out: string[] = [];
      for (let i = 0; i < 30; i++)
        out.push(
          await kms.send(new EncryptCommand({ KeyId: 'alias/busy', Plaintext: Buffer.from('x') })).then(
            () => '.',
            (e: Error) => e.name[0] ?? '?',
          ),
        );
      return out.join('');
    };
    const a = await run();
    expect(a).toMatch(/T/);
    expect(a).toMatch(/\./);
    expect(await run()).toBe(a);
  });

  it('composes scenarios and rejects a key named twice', () => {
    const both = composeScenarios('both', scenarios['disabled-key'], scenarios['rotated-key']);
    expect(both.keys).toHaveLength(2);
    expect(() => composeScenarios('twice', scenarios['disabled-key'], scenarios['disabled-key'])).toThrow(KmsVaultMockError);
    expect(() => defineScenario({ name: '' })).toThrow(/name/);
  });

  it('snapshot() exports the vault to the scenario format; loading it elsewhere reproduces keys, aliases and decryptable ciphertexts', async () => {
    const vault = new KmsVault();
    const loaded = vault.load(composeScenarios('mix', scenarios['rotated-key'], scenarios['multi-region-pair'], scenarios['disabled-key']));
    const snap = vault.snapshot('mine');
    const dir = mkdtempSync(join(tmpdir(), 'kvm-'));
    writeFileSync(join(dir, 'snap.yaml'), scenarioToYaml(snap));
    writeFileSync(join(dir, 'snap.json'), JSON.stringify(snap));
    for (const file of ['snap.yaml', 'snap.json']) {
      const copy = new KmsVault();
      copy.load(loadScenarioFile(join(dir, file)));
      // Compared before the copy is used: a Decrypt is recorded as the key's last use, which is state.
      expect(copy.snapshot('mine')).toEqual(snap);
      const kms = client(copy);
      const old = await kms.send(new DecryptCommand({ CiphertextBlob: loaded.ciphertexts.old, EncryptionContext: { version: 'old' } }));
      expect(Buffer.from(old.Plaintext ?? []).toString()).toBe('encrypted under the original key material');
      expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/disabled' }))).KeyMetadata?.KeyState).toBe('Disabled');
      const west = await client(copy, 'eu-west-1').send(new DecryptCommand({ CiphertextBlob: loaded.ciphertexts['travelling-secret'] }));
      expect(Buffer.from(west.Plaintext ?? []).toString()).toBe('decrypts in either region');
    }
  });

  it('snapshots keys with imported key material: a key waiting for its first import, imported material with its expiry, deleted material (Developer Guide, importing key material)', async () => {
    const start = new Date('2026-05-01T12:00:00Z');
    const vault = new KmsVault({ clock: start });
    const kms = client(vault);
    const waiting = await externalKey(kms, { Description: 'waiting' });
    const expiring = await externalKey(kms);
    await importMaterial(kms, expiring.keyId, Buffer.alloc(32, 9), { ValidTo: new Date(start.getTime() + 5 * 86_400_000) });
    const sealed = await kms.send(new EncryptCommand({ KeyId: expiring.keyId, Plaintext: Buffer.from('imported') }));
    const deleted = await externalKey(kms, { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    await importMaterial(kms, deleted.keyId, Buffer.alloc(40, 5));
    vault.execute('DeleteImportedKeyMaterial', { KeyId: deleted.keyId });
    const snap = vault.snapshot('imported');

    const copy = new KmsVault({ clock: start });
    copy.load(JSON.parse(JSON.stringify(snap)));
    expect(copy.snapshot('imported')).toEqual(snap);
    const copied = client(copy);
    const state = async (keyId: string) => (await copied.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
    expect(await state(waiting.keyId)).toMatchObject({ KeyState: 'PendingImport', Description: 'waiting' });
    expect(await state(deleted.keyId)).toMatchObject({ KeyState: 'PendingImport' });
    expect(await state(expiring.keyId)).toMatchObject({ KeyState: 'Enabled', ExpirationModel: 'KEY_MATERIAL_EXPIRES' });
    const opened = await copied.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob }));
    expect(Buffer.from(opened.Plaintext ?? []).toString()).toBe('imported');
    copy.clock.advance({ days: 5 });
    expect(await state(expiring.keyId)).toMatchObject({ KeyState: 'PendingImport' });
  });

  it('reports a broken scenario file as a library error that names it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvm-'));
    writeFileSync(join(dir, 'bad.yaml'), 'name: [unclosed');
    expect(() => loadScenarioFile(join(dir, 'bad.yaml'))).toThrow(KmsVaultMockError);
    const vault = new KmsVault();
    expect(() => vault.load(defineScenario({ name: 'broken', keys: [{ materials: [{ id: 'x', secret: '', createdAt: 'now' }] }] }))).toThrow(
      /Scenario 'broken'/,
    );
  });

  it('npx kms-vault-mock scenarios lists the catalogue, one line each', () => {
    const out = execFileSync('npx', ['tsx', join(__dirname, '../../src/scenarios/cli.ts'), 'scenarios'], { encoding: 'utf8' });
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(Object.keys(scenarios).length);
    expect(lines[0]).toMatch(/^disabled-key\s+A symmetric key/);
  });
});
