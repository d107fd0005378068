import {
  type AliasListEntry,
  CreateAliasCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  InvalidMarkerException,
  ListAliasesCommand,
  ListKeysCommand,
} from '@aws-sdk/client-kms';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';

const START = new Date('2026-04-01T00:00:00Z');

/** Aliases of the account before paging starts: `kept` are never deleted, `doomed` are deleted between pages. */
async function setup() {
  const { vault, kms } = vaultClient({ seed: 'list-aliases-stable-paging', clock: START });
  const keyId = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId as string;
  const kept: string[] = [];
  const doomed: string[] = [];
  for (let i = 0; i < 8; i++) {
    // Every other alias a second later: some share a creation date, some do not.
    if (i % 2 === 0) vault.clock.advance({ seconds: 1 });
    for (const [group, list] of [
      ['kept', kept],
      ['doomed', doomed],
    ] as const) {
      const name = `alias/${group}-${i}`;
      await kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: keyId }));
      list.push(name);
    }
  }
  const all = ((await kms.send(new ListAliasesCommand({}))).Aliases ?? []).map((a) => a.AliasName as string);
  const predefined = all.filter((n) => n.startsWith('alias/aws/'));
  return { vault, kms, keyId, kept, doomed, predefined };
}

describe('ListAliases: the marker names the last alias returned, so paging is stable while aliases change (API Reference, ListAliases Marker)', () => {
  it.each([1, 2, 3, 4, 5])(
    'paging with Limit %i through all aliases while DescribeKey/CreateAlias/DeleteAlias happen between pages lists every alias that existed throughout exactly once',
    async (limit) => {
      const { vault, kms, keyId, kept, doomed, predefined } = await setup();
      expect(predefined.length).toBeGreaterThan(10);
      const seen: AliasListEntry[] = [];
      const deleted = new Set<string>();
      const created: string[] = [];
      // Predefined aliases to associate between pages: from the far end of the list and the near end, so
      // some are associated before they are reached and some after they were listed.
      const toDescribe = [...predefined].reverse().flatMap((n, i) => [n, predefined[i] as string]);
      let marker: string | undefined;
      let pages = 0;
      do {
        const out = await kms.send(new ListAliasesCommand({ Limit: limit, Marker: marker }));
        expect((out.Aliases ?? []).length).toBeLessThanOrEqual(limit);
        seen.push(...(out.Aliases ?? []));
        marker = out.NextMarker;
        expect(out.Truncated).toBe(marker !== undefined);
        pages++;
        vault.clock.advance({ seconds: 1 });
        switch (pages % 3) {
          case 0: {
            const name = toDescribe.shift();
            if (name !== undefined) await kms.send(new DescribeKeyCommand({ KeyId: name }));
            break;
          }
          case 1: {
            const name = `alias/new-${pages}`;
            await kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: keyId }));
            created.push(name);
            break;
          }
          default: {
            // The alias the marker names when it is a doomed one, otherwise the next doomed one.
            const last = seen[seen.length - 1]?.AliasName as string;
            const name = doomed.includes(last) && !deleted.has(last) ? last : doomed.find((n) => !deleted.has(n));
            if (name !== undefined) {
              await kms.send(new DeleteAliasCommand({ AliasName: name }));
              deleted.add(name);
            }
          }
        }
      } while (marker !== undefined && pages < 200);
      expect(marker).toBeUndefined();
      expect(deleted.size).toBeGreaterThan(0);

      const names = seen.map((a) => a.AliasName as string);
      const count = (n: string) => names.filter((x) => x === n).length;
      // Every alias that existed from the first page to the last: listed exactly once.
      for (const n of [...kept, ...predefined, ...doomed.filter((d) => !deleted.has(d))]) expect([n, count(n)]).toEqual([n, 1]);
      // Aliases created or deleted while paging: listed at most once; nothing else is listed.
      for (const n of [...created, ...deleted]) expect(count(n)).toBeLessThanOrEqual(1);
      expect(new Set(names).size).toBe(names.length);
      expect(names.every((n) => [...kept, ...doomed, ...predefined, ...created].includes(n))).toBe(true);
    },
  );

  it('a predefined alias associated with its AWS managed key between pages keeps its place: listed once, before the predefined aliases that follow it by name', async () => {
    const { kms, predefined } = await setup();
    const first = await kms.send(new ListAliasesCommand({ Limit: 20 }));
    const glue = predefined.find((n) => n === 'alias/aws/glue') as string;
    expect(first.Aliases?.map((a) => a.AliasName)).not.toContain(glue);
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: glue }));
    const rest: AliasListEntry[] = [];
    let marker = first.NextMarker;
    for (let i = 0; marker !== undefined && i < 50; i++) {
      const out = await kms.send(new ListAliasesCommand({ Limit: 20, Marker: marker }));
      rest.push(...(out.Aliases ?? []));
      marker = out.NextMarker;
    }
    const aws = [...(first.Aliases ?? []), ...rest].filter((a) => a.AliasName?.startsWith('alias/aws/'));
    expect(aws.map((a) => a.AliasName)).toEqual([...predefined].sort());
    expect(aws.find((a) => a.AliasName === glue)?.TargetKeyId).toBe(KeyMetadata?.KeyId);
  });

  it('a Marker the vault did not issue for ListAliases gives InvalidMarkerException, also one shaped like a ListAliases marker or issued by ListKeys (API Reference, ListAliases errors)', async () => {
    const { kms } = await setup();
    const { NextMarker } = await kms.send(new ListAliasesCommand({ Limit: 1 }));
    expect(NextMarker).toEqual(expect.any(String));
    const decoded = Buffer.from(NextMarker as string, 'base64url').toString('utf8');
    const forged = [
      'kvm1:ListAliases:after:not-a-position',
      decoded.replace(/-0$/, '-1'),
      decoded.replace(/:[0-9a-f]{12}:/, ':000000000000:'),
      decoded.replace('ListAliases', 'ListKeys'),
    ];
    expect(new Set([decoded, ...forged]).size).toBe(5);
    for (const f of forged) {
      await expectKmsError(kms.send(new ListAliasesCommand({ Marker: Buffer.from(f, 'utf8').toString('base64url') })), {
        type: InvalidMarkerException,
        status: 400,
      });
    }
    await expectKmsError(kms.send(new ListAliasesCommand({ Marker: `${NextMarker}x` })), { type: InvalidMarkerException, status: 400 });
    const keysMarker = (await kms.send(new ListKeysCommand({ Limit: 1 }))).NextMarker;
    await kms.send(new CreateKeyCommand({}));
    const keysMarker2 = (await kms.send(new ListKeysCommand({ Limit: 1 }))).NextMarker;
    for (const m of [keysMarker, keysMarker2].filter((x): x is string => x !== undefined)) {
      await expectKmsError(kms.send(new ListAliasesCommand({ Marker: m })), { type: InvalidMarkerException, status: 400 });
    }
  });
});
