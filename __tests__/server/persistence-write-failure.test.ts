import * as fs from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  KMSClient,
  KMSServiceException,
  ListAliasesCommand,
  ListKeysCommand,
} from '@aws-sdk/client-kms';
import { startServer } from '../../src/server/start-server';
import { Journal, readJournal } from '../../src/store/journal';
import { StateFile } from '../../src/store/state-file';

jest.setTimeout(120_000);

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'dummy' };
const clientOf = (url: string): KMSClient => new KMSClient({ region: 'us-east-1', credentials, endpoint: url, maxAttempts: 1 });

// The modules under test call these through the module object, so replacing a property of the module
// itself (not of an import's namespace copy) reaches them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mutableFs = require('node:fs') as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mutablePromises = require('node:fs/promises') as Record<string, unknown>;
const realWrite = fs.write;
const realOpenSync = fs.openSync;
const realOpen = fsPromises.open;

let dir: string;
let warnings: jest.SpyInstance;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-write-failure-'));
  warnings = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
});
afterEach(() => {
  mutableFs.write = realWrite;
  mutableFs.openSync = realOpenSync;
  mutablePromises.open = realOpen;
  warnings.mockRestore();
  delete process.env.KMS_VAULT_MOCK_COMPACT_AFTER_BYTES;
  rmSync(dir, { recursive: true, force: true });
});

/** The next journal write puts half its bytes on disk, then the disk is full (ENOSPC) for good. */
function failNextWriteHalfway(): void {
  let wrote = false;
  mutableFs.write = (fd: number, buffer: Buffer, offset: number, length: number, position: null, callback: (error: Error | null, written: number) => void) => {
    if (!wrote) {
      wrote = true;
      return realWrite(fd, buffer, offset, Math.floor(length / 2), position, callback);
    }
    const error = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    process.nextTick(() => callback(error, 0));
  };
}

const journalFiles = (where: string): string[] => readdirSync(where).filter((n) => /^journal-\d+\.log$/.test(n));

async function kmsFailure(promise: Promise<unknown>): Promise<KMSServiceException> {
  try {
    await promise;
  } catch (error) {
    return error as KMSServiceException;
  }
  throw new Error('the call succeeded');
}

