import { CreateKeyCommand, InvalidMarkerException, ListKeysCommand, paginateListKeys, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('ListKeys (API Reference, ListKeys)', () => {
  it('lists KeyId and KeyArn of every key in the account and region, including keys pending deletion', async () => {
    const { kms } = vaultClient();
    const a = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
    const b = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: b?.KeyId }));
    const out = await kms.send(new ListKeysCommand({}));
    expect(out.Keys).toEqual([{ KeyId: a?.KeyId, KeyArn: a?.Arn }, { KeyId: b?.KeyId, KeyArn: b?.Arn }]);
    expect(out.Truncated).toBe(false);
    expect(out.NextMarker).toBeUndefined();
  });

  it('pages with Limit and NextMarker; paginateListKeys walks every page', async () => {
    const { kms } = vaultClient();
    for (let i = 0; i < 7; i++) await kms.send(new CreateKeyCommand({}));
    const first = await kms.send(new ListKeysCommand({ Limit: 3 }));
    expect(first.Keys).toHaveLength(3);
    expect(first.Truncated).toBe(true);
    const second = await kms.send(new ListKeysCommand({ Limit: 3, Marker: first.NextMarker }));
    expect(second.Keys?.[0]?.KeyId).not.toBe(first.Keys?.[0]?.KeyId);
    const ids: string[] = [];
    for await (const page of paginateListKeys({ client: kms, pageSize: 2 }, {})) ids.push(...(page.Keys ?? []).map((k) => k.KeyId as string));
    expect(new Set(ids).size).toBe(7);
  });

  it('a marker the vault did not issue gives InvalidMarkerException; Limit must be 1 to 1000', async () => {
    const { kms } = vaultClient();
    expect(await kmsErrorOf(kms.send(new ListKeysCommand({ Marker: 'AAAA' })))).toBeInstanceOf(InvalidMarkerException);
    expect((await kmsErrorOf(kms.send(new ListKeysCommand({ Limit: 0 })))).message).toBe(
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });
});
