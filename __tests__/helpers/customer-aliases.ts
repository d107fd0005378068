import type { AliasListEntry } from '@aws-sdk/client-kms';

/**
 * The aliases of a ListAliases answer other than the predefined AWS aliases (`alias/aws/...`), which
 * every account and Region lists (API Reference, ListAliases): what tests of customer aliases compare.
 */
export function customerAliases(aliases: readonly AliasListEntry[] | undefined): AliasListEntry[] {
  return (aliases ?? []).filter((a) => !a.AliasName?.startsWith('alias/aws/'));
}
