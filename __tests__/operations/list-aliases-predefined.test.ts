import { CreateKeyCommand, DescribeKeyCommand, KMSClient, ListAliasesCommand, type AliasListEntry } from '@aws-sdk/client-kms';
import { vaultPlugin } from '../../src';
import { vaultClient } from '../helpers/vault-client';

const ACCOUNT = '111122223333';
const START = new Date('2026-04-01T00:00:00Z');

/** The services whose AWS managed keys the vault knows (src/operations/aws-managed-keys.ts). */
const SERVICES = [
  'acm',
  'backup',
  'cloud9',
  'codecommit',
  'connect',
  'dynamodb',
  'ebs',
  'elasticfilesystem',
  'es',
  'fsx',
  'glue',
  'kinesis',
  'kinesisvideo',
  'lambda',
  'lightsail',
  'rds',
  'redshift',
  's3',
  'secretsmanager',
  'sns',
  'sqs',
  'ssm',
  'xray',
];

const byName = (aliases: AliasListEntry[] | undefined, name: string) => (aliases ?? []).filter((a) => a.AliasName === name);

describe('ListAliases: predefined AWS aliases (API Reference, ListAliases)', () => {
  it('an account lists the predefined aliases AWS has created but not yet associated with a key: AliasName and AliasArn, no TargetKeyId', async () => {
    const { kms } = vaultClient({ clock: START });
    const out = await kms.send(new ListAliasesCommand({}));
    expect(out.Truncated).toBe(false);
    expect(out.Aliases).toEqual(SERVICES.map((s) => ({ AliasName: `alias/aws/${s}`, AliasArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/aws/${s}` })));
  });

  it('every account and Region has them, with the ARN of that account and Region', async () => {
    const { vault } = vaultClient();
    const ireland = new KMSClient({ region: 'eu-west-1' });
    ireland.middlewareStack.use(vaultPlugin(vault, { accountId: '444455556666' }));
    const out = await ireland.send(new ListAliasesCommand({}));
    expect(byName(out.Aliases, 'alias/aws/s3')).toEqual([{ AliasName: 'alias/aws/s3', AliasArn: 'arn:aws:kms:eu-west-1:444455556666:alias/aws/s3' }]);
    expect(out.Aliases).toHaveLength(SERVICES.length);
  });

  it('DescribeKey on a predefined alias associates it with an AWS managed key; ListAliases then lists it once, with TargetKeyId and its dates (the Terraform data source aws_kms_alias: ListAliases, then DescribeKey)', async () => {
    const { vault, kms } = vaultClient({ clock: START });
    const listed = byName((await kms.send(new ListAliasesCommand({}))).Aliases, 'alias/aws/s3');
    expect(listed[0]?.TargetKeyId).toBeUndefined();
    vault.clock.advance({ minutes: 3 });
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: listed[0]?.AliasName }));
    expect(KeyMetadata).toMatchObject({ KeyManager: 'AWS', KeyState: 'Enabled' });
    const created = new Date(START.getTime() + 180_000);
    const after = (await kms.send(new ListAliasesCommand({}))).Aliases;
    expect(byName(after, 'alias/aws/s3')).toEqual([
      {
        AliasName: 'alias/aws/s3',
        AliasArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/aws/s3`,
        TargetKeyId: KeyMetadata?.KeyId,
        CreationDate: created,
        LastUpdatedDate: created,
      },
    ]);
    expect(after).toHaveLength(SERVICES.length);
    expect((await kms.send(new ListAliasesCommand({ KeyId: KeyMetadata?.KeyId }))).Aliases?.map((a) => a.AliasName)).toEqual(['alias/aws/s3']);
  });

  it('ListAliases with KeyId lists only the aliases associated with that key: no predefined alias without a key', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    expect((await kms.send(new ListAliasesCommand({ KeyId: KeyMetadata?.KeyId }))).Aliases).toEqual([]);
  });

  it('predefined aliases are not stored: a snapshot of a fresh vault holds no alias (they count against no alias quota)', () => {
    const { vault } = vaultClient();
    expect(JSON.stringify(vault.snapshot())).not.toContain('alias/aws/');
  });

  it('they page with Limit and Marker like any alias', async () => {
    const { kms } = vaultClient();
    const first = await kms.send(new ListAliasesCommand({ Limit: 20 }));
    expect(first).toMatchObject({ Truncated: true });
    const rest = await kms.send(new ListAliasesCommand({ Limit: 20, Marker: first.NextMarker }));
    expect(rest.Truncated).toBe(false);
    expect([...(first.Aliases ?? []), ...(rest.Aliases ?? [])].map((a) => a.AliasName)).toEqual(SERVICES.map((s) => `alias/aws/${s}`));
  });
});
