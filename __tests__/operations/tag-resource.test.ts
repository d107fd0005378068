import {
  CreateKeyCommand,
  KMSInvalidStateException,
  ListResourceTagsCommand,
  paginateListResourceTags,
  ScheduleKeyDeletionCommand,
  TagException,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

async function setup() {
  const { vault, kms } = vaultClient();
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Tags: [{ TagKey: 'team', TagValue: 'payments' }] }));
  return { vault, kms, keyId: KeyMetadata?.KeyId as string };
}

describe('TagResource, UntagResource, ListResourceTags', () => {
  it('adds tags and overwrites the value of an existing tag key (API Reference, TagResource)', async () => {
    const { kms, keyId } = await setup();
    await kms.send(
      new TagResourceCommand({
        KeyId: keyId,
        Tags: [
          { TagKey: 'team', TagValue: 'risk' },
          { TagKey: 'env', TagValue: '' },
        ],
      }),
    );
    const { Tags, Truncated } = await kms.send(new ListResourceTagsCommand({ KeyId: keyId }));
    expect(Truncated).toBe(false);
    expect(Tags).toEqual([
      { TagKey: 'team', TagValue: 'risk' },
      { TagKey: 'env', TagValue: '' },
    ]);
  });

  it('removes tags by key and ignores keys the key does not have (API Reference, UntagResource)', async () => {
    const { kms, keyId } = await setup();
    await kms.send(new UntagResourceCommand({ KeyId: keyId, TagKeys: ['team', 'absent'] }));
    expect((await kms.send(new ListResourceTagsCommand({ KeyId: keyId }))).Tags).toEqual([]);
  });

  it('rejects tag keys with the reserved aws: prefix with TagException and changes nothing (Developer Guide, tagging keys)', async () => {
    const { kms, keyId } = await setup();
    const error = await kmsErrorOf(
      kms.send(
        new TagResourceCommand({
          KeyId: keyId,
          Tags: [
            { TagKey: 'new', TagValue: 'x' },
            { TagKey: 'aws:owner', TagValue: 'x' },
          ],
        }),
      ),
    );
    expect(error).toBeInstanceOf(TagException);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect((await kms.send(new ListResourceTagsCommand({ KeyId: keyId }))).Tags).toEqual([{ TagKey: 'team', TagValue: 'payments' }]);
  });

  it('allows at most 50 tags per key (Developer Guide, resource quotas)', async () => {
    const { kms, keyId } = await setup();
    const tags = Array.from({ length: 49 }, (_, i) => ({ TagKey: `k${i}`, TagValue: `${i}` }));
    await kms.send(new TagResourceCommand({ KeyId: keyId, Tags: tags }));
    const error = await kmsErrorOf(kms.send(new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: 'one-too-many', TagValue: 'x' }] })));
    expect(error).toBeInstanceOf(TagException);
  });

  it('pages tags with Limit and Marker so paginateListResourceTags walks them all (API Reference, ListResourceTags)', async () => {
    const { kms, keyId } = await setup();
    await kms.send(new TagResourceCommand({ KeyId: keyId, Tags: Array.from({ length: 20 }, (_, i) => ({ TagKey: `k${i}`, TagValue: 'v' })) }));
    const first = await kms.send(new ListResourceTagsCommand({ KeyId: keyId, Limit: 7 }));
    expect(first.Tags).toHaveLength(7);
    expect(first.Truncated).toBe(true);
    const keys: string[] = [];
    for await (const p of paginateListResourceTags({ client: kms, pageSize: 6 }, { KeyId: keyId })) keys.push(...(p.Tags ?? []).map((t) => t.TagKey as string));
    expect(keys).toHaveLength(21);
    expect(new Set(keys).size).toBe(21);
  });

  it('refuses TagResource on a key pending deletion with KMSInvalidStateException (Developer Guide, key states)', async () => {
    const { kms, keyId } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    const error = await kmsErrorOf(kms.send(new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: 'a', TagValue: 'b' }] })));
    expect(error).toBeInstanceOf(KMSInvalidStateException);
  });
});
