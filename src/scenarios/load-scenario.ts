import type { CreateKeyResponse } from '@aws-sdk/client-kms';
import { encodeEncryptionContext } from '../crypto/encryption-context';
import { sealSymmetric } from '../crypto/symmetric-ciphertext';
import { KmsVaultMockError } from '../errors/library-error';
import { keyArn } from '../vault/arn';
import { KEY_SPECS } from '../vault/key-specs';
import { allMaterialImported, associatedMaterials, importedPrimaryOf, NO_KEY_MATERIAL, replicaHoldsAll } from '../vault/imported-material';
import { newAlias, type ImportedMaterialState, type KeyMaterial, type KeyRecord } from '../vault/key-record';
import type { ScenarioHost } from './scenario-host';
import { applyKeyPolicy, loadGrant } from './load-authorization';
import { loadCustomKeyStores } from './custom-key-store-scenario';
import {
  STATE_FORMAT_VERSION,
  type LoadedScenario,
  type Scenario,
  type ScenarioAlias,
  type ScenarioImport,
  type ScenarioKey,
  type ScenarioPrincipal,
} from './scenario';
import { callerOf } from '../vault/principal';

const HEX64 = /^[0-9a-f]{64}$/;

function date(value: string | undefined, what: string): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new KmsVaultMockError(`Scenario ${what} '${value}' is not an ISO 8601 date.`);
  return d;
}

function materialsOf(spec: ScenarioKey): KeyMaterial[] | undefined {
  if (!spec.materials) return undefined;
  if (spec.materials.length === 0) throw new KmsVaultMockError(`Scenario key '${spec.ref ?? spec.keyId}' lists no materials.`);
  // HMAC keys hold a secret of their spec's size; AES keys and key-pair seeds are 32 bytes. Imported
  // key material (Origin EXTERNAL) is what was imported: ImportKeyMaterial checked it.
  const params = KEY_SPECS[spec.keySpec ?? 'SYMMETRIC_DEFAULT']?.material;
  const external = spec.origin === 'EXTERNAL';
  const size = params?.kind === 'hmac' ? params.bytes : 32;
  return spec.materials.map((m) => {
    const secret = Buffer.from(m.secret, 'base64');
    if (!HEX64.test(m.id) || (external ? secret.length === 0 : secret.length !== size)) {
      throw new KmsVaultMockError(`Scenario key material '${m.id}' needs a 64-hex id and a base64 ${external ? 'non-empty' : `${size}-byte`} secret.`);
    }
    const material: KeyMaterial = { id: m.id, idBytes: Buffer.from(m.id, 'hex'), secret, createdAt: date(m.createdAt, 'material date') as Date };
    const withImport = external ? { ...material, imported: importOf(m.import) } : material;
    return m.rotationType ? { ...withImport, rotationType: m.rotationType } : withImport;
  });
}

function importOf(spec: ScenarioImport | undefined): ImportedMaterialState {
  const validTo = date(spec?.validTo, 'material validTo');
  const state: ImportedMaterialState = {
    imported: spec?.imported ?? true,
    pendingRotation: spec?.pendingRotation === true,
  };
  if (state.imported) state.expirationModel = spec?.expirationModel ?? (validTo ? 'KEY_MATERIAL_EXPIRES' : 'KEY_MATERIAL_DOES_NOT_EXPIRE');
  if (state.imported && validTo) state.validTo = validTo;
  if (spec?.description !== undefined) state.description = spec.description;
  return state;
}

/**
 * Builds the state a scenario describes, through the vault's own operations wherever one exists
 * (CreateKey, CreateAlias, TagResource, RotateKeyOnDemand, ...), so loaded keys are real keys.
 * Snapshot details that no operation can set (fixed key ids, key material, dates) are applied to the
 * records afterwards. Any problem is a KmsVaultMockError naming the scenario.
 */
