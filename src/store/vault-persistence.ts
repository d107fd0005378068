import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CallEvent } from '../engine/execute';
import type { KmsVault } from '../kms-vault';
import type { KeyMaterial, KeyRecord } from '../vault/key-record';
import type { PrincipalRecord } from '../vault/principal';
import type { VaultState } from '../vault/vault-state';
import { DirectoryLock } from './directory-lock';
import { Journal, journalGenerations, journalName, readJournal } from './journal';
import { OPERATION_EFFECTS } from './operation-effects';
import { aliasEntry, DocumentFold, keyEntry, sectionsEntry, type AliasEntry, type JournalRecord, type KeyPlace } from './state-delta';
import { StateFile } from './state-file';

/** Usage records (last use of a key) reach the disk at most this long after the call. */
export const USAGE_WRITE_DELAY_MS = 1000;

/** The journal is folded into the document once it holds this many bytes (or the document's size, if larger). */
export const COMPACT_AFTER_BYTES = 4 * 1024 * 1024;

/** Options of {@link VaultPersistence.open}. */
export interface PersistenceOptions {
  /**
   * Fold the journal into the document once it holds this many bytes. Default: the larger of 4 MiB
   * and the document's size, or `KMS_VAULT_MOCK_COMPACT_AFTER_BYTES` (tests set 1 to fold after
   * every change).
   */
  readonly compactAfterBytes?: number;
}

/** Operations whose success changes the document's sections (grants, import-token key, custom key stores). */
const SECTION_OPERATIONS: ReadonlySet<string> = new Set([
  'CreateGrant',
  'RetireGrant',
  'RevokeGrant',
  'GetParametersForImport',
  'ImportKeyMaterial',
  'CreateCustomKeyStore',
  'UpdateCustomKeyStore',
  'DeleteCustomKeyStore',
  'ConnectCustomKeyStore',
  'DisconnectCustomKeyStore',
]);
/** Request and response members that name a key (an id, an ARN, an alias name or alias ARN). */
const KEY_MEMBERS = ['KeyId', 'TargetKeyId', 'DestinationKeyId', 'SourceKeyId'] as const;
const KEY_ARN = /^arn:[^:]+:kms:([^:]+):([^:]+):key\/(.+)$/;
const ALIAS_ARN = /^arn:[^:]+:kms:([^:]+):([^:]+):(alias\/.+)$/;

/**
 * Keeps a vault in a data directory as a state document and a journal (docs/decisions/023): loaded
 * when opened (the document, then the journal's records, replace what the vault held); every call
 * that changes state appends a record of what it touched, on disk before its response (see
 * {@link durable}); calls that only record a key's use are journaled within a second. The journal is
 * folded into a new document in the background once it grows past a bound, and at close. One server
 * per directory.
 */
export class VaultPersistence {
  private readonly stopObserving: () => void;
  private readonly journal: Journal;
  private readonly compactAfter: number;
  private timer: NodeJS.Timeout | undefined;
  private readonly usage = new Set<KeyRecord>();
  private keyCount: number;
  /** The current material of each key with automatic rotation, to see the rotations time brought. */
  private readonly rotations = new Map<KeyRecord, KeyMaterial>();
  private principals: PrincipalRecord[];
  /** The generation of the document on disk: journals before it are folded into it. */
  private documentGeneration: number;
  private compacting = false;
  /** Whether a failed compaction start was reported (once per process). */
  private rotateWarned = false;
  private closed = false;

  private constructor(
    private readonly vault: KmsVault,
    private readonly file: StateFile,
    private readonly lock: DirectoryLock,
    stored: { generation: number; documentBytes: number; journalGeneration: number; journalBytes: number },
    options: PersistenceOptions,
  ) {
    const fromEnv = Number(process.env.KMS_VAULT_MOCK_COMPACT_AFTER_BYTES);
    this.compactAfter = options.compactAfterBytes ?? (fromEnv > 0 ? fromEnv : Math.max(COMPACT_AFTER_BYTES, stored.documentBytes));
    this.documentGeneration = stored.generation;
    this.journal = new Journal(file.dir, stored.journalGeneration, stored.journalBytes);
    this.keyCount = countKeys(vault.state);
    this.principals = [...vault.state.principals.values()];
    this.noteRotations();
    this.stopObserving = vault.observers.add('persistence', (event) => this.observe(event));
  }

