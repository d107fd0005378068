import { DescribeKeyCommand, type KMSClient, paginateListAliases, paginateListKeys } from '@aws-sdk/client-kms';

/** What a user can see of a vault through one client: every key, every alias and every key's metadata. */
export interface VaultView {
  readonly keys: unknown[];
  readonly aliases: unknown[];
  readonly metadata: unknown[];
}

/**
 * Reads the whole visible state of the client's account and region with ListKeys, ListAliases and
 * DescribeKey, so that a test can compare it before and after a call that must fail.
 */
export async function vaultView(kms: KMSClient): Promise<VaultView> {
  const keys: { KeyId?: string }[] = [];
  for await (const page of paginateListKeys({ client: kms }, {})) keys.push(...(page.Keys ?? []));
  const aliases: unknown[] = [];
  for await (const page of paginateListAliases({ client: kms }, {})) aliases.push(...(page.Aliases ?? []));
  const metadata: unknown[] = [];
  for (const key of keys) metadata.push((await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata);
  return { keys, aliases, metadata };
}