export function loadScenario(vault: ScenarioHost, scenario: Scenario): LoadedScenario {
  const keys: Record<string, { keyId: string; arn: string; region: string }> = {};
  const ciphertexts: Record<string, Uint8Array> = {};
  const records = new Map<ScenarioKey, KeyRecord>();
  if (scenario.formatVersion !== undefined && scenario.formatVersion !== STATE_FORMAT_VERSION) {
    throw new KmsVaultMockError(
      `Scenario '${scenario.name}' is a state document of format version ${String(scenario.formatVersion)}; this kms-vault-mock reads version ${STATE_FORMAT_VERSION}. Upgrade kms-vault-mock, or write the document again with this version.`,
    );
  }
  try {
    for (const principal of scenario.principals ?? []) loadPrincipal(vault, principal);
    const settleCustomKeyStores = loadCustomKeyStores(vault.state.customKeyStores, scenario, {
      accountId: vault.accountId,
      region: vault.region,
      now: vault.clock.now(),
    });
    if (scenario.importTokenSecret !== undefined) vault.state.restoreImportTokenSecret(Buffer.from(scenario.importTokenSecret, 'base64'));
    for (const spec of scenario.keys ?? []) {
      if (spec.multiRegion?.primaryRegion !== undefined && spec.multiRegion.primaryRegion !== (spec.region ?? vault.region)) continue;
      const record = createKey(vault, spec);
      records.set(spec, record);
      keys[spec.ref ?? record.keyId] = { keyId: record.keyId, arn: record.arn, region: record.region };
    }
    // Replicas listed as keys of their own (as snapshots list them) adopt their primary's group.
    for (const spec of scenario.keys ?? []) {
      if (records.has(spec)) continue;
      const primary = [...records.entries()].find(([s, r]) => r.keyId === spec.keyId && s.account === spec.account)?.[1];
      if (!primary) throw new KmsVaultMockError(`Scenario replica '${spec.keyId}' in ${spec.region} has no primary key in the scenario.`);
      const tags = spec.tags ? Object.entries(spec.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) : undefined;
      vault.executeInternal(
        'ReplicateKey',
        { KeyId: primary.arn, ReplicaRegion: spec.region ?? vault.region, Description: spec.description, Tags: tags },
        { region: primary.region, accountId: primary.accountId },
      );
      const replica = vault.state.peek(primary.accountId, spec.region ?? vault.region)?.keys.get(primary.keyId) as KeyRecord;
      replica.creationDate = date(spec.creationDate, 'creationDate') ?? replica.creationDate;
      if (replica.origin === 'EXTERNAL') restoreReplicaMaterial(vault, spec, replica, primary);
      records.set(spec, replica);
      keys[spec.ref ?? `${replica.keyId}@${replica.region}`] = { keyId: replica.keyId, arn: replica.arn, region: replica.region };
    }
    vault.state.settle();
    // ReplicateKey leaves a replica of a key with imported key material PendingImport; the document's
    // replica holds its own material.
    for (const record of records.values()) if (importedPrimaryOf(record)) record.state = importState(record);
    for (const [spec, record] of records) finishKey(vault, spec, record, ciphertexts);
    // Key policies last: loading acts as each key's account root, which a policy may well not allow.
    for (const [spec, record] of records) applyKeyPolicy(record, spec.policy);
    for (const grant of scenario.grants ?? []) loadGrant(vault, grant, keys);
    vault.state.grants.restoreRetiredTokens(scenario.retiredGrantTokens ?? []);
    // States KMS reaches only on its own time, set last since every request settles transient states:
    // a key being created or updated, one whose custom key store is disconnected.
    for (const [spec, record] of records) {
      // A key with imported key material settles to what its material allows (a new replica: PendingImport).
      const settlesTo = spec.settlesTo ?? (record.origin === 'EXTERNAL' ? importState(record) : 'Enabled');
      if (spec.state === 'Creating' || spec.state === 'Updating') vault.state.settleLater(record, spec.state, settlesTo);
      if (spec.state === 'Unavailable') record.state = 'Unavailable';
    }
    settleCustomKeyStores(records);
    for (const fault of scenario.faults ?? []) vault.faults.inject(fault);
  } catch (error) {
    if (error instanceof KmsVaultMockError) throw new KmsVaultMockError(`Scenario '${scenario.name}': ${error.message}`);
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new KmsVaultMockError(`Scenario '${scenario.name}' could not be loaded: ${reason}`);
  }
  return { keys, ciphertexts };
}

