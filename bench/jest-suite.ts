/**
 * What users feel: a jest run. Twenty test files, each with a new seeded vault and ten KMS calls
 * through the SDK (the vault's middleware), against the same twenty files written for
 * aws-sdk-client-mock with canned answers, and the aws-sdk-client-mock files that also import
 * kms-vault-mock but make no call through it (what requiring the package costs per file: the floor
 * of any speed-up left for the vault's suite).
 * The files are generated into .bench/, run by jest as a child process with the project's @swc/jest
 * transform and the built package (dist/), one worker; the three suites alternate, round after
 * round, after one warm-up run each (jest's transform cache filled). Target (issue 19): the vault's
 * suite within 1.10 times aws-sdk-client-mock's wall time.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, medianRatios } from './stats';

const ROUNDS = Number(process.env.BENCH_JEST_ROUNDS ?? 5);
const FILES = 20;
const root = join(__dirname, '..');

/** One test file on the vault: a new seeded vault, ten calls, each answer checked. */
function vaultFile(n: number): string {
  return `import { CreateAliasCommand, CreateKeyCommand, DecryptCommand, DescribeKeyCommand, EncryptCommand, GenerateDataKeyCommand, GenerateRandomCommand, KMSClient, ListAliasesCommand, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin } from 'kms-vault-mock';

let kms: KMSClient;
beforeEach(() => {
  kms = new KMSClient({ region: 'us-east-1' });
  kms.middlewareStack.use(vaultPlugin(new KmsVault({ seed: 'suite-${n}' })));
});

it('encrypts and decrypts under a new key', async () => {
  const key = (await kms.send(new CreateKeyCommand({ Description: 'file ${n}' }))).KeyMetadata!.KeyId!;
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/file-${n}', TargetKeyId: key }));
  expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/file-${n}' }))).KeyMetadata!.KeyId).toBe(key);
  const blob = (await kms.send(new EncryptCommand({ KeyId: 'alias/file-${n}', Plaintext: Buffer.from('secret ${n}') }))).CiphertextBlob!;
  expect(Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob: blob }))).Plaintext!).toString()).toBe('secret ${n}');
});

it('makes a data key, random bytes, lists aliases and schedules deletion', async () => {
  const key = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
  const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId: key, KeySpec: 'AES_256' }));
  expect(Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob! }))).Plaintext!)).toEqual(Buffer.from(dataKey.Plaintext!));
  expect((await kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 }))).Plaintext).toHaveLength(32);
  expect(Array.isArray((await kms.send(new ListAliasesCommand({}))).Aliases)).toBe(true);
  expect((await kms.send(new ScheduleKeyDeletionCommand({ KeyId: key, PendingWindowInDays: 7 }))).KeyState).toBe('PendingDeletion');
});
`;
}

/** The same file for aws-sdk-client-mock: canned answers for the same ten calls, the same checks. */
function cannedFile(n: number, importVault: boolean): string {
  return `import { CreateAliasCommand, CreateKeyCommand, DecryptCommand, DescribeKeyCommand, EncryptCommand, GenerateDataKeyCommand, GenerateRandomCommand, KMSClient, ListAliasesCommand, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
${importVault ? "import 'kms-vault-mock';\n" : ''}
const kmsMock = mockClient(KMSClient);
let kms: KMSClient;
const key = '1234abcd-12ab-34cd-56ef-1234567890a${n % 10}';
const plaintext = new Uint8Array(32).fill(${n});
beforeEach(() => {
  kmsMock.reset();
  kmsMock.on(CreateKeyCommand).resolves({ KeyMetadata: { KeyId: key, Arn: 'arn:aws:kms:us-east-1:111122223333:key/' + key, Description: 'file ${n}' } });
  kmsMock.on(CreateAliasCommand).resolves({});
  kmsMock.on(DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: key } });
  kmsMock.on(EncryptCommand).resolves({ CiphertextBlob: Buffer.from('blob ${n}'), KeyId: key });
  kmsMock.on(DecryptCommand, { CiphertextBlob: Buffer.from('blob ${n}') }).resolves({ Plaintext: Buffer.from('secret ${n}'), KeyId: key });
  kmsMock.on(GenerateDataKeyCommand).resolves({ Plaintext: plaintext, CiphertextBlob: Buffer.from('data key ${n}'), KeyId: key });
  kmsMock.on(DecryptCommand, { CiphertextBlob: Buffer.from('data key ${n}') }).resolves({ Plaintext: plaintext, KeyId: key });
  kmsMock.on(GenerateRandomCommand).resolves({ Plaintext: new Uint8Array(32) });
  kmsMock.on(ListAliasesCommand).resolves({ Aliases: [{ AliasName: 'alias/file-${n}', TargetKeyId: key }] });
  kmsMock.on(ScheduleKeyDeletionCommand).resolves({ KeyId: key, KeyState: 'PendingDeletion' });
  kms = new KMSClient({ region: 'us-east-1' });
});

it('encrypts and decrypts under a new key', async () => {
  const created = (await kms.send(new CreateKeyCommand({ Description: 'file ${n}' }))).KeyMetadata!.KeyId!;
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/file-${n}', TargetKeyId: created }));
  expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/file-${n}' }))).KeyMetadata!.KeyId).toBe(created);
  const blob = (await kms.send(new EncryptCommand({ KeyId: 'alias/file-${n}', Plaintext: Buffer.from('secret ${n}') }))).CiphertextBlob!;
  expect(Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob: blob }))).Plaintext!).toString()).toBe('secret ${n}');
});

it('makes a data key, random bytes, lists aliases and schedules deletion', async () => {
  const created = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
  const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId: created, KeySpec: 'AES_256' }));
  expect(Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob! }))).Plaintext!)).toEqual(Buffer.from(dataKey.Plaintext!));
  expect((await kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 }))).Plaintext).toHaveLength(32);
  expect(Array.isArray((await kms.send(new ListAliasesCommand({}))).Aliases)).toBe(true);
  expect((await kms.send(new ScheduleKeyDeletionCommand({ KeyId: created, PendingWindowInDays: 7 }))).KeyState).toBe('PendingDeletion');
});
`;
}

