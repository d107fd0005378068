import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateAliasCommand,
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  KMSClient,
  ListKeyRotationsCommand,
  ListKeysCommand,
  PutKeyPolicyCommand,
  ReplicateKeyCommand,
  RetireGrantCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAliasCommand,
  UpdateKeyDescriptionCommand,
  UpdatePrimaryRegionCommand,
} from '@aws-sdk/client-kms';
import { KmsVault, KmsVaultMockError } from '../../src';
import { startServer } from '../../src/server/start-server';
import { encodeRecord, Journal, readJournal } from '../../src/store/journal';
import { externalKey, importMaterial } from '../helpers/import-material';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';

jest.setTimeout(120_000);

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'dummy' };
const clientOf = (url: string, region = 'us-east-1'): KMSClient => new KMSClient({ region, credentials, endpoint: url, maxAttempts: 1 });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-journal-'));
});
afterEach(() => {
  delete process.env.KMS_VAULT_MOCK_COMPACT_AFTER_BYTES;
  rmSync(dir, { recursive: true, force: true });
});

const journals = (): string[] =>
  readdirSync(dir)
    .filter((n) => /^journal-\d+\.log$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));

async function state(url: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`${url}/_kms-vault-mock/state`)).json()) as Record<string, unknown>;
}

/** A state document with its lists in a fixed order, to compare two documents of the same vault. */
function normalized(doc: Record<string, unknown>): unknown {
  const keys: Record<string, unknown>[] = (doc.keys as Record<string, unknown>[]).map((k) => ({
    ...k,
    aliases: [...(k.aliases as { name: string }[])].sort((a, b) => a.name.localeCompare(b.name)),
  }));
  keys.sort((a, b) => `${String(a.region)}/${String(a.keyId)}`.localeCompare(`${String(b.region)}/${String(b.keyId)}`));
  const grants = [...((doc.grants as { grantId: string }[] | undefined) ?? [])].sort((a, b) => a.grantId.localeCompare(b.grantId));
  return { ...doc, keys, grants };
}

async function withServe<T>(args: string[], use: (server: ServeProcess) => Promise<T>, stopWith: NodeJS.Signals = 'SIGTERM'): Promise<T> {
  const server = await startServeProcess(['--port', '0', '--data-dir', dir, ...args]);
  try {
    return await use(server);
  } finally {
    await server.stop(stopWith);
  }
}

