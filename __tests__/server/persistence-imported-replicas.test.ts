import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DecryptCommand, DescribeKeyCommand, EncryptCommand, KMSClient, ReplicateKeyCommand } from '@aws-sdk/client-kms';
import { KmsVault } from '../../src';
import { startServer } from '../../src/server/start-server';
import { externalKey, importMaterial } from '../helpers/import-material';

jest.setTimeout(120_000);

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'dummy' };
const clientOf = (url: string, region: string): KMSClient => new KMSClient({ region, credentials, endpoint: url, maxAttempts: 1 });
const DAY = 86_400_000;

let dir: string;
let image: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-mrk-import-'));
  image = mkdtempSync(join(tmpdir(), 'kms-vault-mock-mrk-import-image-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(image, { recursive: true, force: true });
});

async function stateDocument(url: string): Promise<Record<string, unknown>> {
  const doc = (await (await fetch(`${url}/_kms-vault-mock/state`)).json()) as Record<string, unknown>;
  const keys = [...(doc.keys as Record<string, unknown>[])].sort((a, b) =>
    `${String(a.region)}/${String(a.keyId)}`.localeCompare(`${String(b.region)}/${String(b.keyId)}`),
  );
  return { ...doc, keys };
}

describe('a data directory keeps multi-Region keys with imported key material (each replica\'s own material and import state, Developer Guide: "Importing key material into multi-Region keys")', () => {
  it('after a crash the journal replays each replica with its own material, expiration and pending material: same state document, same states, the replica decrypts what it did before', async () => {
    const vault = new KmsVault();
    let before: Record<string, unknown>;
    let ciphertext: Uint8Array | undefined;
    let keyId: string;
    const validTo = new Date(Math.ceil((Date.now() + 10 * DAY) / 1000) * 1000);
    {
      await using server = await startServer({ vault, port: 0, dataDir: dir });
      const [east, west, north] = ['us-east-1', 'eu-west-1', 'eu-north-1'].map((r) => clientOf(server.url, r)) as [KMSClient, KMSClient, KMSClient];
      keyId = (await externalKey(east, { MultiRegion: true })).keyId;
      const first = randomBytes(32);
      await importMaterial(east, keyId, first);
      await east.send(new ReplicateKeyCommand({ KeyId: keyId, ReplicaRegion: 'eu-west-1' }));
      await east.send(new ReplicateKeyCommand({ KeyId: keyId, ReplicaRegion: 'eu-north-1' }));
      await importMaterial(west, keyId, first, { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo });
      const next = randomBytes(32);
      await importMaterial(east, keyId, next, { ImportType: 'NEW_KEY_MATERIAL' });
      await importMaterial(west, keyId, next, { ImportType: 'EXISTING_KEY_MATERIAL' });
      ciphertext = (await west.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array([7, 8, 9]) }))).CiphertextBlob;
      before = await stateDocument(server.url);
      // What a crash right now would leave on disk.
      cpSync(dir, image, { recursive: true, filter: (source) => !source.endsWith('server.lock') });
      for (const kms of [east, west, north]) kms.destroy();
    }
    await using restored = await startServer({ port: 0, dataDir: image });
    // Usage (last use) is journaled up to a second later: compare everything else.
    const withoutUsage = (doc: Record<string, unknown>) => ({ ...doc, keys: (doc.keys as Record<string, unknown>[]).map(({ lastUsage: _u, ...k }) => k) });
    expect(withoutUsage(await stateDocument(restored.url))).toEqual(withoutUsage(before));
    const [east, west, north] = ['us-east-1', 'eu-west-1', 'eu-north-1'].map((r) => clientOf(restored.url, r)) as [KMSClient, KMSClient, KMSClient];
    try {
      const describe = async (kms: KMSClient) => (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
      expect(await describe(west)).toMatchObject({ KeyState: 'Enabled', ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo });
      expect((await describe(north))?.KeyState).toBe('PendingImport');
      expect((await describe(east))?.KeyState).toBe('Enabled');
      const plain = await west.send(new DecryptCommand({ CiphertextBlob: ciphertext }));
      expect([...(plain.Plaintext ?? [])]).toEqual([7, 8, 9]);
    } finally {
      for (const kms of [east, west, north]) kms.destroy();
    }
  });
});
