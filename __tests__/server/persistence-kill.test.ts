import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  KMSClient,
  ListAliasesCommand,
  type ListAliasesCommandOutput,
  ListKeysCommand,
  type ListKeysCommandOutput,
  ListResourceTagsCommand,
  TagResourceCommand,
} from '@aws-sdk/client-kms';
import { startServeProcess } from '../helpers/serve-process';

jest.setTimeout(300_000);

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'dummy' };
const clientOf = (url: string): KMSClient => new KMSClient({ region: 'us-east-1', credentials, endpoint: url, maxAttempts: 1 });

const ROUNDS = 6;
const WORKERS = 4;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-kill-'));
});
afterEach(() => {
  delete process.env.KMS_VAULT_MOCK_COMPACT_AFTER_BYTES;
  rmSync(dir, { recursive: true, force: true });
});

/** What the servers acknowledged: every one must be there after any number of kill -9s. */
interface Acknowledged {
  keys: Set<string>;
  tags: Map<string, Set<string>>;
  aliases: Set<string>;
}

async function listAll(kms: KMSClient): Promise<{ keys: Set<string>; aliases: Set<string> }> {
  const keys = new Set<string>();
  let marker: string | undefined;
  do {
    const page: ListKeysCommandOutput = await kms.send(new ListKeysCommand({ Limit: 1000, Marker: marker }));
    for (const k of page.Keys ?? []) keys.add(k.KeyId as string);
    marker = page.NextMarker;
  } while (marker);
  const aliases = new Set<string>();
  marker = undefined;
  do {
    const page: ListAliasesCommandOutput = await kms.send(new ListAliasesCommand({ Limit: 100, Marker: marker }));
    for (const a of page.Aliases ?? []) aliases.add(a.AliasName as string);
    marker = page.NextMarker;
  } while (marker);
  return { keys, aliases };
}

describe('kill -9 at any point loses nothing acknowledged (serve --data-dir)', () => {
  it('a loop of CreateKey, TagResource and CreateAlias from concurrent clients, killed at random points, with compaction running all the time on some rounds', async () => {
    const acknowledged: Acknowledged = { keys: new Set(), tags: new Map(), aliases: new Set() };
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let checkedKeys = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Even rounds fold the journal after every change (a kill then very likely lands during a
      // compaction); odd rounds after a few records.
      process.env.KMS_VAULT_MOCK_COMPACT_AFTER_BYTES = round % 2 === 0 ? '1' : '4000';
      const server = await startServeProcess(['--port', '0', '--data-dir', dir]);
      const clients = Array.from({ length: WORKERS }, () => clientOf(server.url));
      try {
        // What the restarted server must hold: everything acknowledged in earlier rounds.
        const held = await listAll(clients[0] as KMSClient);
        for (const id of acknowledged.keys) expect(held.keys.has(id) ? id : `missing key ${id}`).toBe(id);
        for (const name of acknowledged.aliases) expect(held.aliases.has(name) ? name : `missing alias ${name}`).toBe(name);
        for (const [keyId, tags] of acknowledged.tags) {
          const listed = new Set((await (clients[0] as KMSClient).send(new ListResourceTagsCommand({ KeyId: keyId, Limit: 50 }))).Tags?.map((t) => t.TagKey));
          for (const tag of tags) expect(listed.has(tag) ? tag : `missing tag ${tag} on ${keyId}`).toBe(tag);
        }
        checkedKeys = acknowledged.keys.size;
        let stop = false;
        const work = clients.map(async (kms, w) => {
          for (let i = 0; !stop && i < 400; i++) {
            try {
              const keyId = (await kms.send(new CreateKeyCommand({ Description: `r${round} w${w} i${i}` }))).KeyMetadata?.KeyId as string;
              acknowledged.keys.add(keyId);
              const tag = `r${round}-w${w}-i${i}`;
              await kms.send(new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: tag, TagValue: 'v' }] }));
              const tags = acknowledged.tags.get(keyId) ?? new Set<string>();
              tags.add(tag);
              acknowledged.tags.set(keyId, tags);
              if (i % 3 === 0) {
                const alias = `alias/r${round}-w${w}-i${i}`;
                await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: keyId }));
                acknowledged.aliases.add(alias);
              }
            } catch {
              // The server was killed: calls in flight were never acknowledged.
              return;
            }
          }
        });
        await new Promise((resolve) => setTimeout(resolve, 100 + random(600)));
        await server.stop('SIGKILL');
        stop = true;
        await Promise.all(work);
      } finally {
        for (const kms of clients) kms.destroy();
        await server.stop('SIGKILL');
      }
    }
    // The rounds did make changes, checked by the next round's start and below.
    expect(acknowledged.keys.size).toBeGreaterThan(checkedKeys > 0 ? ROUNDS : 0);
    const last = await startServeProcess(['--port', '0', '--data-dir', dir]);
    const kms = clientOf(last.url);
    try {
      const held = await listAll(kms);
      expect([...acknowledged.keys].filter((id) => !held.keys.has(id))).toEqual([]);
      expect([...acknowledged.aliases].filter((name) => !held.aliases.has(name))).toEqual([]);
      for (const [keyId, tags] of acknowledged.tags) {
        const listed = new Set((await kms.send(new ListResourceTagsCommand({ KeyId: keyId, Limit: 50 }))).Tags?.map((t) => t.TagKey));
        expect([...tags].filter((t) => !listed.has(t))).toEqual([]);
      }
    } finally {
      kms.destroy();
      await last.stop('SIGTERM');
    }
  });
});
