import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeCustomKeyStoresCommand, DescribeKeyCommand, KMSClient, ListAliasesCommand, ListGrantsCommand } from '@aws-sdk/client-kms';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';

/**
 * Terraform's AWS provider (every KMS resource and data source) against `kms-vault-mock serve`: apply,
 * plan with no changes, an update, `terraform import`, destroy. Terraform and an offline provider
 * mirror must be on the machine: TERRAFORM names the binary (default `terraform` on PATH, then
 * /usr/local/bin/terraform), KMS_VAULT_MOCK_TF_PLUGIN_DIR the mirror (default: the usual places). Without
 * them the tests are skipped with a message. Nothing is downloaded: TF_CLI_CONFIG_FILE points at a
 * filesystem_mirror configuration. The fixtures are in ./terraform/.
 */
const FIXTURES = join(__dirname, 'terraform');

function findTerraform(): string | undefined {
  const candidates = [process.env['TERRAFORM'], 'terraform', '/usr/local/bin/terraform'].filter((c): c is string => !!c);
  return candidates.find((c) => spawnSync(c, ['version'], { stdio: 'ignore' }).status === 0);
}

/** A directory holding registry.terraform.io/hashicorp/aws/5.x/<platform>/terraform-provider-aws_*. */
function findMirror(): string | undefined {
  const home = process.env['HOME'] ?? '/root';
  const candidates = [
    process.env['KMS_VAULT_MOCK_TF_PLUGIN_DIR'],
    '/opt/tf-plugins',
    join(home, '.terraform.d/plugins'),
    '/usr/share/terraform/plugins',
    '/usr/local/share/terraform/plugins',
  ];
  return candidates.find((dir) => {
    if (!dir) return false;
    const aws = join(dir, 'registry.terraform.io/hashicorp/aws');
    return existsSync(aws) && readdirSync(aws).some((v) => /^5\.(\d+)\./.test(v) && Number(/^5\.(\d+)/.exec(v)?.[1]) >= 100);
  });
}

const TERRAFORM = findTerraform();
const MIRROR = findMirror();
const skipReason = !TERRAFORM
  ? 'terraform is not installed (set TERRAFORM to its path)'
  : !MIRROR
    ? 'no offline mirror of the hashicorp/aws provider 5.100 or later (set KMS_VAULT_MOCK_TF_PLUGIN_DIR)'
    : undefined;
if (skipReason) console.warn(`Skipping the Terraform end-to-end tests: ${skipReason}.`);

/** How long each step took, printed at the end (figures for the guide; nothing asserts them). */
const timings: Array<[string, number]> = [];

/** The custom key stores scenario.json loads CONNECTED (the provider cannot connect a store), for keys in them. */
const PRECONNECTED_STORES = [
  ['cks-1234567890abcdef0', 'EXTERNAL_KEY_STORE'],
  ['cks-234567890abcdef01', 'AWS_CLOUDHSM'],
];