  /** Takes the directory (refusing one another server holds) and restores or initializes its state. */
  static open(vault: KmsVault, dir: string, options: PersistenceOptions = {}): VaultPersistence {
    const lock = DirectoryLock.acquire(dir);
    try {
      const file = new StateFile(dir);
      const stored = file.read();
      if (!stored) {
        file.write(StateFile.encode(vault.snapshot(), 0), 0);
        // Journals without a document are what a crash before the first document leaves: nothing acknowledged.
        for (const g of journalGenerations(dir)) rmSync(join(dir, journalName(g)));
        return new VaultPersistence(vault, file, lock, { generation: 0, documentBytes: 0, journalGeneration: 0, journalBytes: 0 }, options);
      }
      // Built on the first record: after a clean shutdown the journal is empty and the document loads as it is.
      let fold: DocumentFold | undefined;
      let journalBytes = 0;
      let last = stored.generation - 1;
      for (const g of journalGenerations(dir)) {
        const path = join(dir, journalName(g));
        // Folded into the document by a compaction that a crash cut short before it deleted them.
        if (g < stored.generation) {
          rmSync(path, { force: true });
          continue;
        }
        const { records, bytes } = readJournal(path);
        if (records.length > 0) fold ??= new DocumentFold(stored.state);
        for (const record of records) fold?.apply(record as JournalRecord);
        journalBytes += bytes;
        last = g;
      }
      vault.reset();
      // A seeded vault goes on from a sequence derived from the document (vault.load), so its next
      // key ids are not those of the keys it restored.
      vault.load(fold ? fold.document() : stored.state);
      // New records go to a file of their own: a torn record ends the file it is in.
      return new VaultPersistence(
        vault,
        file,
        lock,
        { generation: stored.generation, documentBytes: stored.bytes, journalGeneration: last + 1, journalBytes },
        options,
      );
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /**
   * Settles once every change acknowledged so far is on disk; undefined when nothing waits (the
   * server sends each response after it).
   */
  durable(): Promise<void> | undefined {
    return this.journal.durable();
  }

  /**
   * Writes the whole state now as a new document and starts a new journal (after a reset or a load
   * through the server's endpoints, and at close). Durable when it returns.
   */
  save(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.usage.clear();
    const generation = this.journal.rotate();
    this.file.write(StateFile.encode(this.vault.snapshot(), generation), generation);
    this.documentGeneration = generation;
    this.journal.discardBefore(generation);
    this.resync();
  }

  /** Folds the journal into the document and lets the directory go. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopObserving();
    try {
      this.save();
    } finally {
      this.journal.close();
      this.lock.release();
    }
  }

  private observe(event: CallEvent): void {
    if (this.closed) return;
    const state = this.vault.state;
    const rotated = this.rotatedKeys();
    // A failed call leaves the vault as it was (time may still have rotated keys before it ran).
    const effect = event.output ? OPERATION_EFFECTS[event.operation] : 'read';
    const count = effect === 'change' ? -1 : countKeys(state);
    if (effect === 'change' || count !== this.keyCount || rotated.length > 0) {
      const record = effect === 'read' && count === this.keyCount ? { keys: rotated.map((k) => keyEntry(state, k)) } : this.recordOf(event, rotated);
      this.keyCount = count >= 0 ? count : countKeys(state);
      this.journal.append(record);
      this.compactIfDue();
    } else if (effect === 'usage') {
      for (const key of this.touched(event).keys) this.usage.add(key);
      if (!this.timer && this.usage.size > 0) {
        this.timer = setTimeout(() => this.writeUsage(), USAGE_WRITE_DELAY_MS);
        // Pending usage is written by close(); it must not keep a process alive on its own.
        this.timer.unref();
      }
    }
  }

  private writeUsage(): void {
    this.timer = undefined;
    if (this.closed || this.usage.size === 0) return;
    const state = this.vault.state;
    const keys = [...this.usage].filter((k) => state.peek(k.accountId, k.region)?.keys.get(k.keyId) === k).map((k) => keyEntry(state, k));
    this.usage.clear();
    if (keys.length === 0) return;
    this.journal.append({ keys });
    // Nobody waits for usage; a failure is reported by the journal and the next durable() rejects.
    this.journal.durable()?.catch(() => undefined);
    this.compactIfDue();
  }

  /** What a successful call changed: the keys and aliases it names, their multi-Region relatives, and the sections its kind of operation changes. */
  private recordOf(event: CallEvent, rotated: readonly KeyRecord[]): JournalRecord {
    const state = this.vault.state;
    const { keys, gone, aliases } = this.touched(event);
    for (const k of rotated) keys.add(k);
    const record: JournalRecord = {};
    if (keys.size > 0) record.keys = [...keys].map((k) => keyEntry(state, k));
    if (gone.length > 0) record.gone = gone;
    if (aliases.length > 0) record.aliases = aliases;
    const principals = state.principals;
    const principalsChanged = principals.size !== this.principals.length || this.principals.some((p) => principals.get(p.caller.arn) !== p);
    if (principalsChanged || SECTION_OPERATIONS.has(event.operation) || [...keys].some((k) => k.customKeyStore !== undefined)) {
      record.sections = sectionsEntry(state);
      this.principals = [...principals.values()];
    }
    for (const k of keys) this.usage.delete(k);
    return record;
  }

  /** The keys and aliases a call names in its request and response, as they are after it. */
  private touched(event: CallEvent): { keys: Set<KeyRecord>; gone: KeyPlace[]; aliases: AliasEntry[] } {
    const state = this.vault.state;
    const keys = new Set<KeyRecord>();
    const gone: KeyPlace[] = [];
    const aliases: AliasEntry[] = [];
    const account = event.caller.accountId;
    const region = event.region;
    const addKey = (a: string, r: string, keyId: string): void => {
      const key = state.peek(a, r)?.keys.get(keyId);
      if (!key) {
        gone.push({ account: a, region: r, keyId });
        return;
      }
      keys.add(key);
      // A multi-Region key's relatives share its primary Region and its deletion.
      for (const member of key.multiRegionGroup?.members.values() ?? []) keys.add(member);
    };
    const addAlias = (a: string, r: string, name: string): void => {
      const entry = aliasEntry(state, a, r, name);
      aliases.push(entry);
      if (entry.target !== undefined) addKey(a, r, entry.target);
    };
    const name = (value: unknown): void => {
      if (typeof value !== 'string' || value === '') return;
      let m = KEY_ARN.exec(value);
      if (m) return addKey(m[2] as string, m[1] as string, m[3] as string);
      m = ALIAS_ARN.exec(value);
      if (m) return addAlias(m[2] as string, m[1] as string, m[3] as string);
      if (value.startsWith('alias/')) return addAlias(account, region, value);
      addKey(account, region, value);
    };
    const input = event.input as Record<string, unknown> | undefined;
    const output = event.output as Record<string, unknown> | undefined;
    for (const member of KEY_MEMBERS) {
      name(input?.[member]);
      name(output?.[member]);
    }
    if (typeof input?.AliasName === 'string') addAlias(account, region, input.AliasName);
    name((output?.KeyMetadata as { Arn?: unknown } | undefined)?.Arn);
    name((output?.ReplicaKeyMetadata as { Arn?: unknown } | undefined)?.Arn);
    return { keys, gone, aliases };
  }

  /** Keys that automatic rotation gave new material since the last look (time passes before every call). */
  private rotatedKeys(): KeyRecord[] {
    const rotating = this.vault.state.keysWithRotation();
    if (rotating.size === 0 && this.rotations.size === 0) return [];
    const out: KeyRecord[] = [];
    for (const key of rotating) if (this.rotations.get(key) !== key.currentMaterial) out.push(key);
    this.noteRotations();
    return out;
  }

  private noteRotations(): void {
    this.rotations.clear();
    for (const key of this.vault.state.keysWithRotation()) this.rotations.set(key, key.currentMaterial);
  }

  private resync(): void {
    this.keyCount = countKeys(this.vault.state);
    this.principals = [...this.vault.state.principals.values()];
    this.noteRotations();
  }

  /** Starts a compaction in the background when the journal has grown past its bound. */
  private compactIfDue(): void {
    if (this.compacting || this.closed || this.journal.failed || this.journal.bytes < this.compactAfter) return;
    this.compacting = true;
    // The document holds every record appended before the rotation (the snapshot is taken in the same
    // turn), none after: a crash before the rename replays the old document and every journal; after
    // it, the new document and the journals from `generation` on.
    let generation: number;
    let text: string;
    try {
      generation = this.journal.rotate();
      text = StateFile.encode(this.vault.snapshot(), generation);
    } catch (error) {
      // The new journal file could not be opened: records keep going to the current one, and a later
      // record tries again. Warned once, not at every record.
      this.compacting = false;
      if (!this.rotateWarned) {
        this.rotateWarned = true;
        process.emitWarning(`kms-vault-mock could not start a new journal in ${this.file.dir}: ${(error as Error).message}`);
      }
      return;
    }
    this.file
      .writeInBackground(text, generation, () => !this.closed && this.documentGeneration < generation)
      .then((replaced) => {
        if (!replaced) return;
        this.documentGeneration = generation;
        this.journal.discardBefore(generation);
      })
      .catch((error: unknown) => {
        // The journal still holds everything: the next compaction, or close(), tries again.
        process.emitWarning(`kms-vault-mock could not fold its journal into ${this.file.dir}: ${(error as Error).message}`);
      })
      .finally(() => {
        this.compacting = false;
      });
  }
}

function countKeys(state: VaultState): number {
  let n = 0;
  for (const store of state.allStores()) n += store.keys.size;
  return n;
}
