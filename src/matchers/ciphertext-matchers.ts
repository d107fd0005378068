import assert from 'node:assert';
import { decryptWithVault, type CiphertextMatchOptions, type DecryptOutcome } from './decrypt-check';
import type { MatcherFunction, PrintUtils } from './matcher-context';
import { isVaultLike } from './received-calls';

/** The names of the KMS assertions. */
export type CiphertextMatcherName = 'toBeCiphertextUnder' | 'toBeCiphertextWithContext';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The ciphertext blob a matcher received: bytes, or their base64 (as the AWS CLI prints them). */
function ciphertextOf(received: unknown): Uint8Array {
  if (received instanceof Uint8Array) return received;
  assert(
    typeof received === 'string' && received.length > 0 && BASE64.test(received),
    'The actual must be a ciphertext blob: a Uint8Array, or its base64 text',
  );
  return Buffer.from(received, 'base64');
}

function failure(utils: PrintUtils, outcome: DecryptOutcome & { ok: false }): string {
  const { name, message } = outcome.error;
  const hint =
    name === 'InvalidCiphertextException'
      ? ' (a blob this vault did not make, a changed byte, or another encryption context: pass { encryptionContext } if it was made with one)'
      : '';
  return `Decrypt through the vault failed with ${utils.printReceived(`${name}: ${message}`)}${hint}`;
}

/**
 * `toBeCiphertextUnder(vault, keyId, options?)`: the received blob decrypts through `vault` with
 * `KeyId: keyId` (key id, key ARN, alias name or alias ARN), that is, it was made under that KMS key.
 * `toBeCiphertextWithContext(vault, encryptionContext, options?)`: it decrypts with exactly that
 * encryption context. Both really decrypt, with the vault's Decrypt operation and KMS's rules.
 */
export const ciphertextMatchers: Record<CiphertextMatcherName, MatcherFunction> = {
  toBeCiphertextUnder(received, vault, keyId, options, ...other) {
    assert(other.length === 0, 'Too many matcher arguments');
    assert(isVaultLike(vault), 'The first argument must be the KmsVault that made the ciphertext');
    assert(typeof keyId === 'string' && keyId.length > 0, 'The second argument must be a key id, key ARN, alias name or alias ARN');
    const opts = (options ?? {}) as CiphertextMatchOptions;
    const ciphertext = ciphertextOf(received);
    const outcome = decryptWithVault(vault, ciphertext, keyId, opts);
    const { utils } = this;
    return {
      pass: outcome.ok,
      message: () => {
        const head = `Expected ciphertext ${this.isNot ? 'not ' : ''}to be made under ${utils.printExpected(keyId)}`;
        if (outcome.ok) return `${head}\nIt decrypts under ${utils.printReceived(outcome.keyArn)}`;
        if (outcome.error.name === 'IncorrectKeyException') {
          const actual = decryptWithVault(vault, ciphertext, undefined, opts);
          if (actual.ok) return `${head}\nIt was made under ${utils.printReceived(actual.keyArn)}`;
        }
        return `${head}\n${failure(utils, outcome)}`;
      },
    };
  },
  toBeCiphertextWithContext(received, vault, encryptionContext, options, ...other) {
    assert(other.length === 0, 'Too many matcher arguments');
    assert(isVaultLike(vault), 'The first argument must be the KmsVault that made the ciphertext');
    assert(
      typeof encryptionContext === 'object' && encryptionContext !== null && !Array.isArray(encryptionContext),
      'The second argument must be an encryption context: an object of strings',
    );
    const opts = { ...((options ?? {}) as CiphertextMatchOptions & { keyId?: string }), encryptionContext: encryptionContext as Record<string, string> };
    const outcome = decryptWithVault(vault, ciphertextOf(received), opts.keyId, opts);
    const { utils } = this;
    return {
      pass: outcome.ok,
      message: () => {
        const head = `Expected ciphertext ${this.isNot ? 'not ' : ''}to be bound to encryption context ${utils.printExpected(encryptionContext)}`;
        if (outcome.ok) return `${head}\nIt decrypts with that encryption context, under ${utils.printReceived(outcome.keyArn)}`;
        return `${head}\n${failure(utils, outcome)}`;
      },
    };
  },
};