describe('a journal write that fails partway (a full disk)', () => {
  test('answers KMSInternalException (500) for the call, and for every later call: the journal never writes after a torn line', async () => {
    const image = mkdtempSync(join(tmpdir(), 'kms-vault-mock-write-failure-image-'));
    try {
      let keyId: string;
      {
        await using server = await startServer({ port: 0, dataDir: dir });
        const kms = clientOf(server.url);
        keyId = (await kms.send(new CreateKeyCommand({ Description: 'acknowledged' }))).KeyMetadata?.KeyId as string;
        await kms.send(new CreateAliasCommand({ AliasName: 'alias/acknowledged', TargetKeyId: keyId }));

        failNextWriteHalfway();
        const failed = await kmsFailure(kms.send(new CreateKeyCommand({ Description: 'lost to the full disk' })));
        expect(failed.name).toBe('KMSInternalException');
        expect(failed.$metadata.httpStatusCode).toBe(500);
        expect(failed.message).toMatch(/data directory could not be written/);
        expect(failed.message).toMatch(/ENOSPC/);

        // The disk has room again, but the journal stays stopped: later calls fail the same way.
        mutableFs.write = realWrite;
        const later = await kmsFailure(kms.send(new CreateKeyCommand({ Description: 'after the failure' })));
        expect(later.name).toBe('KMSInternalException');
        expect(later.$metadata.httpStatusCode).toBe(500);

        // Nothing torn is left: the file was cut back to its last whole record, and nothing came after.
        for (const name of journalFiles(dir)) {
          const text = readFileSync(join(dir, name), 'utf8');
          expect(text === '' || text.endsWith('\n')).toBe(true);
        }
        // What a crash right now would leave on disk.
        cpSync(dir, image, { recursive: true, filter: (source) => !source.endsWith('server.lock') });
        kms.destroy();
      }

      await using restored = await startServer({ port: 0, dataDir: image });
      const kms = clientOf(restored.url);
      const described = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/acknowledged' }));
      expect(described.KeyMetadata?.KeyId).toBe(keyId);
      expect(described.KeyMetadata?.Description).toBe('acknowledged');
      const keys = (await kms.send(new ListKeysCommand({}))).Keys?.map((k) => k.KeyId);
      expect(keys).toEqual([keyId]);
      const aliases = (await kms.send(new ListAliasesCommand({}))).Aliases?.map((a) => a.AliasName);
      expect(aliases).toContain('alias/acknowledged');
      kms.destroy();
    } finally {
      rmSync(image, { recursive: true, force: true });
    }
  });

  test('the journal rejects every waiter and every later durable(), and its file loads with the records written before', async () => {
    const journal = new Journal(dir, 0, 0);
    journal.append({ n: 1 });
    await journal.durable();
    const file = join(dir, journalFiles(dir)[0] as string);
    const goodLength = statSync(file).size;

    failNextWriteHalfway();
    journal.append({ n: 2, padding: 'x'.repeat(200) });
    await expect(journal.durable()).rejects.toThrow(/could not write its journal .*ENOSPC/);
    mutableFs.write = realWrite;
    expect(statSync(file).size).toBe(goodLength);

    journal.append({ n: 3 });
    await expect(journal.durable()).rejects.toThrow(/could not write its journal/);
    journal.close();
    expect(statSync(file).size).toBe(goodLength);
    expect(readJournal(file).records).toEqual([{ n: 1 }]);
    expect(warnings).toHaveBeenCalledTimes(1);
  });

  test('journal byte counts are bytes, not UTF-16 units', async () => {
    const journal = new Journal(dir, 0, 0);
    journal.append({ description: 'é€😀' });
    await journal.durable();
    journal.close();
    expect(journal.bytes).toBe(statSync(join(dir, journalFiles(dir)[0] as string)).size);
  });
});

describe('a compaction that fails', () => {
  test('a compaction whose new journal cannot be opened warns once, and a later record compacts', async () => {
    process.env.KMS_VAULT_MOCK_COMPACT_AFTER_BYTES = '1';
    await using server = await startServer({ port: 0, dataDir: dir });
    const kms = clientOf(server.url);
    mutableFs.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
      if (/journal-\d+\.log$/.test(String(path))) throw Object.assign(new Error('EMFILE: too many open files, open'), { code: 'EMFILE' });
      return (realOpenSync as (...args: unknown[]) => number)(path, ...rest);
    }) as typeof fs.openSync;
    const before = journalFiles(dir).sort();
    await kms.send(new CreateKeyCommand({ Description: 'one' }));
    await kms.send(new CreateKeyCommand({ Description: 'two' }));
    expect(journalFiles(dir).sort()).toEqual(before);
    const rotateWarnings = warnings.mock.calls.filter(([message]) => /could not start a new journal/.test(String(message)));
    expect(rotateWarnings).toHaveLength(1);

    mutableFs.openSync = realOpenSync;
    await kms.send(new CreateKeyCommand({ Description: 'three' }));
    // The compaction ran: a new journal generation took the records.
    expect(journalFiles(dir).some((n) => !before.includes(n))).toBe(true);
    kms.destroy();
  });

  test('a background document write that fails leaves no state.json temp file', async () => {
    const file = new StateFile(dir);
    mutablePromises.open = (async (...args: Parameters<typeof fsPromises.open>) => {
      const handle = await realOpen(...args);
      handle.writeFile = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      return handle;
    }) as typeof fsPromises.open;
    await expect(file.writeInBackground('{}', 7, () => true)).rejects.toThrow(/ENOSPC/);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
