import type { Caller } from '../context/operation-context';
import { symmetricMaterialId } from '../crypto/symmetric-ciphertext';
import { parseKmsArn } from '../vault/arn';
import type { KeyRecord } from '../vault/key-record';
import { isSymmetricEncryptionSpec } from '../vault/key-specs';
import type { VaultState } from '../vault/vault-state';
import type { TrailKey, TrailLookup } from './to-record';

/** The keys, principals and key stores of a vault's state as the CloudTrail mapping looks them up. */
export function vaultLookup(state: () => VaultState): TrailLookup {
  return {
    key(name, region, accountId) {
      const key = findKey(state(), name, region, accountId);
      return key ? trailKey(key) : undefined;
    },
    accessKeyId(caller: Caller) {
      return state().principals.get(caller.arn)?.credentials.accessKeyId;
    },
    ciphertextKey(blob, region) {
      const id = symmetricMaterialId(blob);
      const key =
        id === undefined
          ? undefined
          : state()
              .keysWithMaterial(id)
              .find((k) => k.region === region);
      return key ? trailKey(key) : undefined;
    },
    store(id) {
      const record = state().customKeyStores.stores.get(id);
      return record ? { name: record.name, ...(record.cloudHsm ? { clusterId: record.cloudHsm.clusterId } : {}) } : undefined;
    },
  };
}

function findKey(state: VaultState, name: string, region: string, accountId: string): KeyRecord | undefined {
  let account = accountId;
  let where = region;
  let resource = name;
  if (name.startsWith('arn:')) {
    const arn = parseKmsArn(name);
    if (!arn) return undefined;
    if (arn.resourceType === 'key') return state.keyByArn(name);
    account = arn.accountId;
    where = arn.region;
    resource = arn.resource;
  }
  const store = state.peek(account, where);
  if (!store) return undefined;
  if (resource.startsWith('alias/')) {
    const target = store.aliases.get(resource)?.targetKeyId;
    return target === undefined ? undefined : store.keys.get(target);
  }
  return store.keys.get(resource);
}

function trailKey(key: KeyRecord): TrailKey {
  const store = key.customKeyStore;
  const out: { -readonly [K in keyof TrailKey]: TrailKey[K] } = { arn: key.arn, accountId: key.accountId, keyId: key.keyId };
  if (store) {
    out.customKeyStoreId = store.customKeyStoreId;
    if (store.xksKeyId !== undefined) out.xksKeyId = store.xksKeyId;
  } else if (key.currentMaterial.id.length === 64 && isSymmetricEncryptionSpec(key.keySpec)) {
    out.currentMaterialId = key.currentMaterial.id;
  }
  return out;
}
