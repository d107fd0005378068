import { isReplica, snapshotKey, snapshotSections, type ScenarioSections } from '../scenarios/snapshot';
import type { Scenario, ScenarioAlias, ScenarioGrant, ScenarioKey } from '../scenarios/scenario';
import type { KeyRecord } from '../vault/key-record';
import type { VaultState } from '../vault/vault-state';

/** Where a key is: its account, Region and key id (a multi-Region key has one record per Region). */
export interface KeyPlace {
  readonly account: string;
  readonly region: string;
  readonly keyId: string;
}

/** An alias as the journal records it; without `target` it was deleted. */
export interface AliasEntry {
  readonly account: string;
  readonly region: string;
  readonly name: string;
  readonly target?: string;
  readonly creationDate?: string;
  readonly lastUpdatedDate?: string;
}

/**
 * One journal record: the state, after one call (or one batch of key usage), of what the call
 * touched. Each part replaces what the document holds under the same name, so replaying a record
 * twice or replaying an older copy of a key before a newer one ends in the same state.
 * - `keys`: whole keys as the state document writes them (aliases apart, in `aliases`);
 * - `gone`: keys that no longer exist (with their aliases and grants);
 * - `aliases`: aliases set or deleted;
 * - `sections`: the document's other sections (principals, grants, retired grant tokens, the
 *   import-token key, custom key stores), whole.
 */
export interface JournalRecord {
  keys?: ScenarioKey[];
  gone?: KeyPlace[];
  aliases?: AliasEntry[];
  sections?: ScenarioSections;
}

/** A key as a record holds it. */
export function keyEntry(state: VaultState, key: KeyRecord): ScenarioKey {
  return snapshotKey(state, key, []);
}

/** An alias as a record holds it: its current target and dates, or its deletion. */
export function aliasEntry(state: VaultState, account: string, region: string, name: string): AliasEntry {
  const alias = state.peek(account, region)?.aliases.get(name);
  if (!alias) return { account, region, name };
  return {
    account,
    region,
    name,
    target: alias.targetKeyId,
    creationDate: alias.creationDate.toISOString(),
    lastUpdatedDate: alias.lastUpdatedDate.toISOString(),
  };
}

/** The document's sections other than keys, as they are now. */
export function sectionsEntry(state: VaultState): ScenarioSections {
  return snapshotSections(state);
}

const SECTION_NAMES = ['principals', 'grants', 'retiredGrantTokens', 'importTokenSecret', 'customKeyStores', 'cloudHsmClusters', 'xksProxies'] as const;

const placeOf = (account: string | undefined, region: string | undefined, keyId: string | undefined): string =>
  `${account ?? ''}\u0000${region ?? ''}\u0000${keyId ?? ''}`;

/**
 * A state document with journal records applied, one by one, in order: what the vault held when the
 * last record was written. Keys keep their order in the document; new ones come last.
 */
export class DocumentFold {
  private readonly keys = new Map<string, ScenarioKey>();
  private readonly aliases = new Map<string, AliasEntry>();
  private readonly base: Scenario;
  private sections: Record<string, unknown>;

  constructor(doc: Scenario) {
    this.base = doc;
    const sections: Record<string, unknown> = {};
    for (const name of SECTION_NAMES) if (doc[name] !== undefined) sections[name] = doc[name];
    this.sections = sections;
    for (const key of doc.keys ?? []) {
      this.keys.set(placeOf(key.account, key.region, key.keyId), { ...key, aliases: [] });
      for (const a of key.aliases ?? []) {
        const alias: ScenarioAlias = typeof a === 'string' ? { name: a } : a;
        this.aliases.set(placeOf(key.account, key.region, alias.name), {
          account: key.account ?? '',
          region: key.region ?? '',
          name: alias.name,
          target: key.keyId,
          ...(alias.creationDate !== undefined ? { creationDate: alias.creationDate } : {}),
          ...(alias.lastUpdatedDate !== undefined ? { lastUpdatedDate: alias.lastUpdatedDate } : {}),
        });
      }
    }
  }

  apply(record: JournalRecord): void {
    for (const gone of record.gone ?? []) this.remove(gone);
    for (const key of record.keys ?? []) this.keys.set(placeOf(key.account, key.region, key.keyId), key);
    for (const alias of record.aliases ?? []) {
      const place = placeOf(alias.account, alias.region, alias.name);
      if (alias.target === undefined) this.aliases.delete(place);
      else this.aliases.set(place, alias);
    }
    if (record.sections) {
      const sections: Record<string, unknown> = {};
      for (const name of SECTION_NAMES) if (record.sections[name] !== undefined) sections[name] = record.sections[name];
      this.sections = sections;
    }
  }

  /** A key deleted for good: its aliases and grants go with it, as in the vault. */
  private remove(place: KeyPlace): void {
    if (!this.keys.delete(placeOf(place.account, place.region, place.keyId))) return;
    for (const [name, alias] of this.aliases) {
      if (alias.account === place.account && alias.region === place.region && alias.target === place.keyId) this.aliases.delete(name);
    }
    const grants = this.sections.grants as ScenarioGrant[] | undefined;
    const arnEnd = `:kms:${place.region}:${place.account}:key/${place.keyId}`;
    if (grants) this.sections.grants = grants.filter((g) => !g.key.endsWith(arnEnd));
  }

  /** The folded document, ready for `vault.load`. */
  document(): Scenario {
    const aliasesOf = new Map<string, ScenarioAlias[]>();
    for (const a of this.aliases.values()) {
      const place = placeOf(a.account, a.region, a.target);
      const alias: ScenarioAlias = {
        name: a.name,
        ...(a.creationDate !== undefined ? { creationDate: a.creationDate } : {}),
        ...(a.lastUpdatedDate !== undefined ? { lastUpdatedDate: a.lastUpdatedDate } : {}),
      };
      const list = aliasesOf.get(place);
      if (list) list.push(alias);
      else aliasesOf.set(place, [alias]);
    }
    const keys: ScenarioKey[] = [];
    for (const [place, key] of this.keys) keys.push({ ...key, aliases: aliasesOf.get(place) ?? [] });
    // Primary keys first, so replicas find them when the document loads.
    keys.sort((a, b) => Number(isReplica(a)) - Number(isReplica(b)));
    const doc: Record<string, unknown> = { ...this.base, keys };
    for (const name of SECTION_NAMES) delete doc[name];
    return { ...(doc as unknown as Scenario), ...this.sections };
  }
}