function createKey(vault: ScenarioHost, spec: ScenarioKey): KeyRecord {
  const region = spec.region ?? vault.region;
  const accountId = spec.account ?? vault.accountId;
  const where = { region, accountId };
  const created = vault.executeInternal(
    'CreateKey',
    {
      Description: spec.description,
      KeySpec: spec.keySpec,
      KeyUsage: spec.keyUsage,
      Origin: spec.origin,
      CustomKeyStoreId: spec.customKeyStoreId,
      XksKeyId: spec.xksKeyId,
      MultiRegion: spec.multiRegion ? true : undefined,
      Tags: spec.tags ? Object.entries(spec.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) : undefined,
    },
    where,
  ) as CreateKeyResponse;
  const keyId = created.KeyMetadata?.KeyId as string;
  let record = vault.state.peek(accountId, region)?.keys.get(keyId) as KeyRecord;
  const materials = materialsOf(spec);
  const creationDate = date(spec.creationDate, 'creationDate');
  if (spec.keyId !== undefined || materials || creationDate || spec.keyManager === 'AWS') {
    // The key just made may itself have drawn that id (a seeded vault loading its own snapshot).
    const occupant = spec.keyId === undefined ? undefined : vault.state.peek(accountId, region)?.keys.get(spec.keyId);
    if (occupant !== undefined && occupant !== record) {
      throw new KmsVaultMockError(`key '${spec.keyId}' already exists in ${accountId}/${region}.`);
    }
    vault.state.deleteKey(record);
    const id = spec.keyId ?? keyId;
    const list = materials ?? record.materials;
    const group = record.multiRegionGroup;
    // New imported material waiting for RotateKeyOnDemand is never current.
    const current = list.filter((m) => m.imported?.pendingRotation !== true);
    record = {
      ...record,
      keyId: id,
      arn: keyArn(region, accountId, id),
      keyManager: spec.keyManager ?? record.keyManager,
      materials: list,
      currentMaterial: current[current.length - 1] ?? NO_KEY_MATERIAL,
      creationDate: creationDate ?? record.creationDate,
    };
    if (record.origin === 'EXTERNAL') record.state = allMaterialImported(record) ? 'Enabled' : 'PendingImport';
    group?.members.set(region, record);
    vault.state.addKey(record);
    vault.state.trackImportExpiry(record);
  }
  for (const replicaRegion of spec.multiRegion?.replicaRegions ?? []) {
    vault.executeInternal('ReplicateKey', { KeyId: record.arn, ReplicaRegion: replicaRegion }, where);
  }
  return record;
}

/**
 * The replica of a key with imported key material as the document lists it: its own copy of its
 * primary's material with its own import state (expiration, deletion, material pending rotation), as
 * ImportKeyMaterial into the replica made it. ReplicateKey gave it none ("KMS does not copy or
 * synchronize the key material from a primary key with imported key material to its replica keys").
 */
function restoreReplicaMaterial(vault: ScenarioHost, spec: ScenarioKey, replica: KeyRecord, primary: KeyRecord): void {
  const materials = materialsOf({ ...spec, origin: 'EXTERNAL', keySpec: replica.keySpec }) ?? [];
  for (const m of materials) {
    const source = primary.materials.find((p) => p.id === m.id);
    if (!source || !source.secret.equals(m.secret)) {
      throw new KmsVaultMockError(
        `Scenario replica '${replica.keyId}' in ${replica.region} lists key material '${m.id}' that is not key material of its primary.`,
      );
    }
    replica.materials.push(m);
    vault.state.indexMaterial(replica, m);
  }
  const associated = associatedMaterials(replica);
  replica.currentMaterial = associated[associated.length - 1] ?? NO_KEY_MATERIAL;
  vault.state.trackImportExpiry(replica);
}

/** The state a key with imported key material has by its material: Enabled once it holds all of it, else PendingImport. */
function importState(record: KeyRecord): 'Enabled' | 'PendingImport' {
  const primary = importedPrimaryOf(record);
  return (primary ? replicaHoldsAll(record, primary) : allMaterialImported(record)) ? 'Enabled' : 'PendingImport';
}

