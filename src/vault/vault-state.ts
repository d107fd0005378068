import type { AliasRecord, KeyMaterial, KeyRecord, MultiRegionGroup } from './key-record';
import { CustomKeyStoreState } from './custom-key-stores';
import type { PrincipalRecord } from './principal';
import { GrantStore } from './grants';
import type { RandomSource } from './random';

/** The keys and aliases of one account in one region. */
export class RegionStore {
  readonly keys = new Map<string, KeyRecord>();
  readonly aliases = new Map<string, AliasRecord>();
  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}
}

/**
 * Everything the vault holds, per account and region, plus an index from key-material id to the keys
 * that hold that material (a ciphertext header names material, not a key).
 */
export class VaultState {
  // Nested by account then region: the hot path looks stores up without building a string key.
  private readonly stores = new Map<string, Map<string, RegionStore>>();
  private readonly materialIndex = new Map<string, KeyRecord[]>();
  private readonly byArn = new Map<string, KeyRecord>();
  private readonly pendingDeletion = new Set<KeyRecord>();
  private readonly rotating = new Set<KeyRecord>();
  /** Keys holding imported key material with a ValidTo. */
  private readonly expiringImports = new Set<KeyRecord>();
  /** The key import tokens are sealed under; made when the first token is issued. */
  private importTokenKey?: Buffer;
  /** Primary multi-Region keys whose deletion waits for their replicas to be deleted. */
  private readonly awaitingReplicaDeletion = new Set<KeyRecord>();
  /** Key states that KMS changes asynchronously (Creating, Updating), applied before the next request. */
  private readonly settling: { key: KeyRecord; state: KeyRecord['state'] }[] = [];
  /** The grants on every key, and the grant tokens the vault has issued. */
  readonly grants = new GrantStore();
  /** The principals the vault knows, by ARN (the caller's `arn`). Account roots need no record. */
  readonly principals = new Map<string, PrincipalRecord>();
  /** The same principals, by the access key id of their credentials. */
  readonly principalsByAccessKey = new Map<string, PrincipalRecord>();
  /** Custom key stores, and the CloudHSM clusters and external key store proxies the vault simulates for them. */
  readonly customKeyStores = new CustomKeyStoreState();

  /** Adds or replaces a principal. */
  addPrincipal(record: PrincipalRecord): void {
    const previous = this.principals.get(record.caller.arn);
    if (previous) this.principalsByAccessKey.delete(previous.credentials.accessKeyId);
    this.principals.set(record.caller.arn, record);
    this.principalsByAccessKey.set(record.credentials.accessKeyId, record);
  }

  /** The store of an account and region; created empty on first write. */
  store(accountId: string, region: string): RegionStore {
    let regions = this.stores.get(accountId);
    if (!regions) {
      regions = new Map();
      this.stores.set(accountId, regions);
    }
    let s = regions.get(region);
    if (!s) {
      s = new RegionStore(accountId, region);
      regions.set(region, s);
    }
    return s;
  }

  /** The store of an account and region, or undefined when nothing was ever written there. Never creates. */
  peek(accountId: string, region: string): RegionStore | undefined {
    return this.stores.get(accountId)?.get(region);
  }

  /** Every store, in creation order. */
  *allStores(): IterableIterator<RegionStore> {
    for (const regions of this.stores.values()) yield* regions.values();
  }

  addKey(key: KeyRecord): void {
    this.store(key.accountId, key.region).keys.set(key.keyId, key);
    this.byArn.set(key.arn, key);
    for (const m of key.materials) this.indexMaterial(key, m);
  }

  indexMaterial(key: KeyRecord, material: KeyMaterial): void {
    const holders = this.materialIndex.get(material.id);
    if (holders) holders.push(key);
    else this.materialIndex.set(material.id, [key]);
  }

  /** Forgets that `key` holds `material` (imported material pending rotation that is deleted). */
  unindexMaterial(key: KeyRecord, material: KeyMaterial): void {
    const holders = this.materialIndex.get(material.id)?.filter((k) => k !== key);
    if (holders && holders.length > 0) this.materialIndex.set(material.id, holders);
    else this.materialIndex.delete(material.id);
  }

  /** Removes a key for good, with its aliases and its material. */
  deleteKey(key: KeyRecord): void {
    const s = this.peek(key.accountId, key.region);
    if (!s) return;
    s.keys.delete(key.keyId);
    if (this.byArn.get(key.arn) === key) this.byArn.delete(key.arn);
    this.rotating.delete(key);
    this.expiringImports.delete(key);
    this.pendingDeletion.delete(key);
    this.awaitingReplicaDeletion.delete(key);
    const group = key.multiRegionGroup;
    if (group?.members.get(key.region) === key) group.members.delete(key.region);
    for (const [name, alias] of s.aliases) if (alias.targetKeyId === key.keyId) s.aliases.delete(name);
    for (const m of key.materials) this.unindexMaterial(key, m);
    this.grants.removeKey(key.arn);
  }