const SUITES: [name: string, dir: string, file: (n: number) => string][] = [
  ['kms-vault-mock (10 calls per file)', 'vault', vaultFile],
  ['aws-sdk-client-mock (canned answers)', 'canned', (n) => cannedFile(n, false)],
  ['canned, also importing kms-vault-mock', 'canned-import', (n) => cannedFile(n, true)],
];

/** Writes the suites and a jest configuration for each; returns the configurations' paths. */
function generate(dir: string): string[] {
  rmSync(dir, { recursive: true, force: true });
  // A copy of the build, so that a rebuild of dist/ during the run does not break it.
  cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
  return SUITES.map(([, name, file]) => {
    const suite = join(dir, name);
    mkdirSync(suite, { recursive: true });
    for (let n = 0; n < FILES; n++) writeFileSync(join(suite, `file-${String(n).padStart(2, '0')}.test.ts`), file(n));
    const config = join(dir, `${name}.jest.config.json`);
    writeFileSync(
      config,
      JSON.stringify({
        rootDir: suite,
        testEnvironment: 'node',
        cacheDirectory: join(dir, 'cache', name),
        transform: { '^.+\\.ts$': [require.resolve('@swc/jest', { paths: [root] }), { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
        moduleNameMapper: { '^kms-vault-mock$': join(dir, 'dist', 'index.js') },
      }),
    );
    return config;
  });
}

/** Wall milliseconds of one jest run; throws with jest's output when a test fails. */
function runJest(config: string): number {
  const t0 = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest', { paths: [root] }), '--config', config, '--maxWorkers=1', '--silent'], {
    cwd: root,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (result.status !== 0) throw new Error(`jest ${config} failed:\n${result.stderr}${result.stdout}`);
  return ms;
}

/** Prints the median wall time of each suite and the ratios to aws-sdk-client-mock's. */
export function reportJestSuite(): void {
  if (!existsSync(join(root, 'dist', 'index.js'))) {
    console.log('\njest suite: skipped (no dist/index.js; run npm run build first)');
    return;
  }
  const dir = join(root, '.bench', 'jest-suite');
  const configs = generate(dir);
  for (const config of configs) runJest(config);
  const samples: number[][] = configs.map(() => []);
  for (let r = 0; r < ROUNDS; r++) for (const [i, config] of configs.entries()) samples[i]?.push(runJest(config));
  const ratio = medianRatios(samples);
  console.log(`\njest suite: ${FILES} test files, one worker, wall time of the whole run, median of ${ROUNDS} interleaved rounds`);
  console.log(`${'suite'.padEnd(44)}${'ms'.padStart(8)}${'x canned'.padStart(10)}`);
  for (const [i, [name]] of SUITES.entries())
    console.log(
      `${name.padEnd(44)}${median(samples[i] ?? [])
        .toFixed(0)
        .padStart(8)}${(i === 1 ? '' : ratio(i, 1).toFixed(2)).padStart(10)}`,
    );
  console.log(
    `target: kms-vault-mock within 1.10x aws-sdk-client-mock; got ${ratio(0, 1).toFixed(2)}x (what importing the package adds to the canned suite: ${ratio(2, 1).toFixed(2)}x)`,
  );
  rmSync(dir, { recursive: true, force: true });
}