function finishKey(vault: ScenarioHost, spec: ScenarioKey, record: KeyRecord, ciphertexts: Record<string, Uint8Array>): void {
  const where = { region: record.region, accountId: record.accountId };
  for (const entry of spec.aliases ?? []) {
    const alias: ScenarioAlias = typeof entry === 'string' ? { name: entry } : entry;
    if (record.keyManager === 'AWS' && alias.name.startsWith('alias/aws/')) addAwsManagedAlias(vault, record, alias.name);
    else vault.executeInternal('CreateAlias', { AliasName: alias.name, TargetKeyId: record.keyId }, where);
    restoreAliasDates(vault, record, alias);
  }
  for (const c of spec.ciphertexts ?? []) {
    if (c.material === 'oldest') {
      const oldest = record.materials[0] as KeyMaterial;
      ciphertexts[c.name] = new Uint8Array(
        sealSymmetric(oldest, Buffer.from(c.plaintext, 'utf8'), encodeEncryptionContext(c.encryptionContext), vault.random.bytes(12)),
      );
    }
  }
  for (let i = 0; i < (spec.rotations ?? 0); i++) vault.executeInternal('RotateKeyOnDemand', { KeyId: record.keyId }, where);
  for (const c of spec.ciphertexts ?? []) {
    if (c.material === 'oldest') continue;
    const out = vault.executeInternal(
      'Encrypt',
      { KeyId: record.keyId, Plaintext: Buffer.from(c.plaintext, 'utf8'), EncryptionContext: c.encryptionContext },
      where,
    );
    ciphertexts[c.name] = out.CiphertextBlob as Uint8Array;
  }
  if (spec.rotationPeriodInDays !== undefined) {
    vault.executeInternal('EnableKeyRotation', { KeyId: record.keyId, RotationPeriodInDays: spec.rotationPeriodInDays }, where);
    const next = date(spec.nextRotationDate, 'nextRotationDate');
    if (next && record.rotation) record.rotation.nextRotationDate = next;
  }
  if (spec.state === 'Disabled') vault.executeInternal('DisableKey', { KeyId: record.keyId }, where);
  if (spec.state === 'PendingDeletion' || spec.state === 'PendingReplicaDeletion') {
    vault.executeInternal('ScheduleKeyDeletion', { KeyId: record.keyId, PendingWindowInDays: spec.pendingWindowInDays ?? 30 }, where);
    const deletion = date(spec.deletionDate, 'deletionDate');
    if (deletion && record.state === 'PendingDeletion') record.deletionDate = deletion;
  }
  if (spec.onDemandRotations !== undefined) record.onDemandRotations = spec.onDemandRotations;
  if (spec.lastUsage) {
    const time = date(spec.lastUsage.time, 'lastUsage time') as Date;
    record.lastUsage = { operation: spec.lastUsage.operation, time, requestId: spec.lastUsage.requestId };
  }
}

/** The `alias/aws/...` alias of an AWS managed key: CreateAlias refuses the prefix, so it is set directly. */
function addAwsManagedAlias(vault: ScenarioHost, record: KeyRecord, aliasName: string): void {
  const store = vault.state.store(record.accountId, record.region);
  if (store.aliases.has(aliasName)) throw new KmsVaultMockError(`alias '${aliasName}' already exists in ${record.accountId}/${record.region}.`);
  store.aliases.set(aliasName, newAlias(aliasName, record, vault.clock.now()));
}

/** A principal of the document, with its recorded credentials when it has them. */
function loadPrincipal(vault: ScenarioHost, spec: ScenarioPrincipal): void {
  const added = vault.addPrincipal(spec.arn, { policies: spec.policies ?? [] });
  if (!spec.credentials) return;
  const record = vault.state.principals.get(added.arn);
  const caller = record?.caller ?? callerOf(added.arn);
  if (!caller) return;
  vault.state.addPrincipal({ caller, policies: record?.policies ?? [], credentials: { ...spec.credentials } });
}

/** The dates a snapshot recorded for an alias (CreateAlias dated it now). */
function restoreAliasDates(vault: ScenarioHost, record: KeyRecord, alias: ScenarioAlias): void {
  if (alias.creationDate === undefined && alias.lastUpdatedDate === undefined) return;
  const store = vault.state.peek(record.accountId, record.region);
  const current = store?.aliases.get(alias.name);
  if (!store || !current) return;
  store.aliases.set(alias.name, {
    ...current,
    creationDate: date(alias.creationDate, 'alias creationDate') ?? current.creationDate,
    lastUpdatedDate: date(alias.lastUpdatedDate, 'alias lastUpdatedDate') ?? current.lastUpdatedDate,
  });
}
