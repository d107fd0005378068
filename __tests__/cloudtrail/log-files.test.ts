import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KmsVaultMockError } from '../../src/errors/library-error';
import { CloudTrailLogFiles } from '../../src/cloudtrail/log-files';
import { callRecord } from '../../src/cloudtrail/to-record';
import { rootCaller } from '../../src/vault/principal';

const record = (region: string, accountId: string) =>
  callRecord({ operation: 'ListKeys', input: {}, region, caller: rootCaller(accountId), time: new Date('2024-01-01T00:00:00Z'), requestId: 'r' });

describe('CloudTrail log files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-trail-files-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('one file per account and region of a batch, each under its own account and region', () => {
    const files = new CloudTrailLogFiles(dir, () => new Date('2024-01-01T00:00:00Z'));
    files.add(record('us-east-1', '111122223333'));
    files.add(record('eu-west-1', '111122223333'));
    files.add(record('us-east-1', '444455556666'));
    files.add(record('us-east-1', '111122223333'));
    files.close();
    expect(files.written.map((f) => f.split(/[\\/]/).slice(1, 4).join('/')).sort()).toEqual([
      '111122223333/CloudTrail/eu-west-1',
      '111122223333/CloudTrail/us-east-1',
      '444455556666/CloudTrail/us-east-1',
    ]);
    files.add(record('us-east-1', '111122223333'));
    files.flush();
    expect(files.written).toHaveLength(3);
  });

  it('a directory that cannot be made is a library error naming it, not a crash later', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    expect(() => new CloudTrailLogFiles(join(file, 'trail'), () => new Date())).toThrow(KmsVaultMockError);
    expect(() => new CloudTrailLogFiles(join(file, 'trail'), () => new Date())).toThrow(/Cannot write CloudTrail log files under/);
  });

  it('a write that fails later is kept in lastError; the caller never sees it', () => {
    const trail = join(dir, 'trail');
    const files = new CloudTrailLogFiles(trail, () => new Date('2024-01-01T00:00:00Z'));
    // AWSLogs taken by a file: no directory can be made under it (whoever runs the test).
    writeFileSync(join(trail, 'AWSLogs'), '');
    files.add(record('us-east-1', '111122223333'));
    expect(() => files.flush()).not.toThrow();
    expect(files.lastError).toBeInstanceOf(Error);
    expect(files.written).toEqual([]);
    expect(readdirSync(trail)).toEqual(['AWSLogs']);
  });
});
