import {
  AlreadyExistsException,
  CreateAliasCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  KMSInvalidStateException,
  ListAliasesCommand,
  NotFoundException,
  paginateListAliases,
  ScheduleKeyDeletionCommand,
  UpdateAliasCommand,
} from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

async function setup() {
  const { vault, kms } = vaultClient({ clock: new Date('2026-04-01T00:00:00Z') });
  const a = (await kms.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string; Arn: string };
  const b = (await kms.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string; Arn: string };
  return { vault, kms, a, b };
}

describe('CreateAlias, UpdateAlias, DeleteAlias, ListAliases', () => {
  it('CreateAlias names a key; ListAliases reports AliasName, AliasArn, TargetKeyId and dates (API Reference, ListAliases)', async () => {
    const { kms, a } = await setup();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/app', TargetKeyId: a.Arn }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/app' }))).KeyMetadata?.KeyId).toBe(a.KeyId);
    const { Aliases, Truncated } = await kms.send(new ListAliasesCommand({}));
    expect(Truncated).toBe(false);
    expect(Aliases).toEqual([
      { AliasName: 'alias/app', AliasArn: 'arn:aws:kms:us-east-1:111122223333:alias/app', TargetKeyId: a.KeyId, CreationDate: new Date('2026-04-01T00:00:00Z'), LastUpdatedDate: new Date('2026-04-01T00:00:00Z') },
    ]);
  });

  it('an alias name that exists gives AlreadyExistsException (409)', async () => {
    const { kms, a, b } = await setup();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/app', TargetKeyId: a.KeyId }));
    const error = await kmsErrorOf(kms.send(new CreateAliasCommand({ AliasName: 'alias/app', TargetKeyId: b.KeyId })));
    expect(error).toBeInstanceOf(AlreadyExistsException);
    expect(error.$metadata.httpStatusCode).toBe(409);
    expect(error.message).toBe('An alias with the name arn:aws:kms:us-east-1:111122223333:alias/app already exists');
  });

  it('alias names must start with alias/ and not alias/aws/ (API Reference, CreateAlias AliasName)', async () => {
    const { kms, a } = await setup();
    const prefix = await kmsErrorOf(kms.send(new CreateAliasCommand({ AliasName: 'app', TargetKeyId: a.KeyId })));
    expect(prefix.name).toBe('ValidationException');
    const reserved = await kmsErrorOf(kms.send(new CreateAliasCommand({ AliasName: 'alias/aws/s3', TargetKeyId: a.KeyId })));
    expect(reserved.name).toBe('NotAuthorizedException');
    const pattern = await kmsErrorOf(kms.send(new CreateAliasCommand({ AliasName: 'alias/with space', TargetKeyId: a.KeyId })));
    expect(pattern.message).toBe("1 validation error detected: Value 'alias/with space' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$");
  });

  it('the target must be a key id or ARN, not another alias; and not pending deletion', async () => {
    const { kms, a } = await setup();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/app', TargetKeyId: a.KeyId }));
    expect(await kmsErrorOf(kms.send(new CreateAliasCommand({ AliasName: 'alias/app2', TargetKeyId: 'alias/app' })))).toBeInstanceOf(NotFoundException);
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: a.KeyId }));
    expect(await kmsErrorOf(kms.send(new CreateAliasCommand({ AliasName: 'alias/app3', TargetKeyId: a.KeyId })))).toBeInstanceOf(KMSInvalidStateException);
  });

  it('UpdateAlias points the alias at another key; an unknown alias gives NotFoundException (API Reference, UpdateAlias)', async () => {
    const { vault, kms, a, b } = await setup();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/app', TargetKeyId: a.KeyId }));
    vault.clock.advance({ days: 1 });
    await kms.send(new UpdateAliasCommand({ AliasName: 'alias/app', TargetKeyId: b.KeyId }));
    const alias = (await kms.send(new ListAliasesCommand({}))).Aliases?.[0];
    expect(alias?.TargetKeyId).toBe(b.KeyId);
    expect(alias?.LastUpdatedDate).toEqual(new Date('2026-04-02T00:00:00Z'));
    expect(await kmsErrorOf(kms.send(new UpdateAliasCommand({ AliasName: 'alias/none', TargetKeyId: b.KeyId })))).toBeInstanceOf(NotFoundException);
  });

  it('DeleteAlias removes only the alias; deleting it again gives NotFoundException (API Reference, DeleteAlias)', async () => {
    const { kms, a } = await setup();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/app', TargetKeyId: a.KeyId }));
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/app' }));
    expect((await kms.send(new ListAliasesCommand({}))).Aliases).toEqual([]);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: a.KeyId }))).KeyMetadata?.KeyState).toBe('Enabled');
    expect(await kmsErrorOf(kms.send(new DeleteAliasCommand({ AliasName: 'alias/app' })))).toBeInstanceOf(NotFoundException);
  });

  it('ListAliases with KeyId lists only the aliases of that key, and the aliases of a deleted key are gone', async () => {
    const { vault, kms, a, b } = await setup();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/a1', TargetKeyId: a.KeyId }));
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/b1', TargetKeyId: b.KeyId }));
    expect((await kms.send(new ListAliasesCommand({ KeyId: a.KeyId }))).Aliases?.map((x) => x.AliasName)).toEqual(['alias/a1']);
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: a.KeyId, PendingWindowInDays: 7 }));
    vault.clock.advance({ days: 7 });
    expect((await kms.send(new ListAliasesCommand({}))).Aliases?.map((x) => x.AliasName)).toEqual(['alias/b1']);
  });

  it('pages with Limit and Marker so that paginateListAliases walks every alias; Limit above 100 is rejected (API Reference, ListAliases Limit)', async () => {
    const { kms, a } = await setup();
    for (let i = 0; i < 12; i++) await kms.send(new CreateAliasCommand({ AliasName: `alias/n${i}`, TargetKeyId: a.KeyId }));
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListAliases({ client: kms, pageSize: 5 }, {})) {
      pages++;
      names.push(...(page.Aliases ?? []).map((x) => x.AliasName as string));
    }
    expect(pages).toBe(3);
    expect(new Set(names).size).toBe(12);
    expect((await kmsErrorOf(kms.send(new ListAliasesCommand({ Limit: 101 })))).name).toBe('ValidationException');
    expect((await kmsErrorOf(kms.send(new ListAliasesCommand({ Marker: 'forged' })))).name).toBe('InvalidMarkerException');
  });
});