(skipReason ? describe.skip : describe)('Terraform (hashicorp/aws provider) against kms-vault-mock serve', () => {
  jest.setTimeout(1_200_000);
  let server: ServeProcess;
  let dir: string;
  let east: KMSClient;
  let west: KMSClient;

  function terraform(args: readonly string[], vars: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
    const started = Date.now();
    const run = spawnSync(TERRAFORM as string, [...args], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 900_000,
      maxBuffer: 64 * 1024 * 1024,
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: dir,
        TF_IN_AUTOMATION: '1',
        TF_INPUT: '0',
        TF_CLI_CONFIG_FILE: join(dir, 'terraform.tfrc'),
        CHECKPOINT_DISABLE: '1',
        TF_VAR_endpoint: server.url,
        ...Object.fromEntries(Object.entries(vars).map(([k, v]) => [`TF_VAR_${k}`, v])),
      },
    });
    timings.push([`terraform ${args.filter((a) => !a.startsWith('-')).join(' ')}`, Date.now() - started]);
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  function ok(args: readonly string[], vars: Record<string, string> = {}): string {
    const run = terraform(args, vars);
    if (run.status !== 0)
      throw new Error(`terraform ${args.join(' ')} exited with ${String(run.status)}:\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`);
    return run.stdout;
  }

  /** `terraform plan -detailed-exitcode`: 0 when nothing would change, 2 when something would. */
  function plan(vars: Record<string, string> = {}): { code: number | null; output: string } {
    const run = terraform(['plan', '-detailed-exitcode', '-no-color', '-lock=false'], vars);
    if (run.status === 1) throw new Error(`terraform plan failed:\n${run.stderr}`);
    return { code: run.status, output: run.stdout };
  }

  const outputs = (): Record<string, { value: unknown }> => JSON.parse(ok(['output', '-json'])) as Record<string, { value: unknown }>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-terraform-'));
    for (const file of ['providers.tf', 'main.tf']) cpSync(join(FIXTURES, file), join(dir, file));
    writeFileSync(
      join(dir, 'terraform.tfrc'),
      `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(MIRROR)}\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`,
    );
    // The XKS proxy that aws_kms_custom_key_store names is one the vault simulates, from a scenario file, which
    // also loads the CONNECTED custom key stores of aws_kms_key.xks and aws_kms_key.cloudhsm.
    server = await startServeProcess(['--port', '0', '--scenario', join(FIXTURES, 'scenario.json')]);
    const config = { endpoint: server.url, credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } };
    east = new KMSClient({ ...config, region: 'us-east-1' });
    west = new KMSClient({ ...config, region: 'eu-west-1' });
    ok(['init', '-no-color', `-plugin-dir=${MIRROR as string}`]);
  });

  afterAll(async () => {
    east?.destroy();
    west?.destroy();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    const total = timings.reduce((sum, [, ms]) => sum + ms, 0);
    process.stdout.write(
      `Terraform against serve, seconds per step: ${timings.map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)}`).join('; ')}; total ${(total / 1000).toFixed(1)}\n`,
    );
  });

  it('apply creates every KMS resource and reads every KMS data source (alias/aws/s3 included)', async () => {
    ok(['apply', '-auto-approve', '-no-color']);
    const out = outputs();
    expect(out['public_key_spec']?.value).toBe('ECC_NIST_P256');
    expect(out['by_alias_description']?.value).toBe('terraform main key');
    expect(out['secrets']?.value).toEqual({ resource: 'terraform plaintext', data: 'terraform data plaintext' });
    // data "aws_kms_alias" for alias/aws/s3: ListAliases listed it without a key, DescribeKey created its AWS managed key.
    const s3 = String(out['s3_target_key_arn']?.value);
    expect(s3).toMatch(/^arn:aws:kms:us-east-1:111122223333:key\/[0-9a-f-]{36}$/);
    expect((await east.send(new DescribeKeyCommand({ KeyId: 'alias/aws/s3' }))).KeyMetadata).toMatchObject({ Arn: s3, KeyManager: 'AWS' });
    // aws_kms_replica_external_key: a replica of a multi-Region key with imported key material, imported and enabled.
    const replica = (await west.send(new DescribeKeyCommand({ KeyId: String(out['replica_external_key_arn']?.value) }))).KeyMetadata;
    expect(replica).toMatchObject({ Origin: 'EXTERNAL', KeyState: 'Enabled', MultiRegionConfiguration: { MultiRegionKeyType: 'REPLICA' } });
    expect((await west.send(new DescribeKeyCommand({ KeyId: String(out['replica_key_arn']?.value) }))).KeyMetadata?.KeyState).toBe('Enabled');
    const keyId = String(out['main_key_id']?.value);
    expect((await east.send(new ListGrantsCommand({ KeyId: keyId }))).Grants?.map((g) => g.GrantId)).toEqual([out['grant_id']?.value]);
    expect((await east.send(new ListAliasesCommand({ KeyId: keyId }))).Aliases?.map((a) => a.AliasName)).toEqual(['alias/terraform-main']);
    const stores = (await east.send(new DescribeCustomKeyStoresCommand({}))).CustomKeyStores ?? [];
    expect(stores.map((s) => [s.CustomKeyStoreId, s.CustomKeyStoreType]).sort()).toEqual(
      [...PRECONNECTED_STORES, [out['custom_key_store_id']?.value, 'EXTERNAL_KEY_STORE']].sort(),
    );
    // aws_kms_key with custom_key_store_id and xks_key_id: keys in the stores the scenario loads CONNECTED.
    expect((await east.send(new DescribeKeyCommand({ KeyId: String(out['xks_key_id']?.value) }))).KeyMetadata).toMatchObject({
      Origin: 'EXTERNAL_KEY_STORE',
      CustomKeyStoreId: 'cks-1234567890abcdef0',
      XksKeyConfiguration: { Id: 'terraform-external-key-1' },
      KeyState: 'Enabled',
    });
    expect((await east.send(new DescribeKeyCommand({ KeyId: String(out['cloudhsm_key_id']?.value) }))).KeyMetadata).toMatchObject({
      Origin: 'AWS_CLOUDHSM',
      CustomKeyStoreId: 'cks-234567890abcdef01',
      CloudHsmClusterId: 'cluster-234a5bcdefg',
      KeyState: 'Enabled',
    });
  });

  it('a plan right after apply has no changes (-detailed-exitcode 0)', () => {
    const { code, output } = plan();
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
  });

  it('an update (description, tags) applies in place, and the next plan has no changes', async () => {
    const vars = { description: 'terraform main key, updated', environment: 'prod' };
    const changed = plan(vars);
    expect(changed.code).toBe(2);
    expect(changed.output).toContain('0 to add');
    expect(changed.output).toContain('0 to destroy');
    ok(['apply', '-auto-approve', '-no-color'], vars);
    expect(outputs()['by_alias_description']?.value).toBe('terraform main key, updated');
    const keyId = String(outputs()['main_key_id']?.value);
    expect((await east.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.Description).toBe('terraform main key, updated');
    const { code, output } = plan(vars);
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
  });

  it('terraform import takes back keys (one in an external, one in a CloudHSM key store) and an alias removed from the state; only the arguments KMS does not report differ, and one apply settles them', () => {
    const vars = { description: 'terraform main key, updated', environment: 'prod' };
    const out = outputs();
    ok(['state', 'rm', '-no-color', 'aws_kms_key.main', 'aws_kms_alias.main', 'aws_kms_key.xks', 'aws_kms_key.cloudhsm']);
    ok(['import', '-no-color', 'aws_kms_key.main', String(out['main_key_id']?.value)], vars);
    ok(['import', '-no-color', 'aws_kms_alias.main', 'alias/terraform-main'], vars);
    ok(['import', '-no-color', 'aws_kms_key.xks', String(out['xks_key_id']?.value)], vars);
    ok(['import', '-no-color', 'aws_kms_key.cloudhsm', String(out['cloudhsm_key_id']?.value)], vars);
    const after = plan(vars);
    // deletion_window_in_days and bypass_policy_lockout_safety_check are not part of any KMS response
    // (the provider's import documentation): everything else (custom_key_store_id and xks_key_id
    // included) came back from the vault.
    expect(after.output).toContain('0 to add, 3 to change, 0 to destroy');
    const changedIn = (address: string): string[] => {
      const start = after.output.indexOf(`# ${address} will be updated in-place`);
      if (start < 0) return [`${address} is not updated in place`];
      const block = after.output.slice(start, after.output.indexOf('\n    }\n', start));
      return block
        .split('\n')
        .filter((l) => /^\s+[+~-] [a-z_]+\s+=/.test(l))
        .map((l) => l.trim().split(/\s+/)[1] ?? '')
        .sort();
    };
    for (const address of ['aws_kms_key.main', 'aws_kms_key.xks', 'aws_kms_key.cloudhsm'])
      expect([address, changedIn(address)]).toEqual([address, ['bypass_policy_lockout_safety_check', 'deletion_window_in_days']]);
    ok(['apply', '-auto-approve', '-no-color'], vars);
    const { code, output } = plan(vars);
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
  });

  it('destroy removes everything: keys scheduled for deletion (those in custom key stores too), aliases, grants, the custom key store', async () => {
    const out = outputs();
    const keyId = String(out['main_key_id']?.value);
    ok(['destroy', '-auto-approve', '-no-color'], { description: 'terraform main key, updated', environment: 'prod' });
    for (const id of [keyId, out['xks_key_id']?.value, out['cloudhsm_key_id']?.value]) {
      const key = (await east.send(new DescribeKeyCommand({ KeyId: String(id) }))).KeyMetadata;
      expect([id, key?.KeyState, key?.DeletionDate instanceof Date]).toEqual([id, 'PendingDeletion', true]);
    }
    expect((await west.send(new DescribeKeyCommand({ KeyId: String(out['replica_external_key_arn']?.value) }))).KeyMetadata?.KeyState).toBe('PendingDeletion');
    expect((await east.send(new ListAliasesCommand({}))).Aliases?.map((a) => a.AliasName).filter((n) => !n?.startsWith('alias/aws/'))).toEqual([]);
    // The store Terraform created is gone; the scenario's stores (not Terraform's) stay.
    const stores = (await east.send(new DescribeCustomKeyStoresCommand({}))).CustomKeyStores ?? [];
    expect(stores.map((s) => [s.CustomKeyStoreId, s.CustomKeyStoreType]).sort()).toEqual([...PRECONNECTED_STORES].sort());
    expect(ok(['state', 'list'])).toBe('');
  });
});
