import { symmetricMaterialId } from '../crypto/symmetric-ciphertext';
import type { CallEvent } from '../engine/execute';
import type { KeyRecord } from '../vault/key-record';
import type { VaultState } from '../vault/vault-state';
import type { CoveredKeyLookup } from './coverage-accumulator';

/**
 * The key a call acted on, read without side effects: the key ARN a successful output names (one map
 * lookup on the hot path), else the key the input names (id, ARN, alias name or alias ARN), else the
 * key whose material a symmetric ciphertext names.
 * `state` is read per call since `vault.reset()` replaces it.
 */
export function vaultKeyLookup(state: () => VaultState): CoveredKeyLookup {
  return (event: CallEvent): KeyRecord | undefined => {
    const s = state();
    const output = event.output;
    if (output !== undefined) {
      const id = output.KeyId;
      if (typeof id === 'string') {
        const key = s.keyByArn(id);
        if (key) return key;
      }
      const metadata = output.KeyMetadata as { Arn?: unknown } | undefined;
      if (metadata !== undefined && typeof metadata.Arn === 'string') return s.keyByArn(metadata.Arn);
    }
    const input = event.input as { KeyId?: unknown; TargetKeyId?: unknown; CiphertextBlob?: unknown } | null | undefined;
    const named = input?.KeyId ?? input?.TargetKeyId;
    if (typeof named === 'string') return findKey(s, named, event.caller.accountId, event.region);
    // A failed Decrypt or ReEncrypt that names no key: the key whose material the ciphertext names.
    const blob = input?.CiphertextBlob;
    if (!(blob instanceof Uint8Array)) return undefined;
    const id = symmetricMaterialId(blob);
    return id === undefined ? undefined : s.keysWithMaterial(id).find((k) => k.region === event.region);
  };
}

function findKey(state: VaultState, name: string, accountId: string, region: string): KeyRecord | undefined {
  if (name.startsWith('arn:')) {
    const key = state.keyByArn(name);
    if (key) return key;
    // arn:PARTITION:kms:REGION:ACCOUNT:alias/NAME
    const parts = name.split(':');
    const resource = parts.slice(5).join(':');
    if (!resource.startsWith('alias/') || parts[3] === undefined || parts[4] === undefined) return undefined;
    return viaAlias(state, parts[4], parts[3], resource);
  }
  if (name.startsWith('alias/')) return viaAlias(state, accountId, region, name);
  return state.peek(accountId, region)?.keys.get(name);
}

function viaAlias(state: VaultState, accountId: string, region: string, aliasName: string): KeyRecord | undefined {
  const store = state.peek(accountId, region);
  const alias = store?.aliases.get(aliasName);
  return alias ? store?.keys.get(alias.targetKeyId) : undefined;
}
