import {
  CreateKeyCommand,
  DisableKeyCommand,
  InvalidMarkerException,
  KMSClient,
  ListKeysCommand,
  paginateListKeys,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { vaultPlugin } from '../../src';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';

async function createKeys(kms: KMSClient, n: number): Promise<{ KeyId: string; KeyArn: string }[]> {
  const keys: { KeyId: string; KeyArn: string }[] = [];
  for (let i = 0; i < n; i++) {
    const m = (await kms.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string; Arn: string };
    keys.push({ KeyId: m.KeyId, KeyArn: m.Arn });
  }
  return keys;
}

const byId = (a: { KeyId?: string } | undefined, b: { KeyId?: string } | undefined) => String(a?.KeyId).localeCompare(String(b?.KeyId));

describe('ListKeys', () => {
  it('lists KeyId and KeyArn of every key of the account and Region, in every key state (API Reference, ListKeys; Developer Guide, key states)', async () => {
    const { kms } = vaultClient();
    const [enabled, disabled, pending] = await createKeys(kms, 3);
    await kms.send(new DisableKeyCommand({ KeyId: disabled?.KeyId }));
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: pending?.KeyId }));
    const { $metadata, ...out } = await kms.send(new ListKeysCommand({}));
    expect($metadata.httpStatusCode).toBe(200);
    expect({ ...out, Keys: [...(out.Keys ?? [])].sort(byId) }).toEqual({ Keys: [enabled, disabled, pending].sort(byId), Truncated: false });
  });

  it('an account and Region without keys lists none and is not truncated (API Reference, ListKeys)', async () => {
    const { kms } = vaultClient();
    const { $metadata, ...out } = await kms.send(new ListKeysCommand({}));
    expect($metadata.httpStatusCode).toBe(200);
    expect(out).toEqual({ Keys: [], Truncated: false });
  });

  it("lists only the keys of the Region the request is sent to (API Reference, ListKeys: keys in the caller's account and Region)", async () => {
    const { vault, kms } = vaultClient();
    const ireland = new KMSClient({ region: 'eu-west-1' });
    ireland.middlewareStack.use(vaultPlugin(vault));
    const [mine] = await createKeys(kms, 1);
    const [irish] = await createKeys(ireland, 1);
    expect((await kms.send(new ListKeysCommand({}))).Keys).toEqual([mine]);
    expect((await ireland.send(new ListKeysCommand({}))).Keys).toEqual([irish]);
  });

  it('returns at most 100 keys when Limit is omitted, with Truncated and NextMarker to go on (API Reference, ListKeys Limit, Truncated, NextMarker)', async () => {
    const { kms } = vaultClient();
    const keys = await createKeys(kms, 101);
    const first = await kms.send(new ListKeysCommand({}));
    expect(first.Keys).toHaveLength(100);
    expect(first.Truncated).toBe(true);
    expect(typeof first.NextMarker).toBe('string');
    const rest = await kms.send(new ListKeysCommand({ Marker: first.NextMarker }));
    expect(rest.Truncated).toBe(false);
    expect(rest.NextMarker).toBeUndefined();
    expect([...(first.Keys ?? []), ...(rest.Keys ?? [])].sort(byId)).toEqual(keys.sort(byId));
  });

  it('returns no more than Limit keys per page, and NextMarker continues where the page ended (API Reference, ListKeys Limit, Marker)', async () => {
    const { kms } = vaultClient();
    const keys = await createKeys(kms, 5);
    const first = await kms.send(new ListKeysCommand({ Limit: 2 }));
    const second = await kms.send(new ListKeysCommand({ Limit: 2, Marker: first.NextMarker }));
    const third = await kms.send(new ListKeysCommand({ Limit: 2, Marker: second.NextMarker }));
    expect([first.Keys?.length, second.Keys?.length, third.Keys?.length]).toEqual([2, 2, 1]);
    expect([first.Truncated, second.Truncated, third.Truncated]).toEqual([true, true, false]);
    expect([...(first.Keys ?? []), ...(second.Keys ?? []), ...(third.Keys ?? [])].sort(byId)).toEqual(keys.sort(byId));
  });

  it('paginateListKeys walks several pages and yields every key exactly once (API Reference, ListKeys Marker; SDK paginator)', async () => {
    const { kms } = vaultClient();
    const keys = await createKeys(kms, 7);
    const pages: number[] = [];
    const seen: { KeyId?: string; KeyArn?: string }[] = [];
    for await (const page of paginateListKeys({ client: kms, pageSize: 3 }, {})) {
      pages.push(page.Keys?.length ?? 0);
      seen.push(...(page.Keys ?? []));
    }
    expect(pages).toEqual([3, 3, 1]);
    expect(seen.sort(byId)).toEqual(keys.sort(byId));
  });

  it('a Marker that is not a NextMarker KMS returned gives InvalidMarkerException (API Reference, ListKeys errors)', async () => {
    const { kms } = vaultClient();
    await createKeys(kms, 3);
    const { NextMarker } = await kms.send(new ListKeysCommand({ Limit: 1 }));
    // AWS's message for a bad marker is not on record; the class and status are what callers branch on.
    await expectKmsError(kms.send(new ListKeysCommand({ Marker: 'forged-marker' })), { type: InvalidMarkerException, status: 400 });
    await expectKmsError(kms.send(new ListKeysCommand({ Marker: `${NextMarker}x` })), { type: InvalidMarkerException, status: 400 });
  });

  it('a key is listed until its waiting period ends, then no longer (API Reference, ScheduleKeyDeletion; ListKeys)', async () => {
    const { vault, kms } = vaultClient({ clock: new Date('2026-01-01T00:00:00Z') });
    const [kept, doomed] = await createKeys(kms, 2);
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: doomed?.KeyId, PendingWindowInDays: 7 }));
    vault.clock.advance({ days: 6 });
    expect((await kms.send(new ListKeysCommand({}))).Keys?.sort(byId)).toEqual([kept, doomed].sort(byId));
    vault.clock.advance({ days: 1, seconds: 1 });
    expect((await kms.send(new ListKeysCommand({}))).Keys).toEqual([kept]);
  });
});