  scheduleDeletion(key: KeyRecord): void {
    if (key.state === 'PendingReplicaDeletion') this.awaitingReplicaDeletion.add(key);
    else this.pendingDeletion.add(key);
  }

  cancelDeletion(key: KeyRecord): void {
    this.pendingDeletion.delete(key);
    this.awaitingReplicaDeletion.delete(key);
  }

  /** Puts `key` in a transient state now; it moves to `then` before the next request. */
  settleLater(key: KeyRecord, now: KeyRecord['state'], then: KeyRecord['state']): void {
    key.state = now;
    this.settling.push({ key, state: then });
  }

  /** The state a key in a transient state (Creating, Updating) moves to before the next request, if any. */
  settlesTo(key: KeyRecord): KeyRecord['state'] | undefined {
    return this.settling.find((s) => s.key === key)?.state;
  }

  /** Sets the key that import tokens are sealed under (a loaded snapshot's, so its tokens stay valid). */
  restoreImportTokenSecret(secret: Buffer): void {
    this.importTokenKey = secret;
  }

  /** Completes the asynchronous state changes begun by earlier requests. */
  settle(): void {
    if (this.settling.length === 0) return;
    for (const { key, state } of this.settling.splice(0)) key.state = state;
  }

  /** Notes whether a key has automatic rotation enabled (its `rotation` schedule is set). */
  trackRotation(key: KeyRecord): void {
    if (key.rotation) this.rotating.add(key);
    else this.rotating.delete(key);
  }

  /** The keys with automatic rotation enabled. */
  keysWithRotation(): ReadonlySet<KeyRecord> {
    return this.rotating;
  }

  /** Notes whether a key holds imported key material that expires (an imported material with a ValidTo). */
  trackImportExpiry(key: KeyRecord): void {
    if (key.materials.some((m) => m.imported?.imported === true && m.imported.validTo !== undefined)) this.expiringImports.add(key);
    else this.expiringImports.delete(key);
  }

  /** The keys holding imported key material that expires. */
  keysWithExpiringMaterial(): ReadonlySet<KeyRecord> {
    return this.expiringImports;
  }

  /** The keys waiting for their deletion: PendingDeletion, and primary keys waiting for their replicas. */
  keysAwaitingDeletion(): KeyRecord[] {
    return this.pendingDeletion.size + this.awaitingReplicaDeletion.size === 0 ? [] : [...this.pendingDeletion, ...this.awaitingReplicaDeletion];
  }

  /** The vault's own key for sealing import tokens (GetParametersForImport), drawn from `random` once. */
  issueImportTokenSecret(random: RandomSource): Buffer {
    this.importTokenKey ??= Buffer.from(random.bytes(32));
    return this.importTokenKey;
  }

  /** The key import tokens are sealed under, or undefined while the vault has issued none. */
  importTokenSecret(): Buffer | undefined {
    return this.importTokenKey;
  }

  /** Deletes the keys whose waiting period has ended by `now`, as KMS does in the background. */
  sweepDeletions(now: Date): void {
    if (this.pendingDeletion.size === 0 && this.awaitingReplicaDeletion.size === 0) return;
    const t = now.getTime();
    // When each multi-Region group lost a member in this sweep (the latest such DeletionDate).
    const lostAt = new Map<MultiRegionGroup, number>();
    for (const key of this.pendingDeletion) {
      const due = key.deletionDate?.getTime();
      if (due === undefined || due > t) continue;
      const group = key.multiRegionGroup;
      if (group) lostAt.set(group, Math.max(lostAt.get(group) ?? due, due));
      this.deleteKey(key);
    }
    // A primary key's own waiting period starts when its last replica is deleted (API Reference,
    // ScheduleKeyDeletion PendingWindowInDays), not when the vault next looks; it may be over already.
    for (const key of this.awaitingReplicaDeletion) {
      if ((key.multiRegionGroup?.members.size ?? 1) > 1) continue;
      this.awaitingReplicaDeletion.delete(key);
      key.state = 'PendingDeletion';
      const start = (key.multiRegionGroup && lostAt.get(key.multiRegionGroup)) ?? t;
      key.deletionDate = new Date(start + (key.pendingWindowInDays ?? 30) * 86_400_000);
      if (key.deletionDate.getTime() <= t) this.deleteKey(key);
      else this.pendingDeletion.add(key);
    }
  }

  /** The key with this ARN, in any account and region. */
  keyByArn(arn: string): KeyRecord | undefined {
    return this.byArn.get(arn);
  }

  /** The keys holding a key-material version, in any account and region. */
  keysWithMaterial(materialId: string): readonly KeyRecord[] {
    return this.materialIndex.get(materialId) ?? [];
  }
}
