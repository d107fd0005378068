import type { DecryptRequest, EncryptionAlgorithmSpec } from '@aws-sdk/client-kms';
import { KMSServiceException } from '@aws-sdk/client-kms';
import { symmetricMaterialId } from '../crypto/symmetric-ciphertext';
import type { KmsVault } from '../kms-vault';
import type { KeyRecord } from '../vault/key-record';

/** Where and how the ciphertext matchers decrypt. */
export interface CiphertextMatchOptions {
  /** The encryption context the ciphertext was made with: Decrypt needs exactly that one. */
  readonly encryptionContext?: Record<string, string>;
  /** For asymmetric keys: the algorithm the ciphertext was made with (`RSAES_OAEP_SHA_256`, ...). */
  readonly encryptionAlgorithm?: EncryptionAlgorithmSpec;
  /** The region to decrypt in. Default: where the ciphertext was made (see {@link decryptWithVault}). */
  readonly region?: string;
  /** The account to decrypt as. Default: the account of the key the ciphertext was made under, else the vault's. */
  readonly accountId?: string;
}

/** What decrypting gave: the key that did it, or the KMS error. */
export type DecryptOutcome = { readonly ok: true; readonly keyArn: string } | { readonly ok: false; readonly error: KMSServiceException };

/** Where a matcher decrypts: an account and a region. */
interface DecryptOrigin {
  readonly region: string;
  readonly accountId: string | undefined;
}

const ARN = /^arn:[^:]+:kms:([^:]+):(\d{12}):/;

/**
 * Where the ciphertext was made, so that a matcher decrypts there whatever the vault's default
 * Region (a client in eu-west-1, or AWS_REGION set): `options.region` when given; else the Region of
 * a key holding the key material a symmetric blob's header names (the one in the vault's Region
 * first, for multi-Region keys), else the Region and account a key or alias ARN names, else the
 * Region where a key id or alias name exists; else the vault's Region.
 */
function decryptOrigin(vault: KmsVault, ciphertext: Uint8Array, keyId: string | undefined, options: CiphertextMatchOptions): DecryptOrigin {
  if (options.region !== undefined) return { region: options.region, accountId: options.accountId };
  const arn = keyId === undefined ? undefined : ARN.exec(keyId);
  const materialId = symmetricMaterialId(ciphertext);
  const holders = materialId === undefined ? [] : vault.state.keysWithMaterial(materialId);
  const holder = preferred(
    vault,
    holders.filter((key) => options.accountId === undefined || key.accountId === options.accountId),
    arn?.[1],
  );
  if (holder) return { region: holder.region, accountId: options.accountId ?? holder.accountId };
  if (arn?.[1] !== undefined) return { region: arn[1], accountId: options.accountId ?? arn[2] };
  if (keyId !== undefined) {
    const stores = [...vault.state.allStores()].filter((store) => options.accountId === undefined || store.accountId === options.accountId);
    const named = stores.filter((store) => (keyId.startsWith('alias/') ? store.aliases.has(keyId) : store.keys.has(keyId)));
    const store = named.find((s) => s.region === vault.region) ?? named[0];
    if (store) return { region: store.region, accountId: options.accountId ?? store.accountId };
  }
  return { region: vault.region, accountId: options.accountId };
}

/** The key in `region` (an ARN's), else in the vault's Region, else the first. */
function preferred(vault: KmsVault, keys: readonly KeyRecord[], region: string | undefined): KeyRecord | undefined {
  return keys.find((key) => key.region === region) ?? keys.find((key) => key.region === vault.region) ?? keys[0];
}

/**
 * Decrypts `ciphertext` with the vault's own Decrypt operation, as a client where the ciphertext was
 * made would (see {@link decryptOrigin}), with `KeyId` when given. An assertion is not a call: it goes
 * through the engine as an internal use, so it is not recorded in the vault's history, does not
 * count as the key's last use and is not subject to injected faults. Library errors are thrown.
 */
export function decryptWithVault(vault: KmsVault, ciphertext: Uint8Array, keyId: string | undefined, options: CiphertextMatchOptions = {}): DecryptOutcome {
  const input: DecryptRequest = {
    CiphertextBlob: ciphertext,
    ...(keyId === undefined ? {} : { KeyId: keyId }),
    ...(options.encryptionContext === undefined ? {} : { EncryptionContext: options.encryptionContext }),
    ...(options.encryptionAlgorithm === undefined ? {} : { EncryptionAlgorithm: options.encryptionAlgorithm }),
  };
  try {
    const output = vault.executeInternal('Decrypt', input, decryptOrigin(vault, ciphertext, keyId, options));
    return { ok: true, keyArn: output.KeyId ?? '' };
  } catch (error) {
    if (error instanceof KMSServiceException) return { ok: false, error };
    throw error;
  }
}