describe('the journal of a data directory', () => {
  it('replay is exact: after kill -9 the state document is the one the server held, for every kind of change', async () => {
    const before = await withServe(
      [],
      async (server) => {
        const kms = clientOf(server.url);
        const a = (await kms.send(new CreateKeyCommand({ Description: 'a', Tags: [{ TagKey: 't', TagValue: '1' }] }))).KeyMetadata?.KeyId as string;
        const b = (await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }))).KeyMetadata?.KeyId as string;
        const c = (await kms.send(new CreateKeyCommand({ Description: 'c' }))).KeyMetadata?.KeyId as string;
        await kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }));
        await kms.send(new CreateAliasCommand({ AliasName: 'alias/moves', TargetKeyId: a }));
        await kms.send(new CreateAliasCommand({ AliasName: 'alias/goes', TargetKeyId: a }));
        await kms.send(new UpdateAliasCommand({ AliasName: 'alias/moves', TargetKeyId: c }));
        await kms.send(new DeleteAliasCommand({ AliasName: 'alias/goes' }));
        await kms.send(new TagResourceCommand({ KeyId: a, Tags: [{ TagKey: 'u', TagValue: '2' }] }));
        await kms.send(new UntagResourceCommand({ KeyId: a, TagKeys: ['t'] }));
        await kms.send(new UpdateKeyDescriptionCommand({ KeyId: a, Description: 'a, described again' }));
        const policy = JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }],
        });
        await kms.send(new PutKeyPolicyCommand({ KeyId: a, PolicyName: 'default', Policy: policy }));
        await kms.send(new EnableKeyRotationCommand({ KeyId: a, RotationPeriodInDays: 100 }));
        await kms.send(new RotateKeyOnDemandCommand({ KeyId: a }));
        await kms.send(new DisableKeyCommand({ KeyId: b }));
        await kms.send(new ScheduleKeyDeletionCommand({ KeyId: c, PendingWindowInDays: 7 }));
        const kept = await kms.send(new CreateGrantCommand({ KeyId: a, GranteePrincipal: 'arn:aws:iam::111122223333:role/kept', Operations: ['Encrypt'] }));
        const retired = await kms.send(new CreateGrantCommand({ KeyId: a, GranteePrincipal: 'arn:aws:iam::111122223333:role/gone', Operations: ['Decrypt'] }));
        await kms.send(new RetireGrantCommand({ KeyId: a, GrantId: retired.GrantId }));
        expect(kept.GrantId).toBeDefined();
        const mrk = (await kms.send(new CreateKeyCommand({ MultiRegion: true }))).KeyMetadata?.Arn as string;
        await kms.send(new ReplicateKeyCommand({ KeyId: mrk, ReplicaRegion: 'us-west-2' }));
        await kms.send(new UpdatePrimaryRegionCommand({ KeyId: mrk, PrimaryRegion: 'us-west-2' }));
        await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/s3' }));
        const external = await externalKey(kms);
        await importMaterial(kms, external.keyId, new Uint8Array(32).fill(9));
        await clientOf(server.url, 'eu-west-1').send(new CreateKeyCommand({ Description: 'elsewhere' }));
        kms.destroy();
        return state(server.url);
      },
      'SIGKILL',
    );
    expect(journals().length).toBeGreaterThan(0);
    const after = await withServe([], async (server) => {
      // Transient states (a new primary Region is Updating) settle before the next KMS request, as
      // they did before the state was read above; the state endpoint itself is not a KMS request.
      await clientOf(server.url).send(new ListKeysCommand({}));
      return state(server.url);
    });
    expect(normalized(after)).toEqual(normalized(before));
  });

  it('a torn last record (a crash in the middle of its write) is dropped, never fatal; the records before it load', async () => {
    const ids = await withServe(
      [],
      async (server) => {
        const kms = clientOf(server.url);
        const out: string[] = [];
        for (let i = 0; i < 3; i++) out.push((await kms.send(new CreateKeyCommand({ Description: `k${i}` }))).KeyMetadata?.KeyId as string);
        kms.destroy();
        return out;
      },
      'SIGKILL',
    );
    const last = journals().at(-1) as string;
    // Half of a record, as a write cut short by a crash leaves it: no newline, JSON cut off.
    const whole = encodeRecord({ keys: [{ keyId: 'never-acknowledged', description: 'cut off' }] });
    appendFileSync(join(dir, last), whole.slice(0, Math.floor(whole.length / 2)));
    await withServe(
      [],
      async (server) => {
        const kms = clientOf(server.url);
        expect((await kms.send(new ListKeysCommand({}))).Keys?.map((k) => k.KeyId).sort()).toEqual([...ids].sort());
        // The restarted server goes on writing, and what it writes survives the next kill too.
        ids.push((await kms.send(new CreateKeyCommand({ Description: 'after the torn record' }))).KeyMetadata?.KeyId as string);
        kms.destroy();
      },
      'SIGKILL',
    );
    await withServe([], async (server) => {
      const kms = clientOf(server.url);
      expect((await kms.send(new ListKeysCommand({}))).Keys?.map((k) => k.KeyId).sort()).toEqual([...ids].sort());
      kms.destroy();
    });
  });

  it('a whole record whose checksum does not match, at the end, is dropped like a torn one', async () => {
    {
      await using server = await startServer({ port: 0, dataDir: dir });
      await clientOf(server.url).send(new CreateKeyCommand({}));
    }
    const line = encodeRecord({ keys: [] });
    writeFileSync(join(dir, 'journal-1.log'), `${line.slice(0, 3)}${line[3] === '0' ? '1' : '0'}${line.slice(4)}`);
    await using server = await startServer({ port: 0, dataDir: dir });
    expect((await clientOf(server.url).send(new ListKeysCommand({}))).Keys).toHaveLength(1);
  });

  it('a damaged record followed by whole ones is not what a crash leaves: the start stops with a message naming the journal', async () => {
    {
      await using server = await startServer({ port: 0, dataDir: dir });
      await clientOf(server.url).send(new CreateKeyCommand({}));
    }
    writeFileSync(join(dir, 'journal-1.log'), `0000 {"keys":[]}\n${encodeRecord({ keys: [] })}`);
    await expect(startServer({ port: 0, dataDir: dir })).rejects.toThrow(KmsVaultMockError);
    await expect(startServer({ port: 0, dataDir: dir })).rejects.toThrow(/journal-1\.log has a damaged record \(number 1\) before whole ones/);
  });

  it('compaction folds the journal into the state document and deletes the folded journals; nothing is lost', async () => {
    process.env.KMS_VAULT_MOCK_COMPACT_AFTER_BYTES = '1';
    const ids: string[] = [];
    {
      await using server = await startServer({ port: 0, dataDir: dir });
      const kms = clientOf(server.url);
      for (let i = 0; i < 12; i++) ids.push((await kms.send(new CreateKeyCommand({ Description: `k${i}` }))).KeyMetadata?.KeyId as string);
      // Let the last compaction finish.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const document = readFileSync(join(dir, 'state.json'), 'utf8');
      expect(ids.filter((id) => document.includes(id)).length).toBeGreaterThan(6);
      expect(journals().length).toBeLessThanOrEqual(2);
    }
    // A clean shutdown folds everything: one document, one empty journal.
    expect(
      journals()
        .map((n) => readFileSync(join(dir, n), 'utf8'))
        .join(''),
    ).toBe('');
    const document = readFileSync(join(dir, 'state.json'), 'utf8');
    expect(ids.every((id) => document.includes(id))).toBe(true);
    await using server = await startServer({ port: 0, dataDir: dir });
    expect((await clientOf(server.url).send(new ListKeysCommand({}))).Keys?.map((k) => k.KeyId).sort()).toEqual([...ids].sort());
  });

  it('PUT /_kms-vault-mock/state replaces the state and resets the journal: after kill -9 the vault is the document put, not what came before', async () => {
    const putDoc = await withServe(
      [],
      async (server) => {
        const kms = clientOf(server.url);
        for (let i = 0; i < 3; i++) await kms.send(new CreateKeyCommand({ Description: `before ${i}` }));
        const only = (await state(server.url)) as { keys: unknown[] };
        const doc = { ...only, keys: only.keys.slice(0, 1) };
        const put = await fetch(`${server.url}/_kms-vault-mock/state`, { method: 'PUT', body: JSON.stringify(doc) });
        expect(put.status).toBe(200);
        await kms.send(new TagResourceCommand({ KeyId: (doc.keys[0] as { keyId: string }).keyId, Tags: [{ TagKey: 'after', TagValue: 'put' }] }));
        kms.destroy();
        return state(server.url);
      },
      'SIGKILL',
    );
    const after = await withServe([], (server) => state(server.url));
    expect((after.keys as unknown[]).length).toBe(1);
    expect(normalized(after)).toEqual(normalized(putDoc));
  });

  it('keys that automatic rotation gave new material before a call are journaled with it: a ciphertext under the new material decrypts after a crash', async () => {
    const vault = new KmsVault();
    const image = mkdtempSync(join(tmpdir(), 'kms-vault-mock-image-'));
    try {
      let ciphertext: Uint8Array | undefined;
      {
        await using server = await startServer({ vault, port: 0, dataDir: dir });
        const kms = clientOf(server.url);
        const keyId = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId as string;
        await kms.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 90 }));
        vault.clock.advance({ days: 91 });
        // Encrypt only records usage (journaled a second later); the rotation before it must not wait.
        ciphertext = (await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array([1, 2, 3]) }))).CiphertextBlob;
        expect((await kms.send(new ListKeyRotationsCommand({ KeyId: keyId }))).Rotations).toHaveLength(1);
        // What a crash right now would leave on disk.
        cpSync(dir, image, { recursive: true, filter: (source) => !source.endsWith('server.lock') });
        kms.destroy();
      }
      await using restored = await startServer({ port: 0, dataDir: image });
      const plain = await clientOf(restored.url).send(new DecryptCommand({ CiphertextBlob: ciphertext }));
      expect([...(plain.Plaintext ?? [])]).toEqual([1, 2, 3]);
    } finally {
      rmSync(image, { recursive: true, force: true });
    }
  });

  it('group commit: records appended while an fsync is in flight share the next one', async () => {
    {
      const journal = new Journal(dir, 0, 0);
      journal.append({ n: 0 });
      const first = journal.durable();
      // The first record's write is in flight: these wait for the next fsync, all together.
      for (let n = 1; n <= 5; n++) journal.append({ n });
      const rest = journal.durable();
      await Promise.all([first, rest]);
      expect(journal.syncs).toBe(2);
      expect(journal.durable()).toBeUndefined();
      journal.close();
      expect(readJournal(join(dir, 'journal-0.log')).records).toEqual([0, 1, 2, 3, 4, 5].map((n) => ({ n })));
    }
  });

  it('calls answered together share their fsync and all survive kill -9', async () => {
    const ids = await withServe(
      [],
      async (server) => {
        const clients = Array.from({ length: 8 }, () => clientOf(server.url));
        const made = await Promise.all(
          clients.flatMap((kms) => [0, 1, 2].map(async () => (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId as string)),
        );
        for (const kms of clients) kms.destroy();
        return made;
      },
      'SIGKILL',
    );
    await withServe([], async (server) => {
      const kms = clientOf(server.url);
      expect((await kms.send(new ListKeysCommand({ Limit: 1000 }))).Keys?.map((k) => k.KeyId).sort()).toEqual([...ids].sort());
      kms.destroy();
    });
  });
});
