import type { DecryptRequest, EncryptionAlgorithmSpec } from '@aws-sdk/client-kms';
import { KMSServiceException } from '@aws-sdk/client-kms';
import type { KmsVault } from '../kms-vault';

/** Where and how the ciphertext matchers decrypt. */
export interface CiphertextMatchOptions {
  /** The encryption context the ciphertext was made with: Decrypt needs exactly that one. */
  readonly encryptionContext?: Record<string, string>;
  /** For asymmetric keys: the algorithm the ciphertext was made with (`RSAES_OAEP_SHA_256`, ...). */
  readonly encryptionAlgorithm?: EncryptionAlgorithmSpec;
  /** The region to decrypt in. Default: the vault's region. */
  readonly region?: string;
  /** The account to decrypt as. Default: the vault's account. */
  readonly accountId?: string;
}

/** What decrypting gave: the key that did it, or the KMS error. */
export type DecryptOutcome = { readonly ok: true; readonly keyArn: string } | { readonly ok: false; readonly error: KMSServiceException };

/**
 * Decrypts `ciphertext` with the vault's own Decrypt operation, as a client in `options.region`
 * would, with `KeyId` when given. An assertion is not a call: it goes through the engine as an
 * internal use, so it is not recorded in the vault's history, does not count as the key's last use
 * and is not subject to injected faults. Library errors are thrown.
 */
export function decryptWithVault(vault: KmsVault, ciphertext: Uint8Array, keyId: string | undefined, options: CiphertextMatchOptions = {}): DecryptOutcome {
  const input: DecryptRequest = {
    CiphertextBlob: ciphertext,
    ...(keyId === undefined ? {} : { KeyId: keyId }),
    ...(options.encryptionContext === undefined ? {} : { EncryptionContext: options.encryptionContext }),
    ...(options.encryptionAlgorithm === undefined ? {} : { EncryptionAlgorithm: options.encryptionAlgorithm }),
  };
  try {
    const output = vault.executeInternal('Decrypt', input, { region: options.region ?? vault.region, accountId: options.accountId });
    return { ok: true, keyArn: output.KeyId ?? '' };
  } catch (error) {
    if (error instanceof KMSServiceException) return { ok: false, error };
    throw error;
  }
}
