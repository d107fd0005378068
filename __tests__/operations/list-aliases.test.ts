import {
  type AliasListEntry,
  CreateAliasCommand,
  CreateKeyCommand,
  InvalidMarkerException,
  KMSClient,
  ListAliasesCommand,
  NotFoundException,
  paginateListAliases,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { vaultPlugin } from '../../src';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';
import { customerAliases } from '../helpers/customer-aliases';

const START = new Date('2026-04-01T00:00:00Z');
const ACCOUNT = '111122223333';

async function setup() {
  const { vault, kms } = vaultClient({ seed: 'list-aliases', clock: START });
  const a = (await kms.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string; Arn: string };
  const b = (await kms.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string; Arn: string };
  return { vault, kms, a, b };
}

async function createAliases(kms: KMSClient, prefix: string, n: number, targetKeyId: string): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `alias/${prefix}-${String(i).padStart(3, '0')}`;
    await kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: targetKeyId }));
    names.push(name);
  }
  return names;
}

const names = (aliases: AliasListEntry[] | undefined) =>
  customerAliases(aliases)
    .map((x) => x.AliasName as string)
    .sort();

describe('ListAliases', () => {
  it('lists every alias of the account and Region with AliasName, AliasArn, TargetKeyId, CreationDate and LastUpdatedDate (API Reference, ListAliases; AliasListEntry)', async () => {
    const { vault, kms, a, b } = await setup();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/first', TargetKeyId: a.KeyId }));
    vault.clock.advance({ minutes: 5 });
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/second', TargetKeyId: b.Arn }));
    const { $metadata, ...out } = await kms.send(new ListAliasesCommand({}));
    expect($metadata.httpStatusCode).toBe(200);
    const later = new Date(START.getTime() + 300_000);
    expect({ ...out, Aliases: customerAliases(out.Aliases).sort((x, y) => String(x.AliasName).localeCompare(String(y.AliasName))) }).toEqual({
      Aliases: [
        {
          AliasName: 'alias/first',
          AliasArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/first`,
          TargetKeyId: a.KeyId,
          CreationDate: START,
          LastUpdatedDate: START,
        },
        {
          AliasName: 'alias/second',
          AliasArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/second`,
          TargetKeyId: b.KeyId,
          CreationDate: later,
          LastUpdatedDate: later,
        },
      ],
      Truncated: false,
    });
  });

  it('with KeyId as key id or key ARN lists only the aliases of that key (API Reference, ListAliases KeyId)', async () => {
    const { kms, a, b } = await setup();
    await createAliases(kms, 'a', 2, a.KeyId);
    await createAliases(kms, 'b', 1, b.KeyId);
    expect(names((await kms.send(new ListAliasesCommand({ KeyId: a.KeyId }))).Aliases)).toEqual(['alias/a-000', 'alias/a-001']);
    expect(names((await kms.send(new ListAliasesCommand({ KeyId: b.Arn }))).Aliases)).toEqual(['alias/b-000']);
  });

  it('a key without aliases lists none (API Reference, ListAliases KeyId)', async () => {
    const { kms, a, b } = await setup();
    await createAliases(kms, 'a', 1, a.KeyId);
    expect(await kms.send(new ListAliasesCommand({ KeyId: b.KeyId }))).toMatchObject({ Aliases: [], Truncated: false });
  });

  it('KeyId does not take an alias name or alias ARN: NotFoundException (API Reference, ListAliases KeyId: key ID or key ARN)', async () => {
    const { kms, a } = await setup();
    await createAliases(kms, 'a', 1, a.KeyId);
    for (const name of ['alias/a-000', `arn:aws:kms:us-east-1:${ACCOUNT}:alias/a-000`]) {
      await expectKmsError(kms.send(new ListAliasesCommand({ KeyId: name })), { type: NotFoundException, status: 400, message: `Invalid keyId '${name}'` });
    }
  });

  it('a KeyId that names no key, or a key ARN of another Region, gives NotFoundException (API Reference, ListAliases errors)', async () => {
    const { kms, a } = await setup();
    const missing = '0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9';
    await expectKmsError(kms.send(new ListAliasesCommand({ KeyId: missing })), {
      type: NotFoundException,
      status: 400,
      message: `Key 'arn:aws:kms:us-east-1:${ACCOUNT}:key/${missing}' does not exist`,
    });
    await expectKmsError(kms.send(new ListAliasesCommand({ KeyId: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${a.KeyId}` })), {
      type: NotFoundException,
      status: 400,
      message: 'Invalid arn eu-west-1',
    });
  });

  it("lists only the aliases of the Region the request is sent to (API Reference, ListAliases: the caller's account and Region)", async () => {
    const { vault, kms, a } = await setup();
    const ireland = new KMSClient({ region: 'eu-west-1' });
    ireland.middlewareStack.use(vaultPlugin(vault));
    const irish = (await ireland.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string };
    await createAliases(kms, 'virginia', 1, a.KeyId);
    await createAliases(ireland, 'ireland', 1, irish.KeyId);
    expect(names((await kms.send(new ListAliasesCommand({}))).Aliases)).toEqual(['alias/virginia-000']);
    expect(names((await ireland.send(new ListAliasesCommand({}))).Aliases)).toEqual(['alias/ireland-000']);
  });

  it('returns at most 50 aliases when Limit is omitted, with Truncated and NextMarker to go on (API Reference, ListAliases Limit)', async () => {
    const { kms, a } = await setup();
    const all = await createAliases(kms, 'n', 51, a.KeyId);
    const first = await kms.send(new ListAliasesCommand({}));
    expect(first.Aliases).toHaveLength(50);
    expect(first.Truncated).toBe(true);
    const rest = await kms.send(new ListAliasesCommand({ Marker: first.NextMarker }));
    expect(rest).toMatchObject({ Truncated: false });
    expect(rest.NextMarker).toBeUndefined();
    expect(names([...(first.Aliases ?? []), ...(rest.Aliases ?? [])])).toEqual(all);
  });

  it('paginateListAliases walks several pages and yields every alias exactly once (API Reference, ListAliases Marker; SDK paginator)', async () => {
    const { kms, a } = await setup();
    const all = await createAliases(kms, 'p', 12, a.KeyId);
    const pages: number[] = [];
    const seen: AliasListEntry[] = [];
    for await (const page of paginateListAliases({ client: kms, pageSize: 5 }, {})) {
      pages.push(page.Aliases?.length ?? 0);
      seen.push(...(page.Aliases ?? []));
    }
    // 12 customer aliases, then the 23 predefined AWS aliases no key is associated with yet.
    expect(pages).toEqual([5, 5, 5, 5, 5, 5, 5]);
    expect(seen).toHaveLength(35);
    expect(names(seen)).toEqual(all);
  });

  it('pages the aliases of one key with KeyId, Limit and Marker together (API Reference, ListAliases)', async () => {
    const { kms, a, b } = await setup();
    const ofA = await createAliases(kms, 'a', 5, a.KeyId);
    await createAliases(kms, 'b', 5, b.KeyId);
    const seen: AliasListEntry[] = [];
    let pages = 0;
    for await (const page of paginateListAliases({ client: kms, pageSize: 2 }, { KeyId: a.Arn })) {
      pages++;
      seen.push(...(page.Aliases ?? []));
    }
    expect(pages).toBe(3);
    expect(names(seen)).toEqual(ofA);
  });

  it('a Marker that is not a NextMarker KMS returned gives InvalidMarkerException (API Reference, ListAliases errors)', async () => {
    const { kms, a } = await setup();
    await createAliases(kms, 'm', 3, a.KeyId);
    const { NextMarker } = await kms.send(new ListAliasesCommand({ Limit: 1 }));
    // AWS's message for a bad marker is not on record; the class and status are what callers branch on.
    await expectKmsError(kms.send(new ListAliasesCommand({ Marker: 'forged-marker' })), { type: InvalidMarkerException, status: 400 });
    await expectKmsError(kms.send(new ListAliasesCommand({ Marker: `${NextMarker}x` })), { type: InvalidMarkerException, status: 400 });
  });

  it('lists the aliases of a key pending deletion until the key is deleted, then no longer (Developer Guide, key states: ListAliases; API Reference, ScheduleKeyDeletion)', async () => {
    const { vault, kms, a, b } = await setup();
    await createAliases(kms, 'doomed', 2, a.KeyId);
    await createAliases(kms, 'kept', 1, b.KeyId);
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: a.KeyId, PendingWindowInDays: 7 }));
    expect(names((await kms.send(new ListAliasesCommand({}))).Aliases)).toEqual(['alias/doomed-000', 'alias/doomed-001', 'alias/kept-000']);
    vault.clock.advance({ days: 7, seconds: 1 });
    expect(names((await kms.send(new ListAliasesCommand({}))).Aliases)).toEqual(['alias/kept-000']);
  });
});
