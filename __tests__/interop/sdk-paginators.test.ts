import {
  CreateAliasCommand,
  CreateGrantCommand,
  CreateKeyCommand,
  KMSClient,
  RotateKeyOnDemandCommand,
  TagResourceCommand,
  paginateDescribeCustomKeyStores,
  paginateListAliases,
  paginateListGrants,
  paginateListKeyPolicies,
  paginateListKeyRotations,
  paginateListKeys,
  paginateListResourceTags,
  paginateListRetirableGrants,
  type KMSClientConfig,
} from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin, vaultRequestHandler } from '../../src';

/**
 * Every paginator @aws-sdk/client-kms ships (there are no KMS waiters) walks the vault's pages to the
 * end: `Limit` from `pageSize`, `NextMarker` fed back as `Marker` while `Truncated` is true, and
 * every item exactly once. API Reference: "Truncated ... pass the value of NextMarker ... in the
 * Marker parameter of a subsequent request".
 */
const ADAPTERS: ReadonlyArray<[string, (vault: KmsVault, config: KMSClientConfig) => KMSClient]> = [
  [
    'middleware',
    (vault, config) => {
      const kms = new KMSClient(config);
      kms.middlewareStack.use(vaultPlugin(vault));
      return kms;
    },
  ],
  [
    'request handler',
    (vault, config) =>
      new KMSClient({
        credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
        ...config,
        requestHandler: vaultRequestHandler(vault),
      }),
  ],
];

interface Page {
  Truncated?: boolean;
  NextMarker?: string;
}

async function pagesOf<T extends Page>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

/** Every page but the last is truncated with a marker; the last is not truncated and has none. */
function expectChained(pages: readonly Page[]): void {
  for (const page of pages.slice(0, -1)) {
    expect(page.Truncated).toBe(true);
    expect(page.NextMarker).toEqual(expect.any(String));
  }
  expect(pages.at(-1)?.Truncated).toBe(false);
  expect(pages.at(-1)?.NextMarker).toBeUndefined();
}

describe.each(ADAPTERS)('interop: @aws-sdk/client-kms paginators through the %s', (_name, connect) => {
  const role = 'arn:aws:iam::111122223333:role/worker';
  const vault = new KmsVault({ seed: 'interop-paginators' });
  const client = connect(vault, { region: 'us-east-1' });
  const keys: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 11; i++) keys.push((await client.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId as string);
    for (let i = 0; i < 7; i++) await client.send(new CreateAliasCommand({ AliasName: `alias/paged-${i}`, TargetKeyId: keys[i % 2] }));
    for (let i = 0; i < 5; i++)
      await client.send(new CreateGrantCommand({ KeyId: keys[0], GranteePrincipal: role, RetiringPrincipal: role, Operations: ['Decrypt'] }));
    await client.send(new TagResourceCommand({ KeyId: keys[0], Tags: Array.from({ length: 9 }, (_, i) => ({ TagKey: `k${i}`, TagValue: `v${i}` })) }));
    for (let i = 0; i < 3; i++) await client.send(new RotateKeyOnDemandCommand({ KeyId: keys[0] }));
  });

  it('paginateListKeys: every key once, in pages of pageSize', async () => {
    const pages = await pagesOf(paginateListKeys({ client, pageSize: 4 }, {}));
    expect(pages.map((p) => p.Keys?.length)).toEqual([4, 4, 3]);
    expectChained(pages);
    expect(pages.flatMap((p) => p.Keys?.map((k) => k.KeyId))).toEqual(expect.arrayContaining(keys));
    expect(new Set(pages.flatMap((p) => p.Keys?.map((k) => k.KeyId))).size).toBe(11);
  });

  it('paginateListAliases: all aliases, and those of one key with KeyId', async () => {
    const all = await pagesOf(paginateListAliases({ client, pageSize: 3 }, {}));
    expectChained(all);
    const names = all.flatMap((p) => p.Aliases?.map((a) => a.AliasName));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(Array.from({ length: 7 }, (_, i) => `alias/paged-${i}`)));
    const ofKey = await pagesOf(paginateListAliases({ client, pageSize: 2 }, { KeyId: keys[1] }));
    expect(ofKey.flatMap((p) => p.Aliases?.map((a) => a.AliasName)).sort()).toEqual(['alias/paged-1', 'alias/paged-3', 'alias/paged-5']);
  });

  it('paginateListGrants and paginateListRetirableGrants: every grant once', async () => {
    const grants = await pagesOf(paginateListGrants({ client, pageSize: 2 }, { KeyId: keys[0] }));
    expectChained(grants);
    expect(new Set(grants.flatMap((p) => p.Grants?.map((g) => g.GrantId))).size).toBe(5);
    const retirable = await pagesOf(paginateListRetirableGrants({ client, pageSize: 2 }, { RetiringPrincipal: role }));
    expectChained(retirable);
    expect(retirable.flatMap((p) => p.Grants ?? [])).toHaveLength(5);
  });

  it('paginateListResourceTags, paginateListKeyRotations, paginateListKeyPolicies, paginateDescribeCustomKeyStores', async () => {
    const tags = await pagesOf(paginateListResourceTags({ client, pageSize: 4 }, { KeyId: keys[0] }));
    expectChained(tags);
    expect(tags.flatMap((p) => p.Tags ?? [])).toHaveLength(9);
    const rotations = await pagesOf(paginateListKeyRotations({ client, pageSize: 2 }, { KeyId: keys[0] }));
    expectChained(rotations);
    expect(rotations.flatMap((p) => p.Rotations?.map((r) => r.RotationType))).toEqual(['ON_DEMAND', 'ON_DEMAND', 'ON_DEMAND']);
    const policies = await pagesOf(paginateListKeyPolicies({ client, pageSize: 1 }, { KeyId: keys[0] }));
    expect(policies.flatMap((p) => p.PolicyNames)).toEqual(['default']);
    const stores = await pagesOf(paginateDescribeCustomKeyStores({ client, pageSize: 5 }, {}));
    expect(stores).toHaveLength(1);
    expect(stores[0]?.CustomKeyStores).toEqual([]);
  });
});
