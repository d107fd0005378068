import type { DecryptRequest, DecryptResponse, EncryptionAlgorithmSpec } from '@aws-sdk/client-kms';
import { KMSServiceException } from '@aws-sdk/client-kms';
import type { OperationContext } from '../engine/context';
import { OPERATIONS } from '../operations/registry';
import { validateInput } from '../validation/validate-input';
import { catchUp } from '../vault/background';
import type { KmsVault } from '../vault/kms-vault';

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
 * would, with `KeyId` when given. An assertion is not a call: it is not recorded in the vault's
 * history, does not count as the key's last use and is not subject to injected faults, so it runs
 * the operation's handler rather than the engine. Library errors (an operation the vault does not
 * implement) are thrown.
 */
export function decryptWithVault(vault: KmsVault, ciphertext: Uint8Array, keyId: string | undefined, options: CiphertextMatchOptions = {}): DecryptOutcome {
  const now = vault.clock.now();
  const context: OperationContext = {
    state: vault.state,
    clock: vault.clock,
    random: vault.random,
    region: options.region ?? vault.region,
    caller: vault.callerFor(options.accountId),
    now,
  };
  const input: DecryptRequest = {
    CiphertextBlob: ciphertext,
    ...(keyId === undefined ? {} : { KeyId: keyId }),
    ...(options.encryptionContext === undefined ? {} : { EncryptionContext: options.encryptionContext }),
    ...(options.encryptionAlgorithm === undefined ? {} : { EncryptionAlgorithm: options.encryptionAlgorithm }),
  };
  try {
    validateInput('Decrypt', input);
    // What KMS does as time passes (deletions, automatic rotations) happens before any request.
    catchUp(vault.state, vault.random, now);
    const output = OPERATIONS.Decrypt(context, input as never) as DecryptResponse;
    return { ok: true, keyArn: output.KeyId ?? '' };
  } catch (error) {
    if (error instanceof KMSServiceException) return { ok: false, error };
    throw error;
  }
}
