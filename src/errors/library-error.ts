/**
 * Misuse of kms-vault-mock itself (bad options, an unknown scenario field, a principal it does not
 * know). Never a KMS error: the message says what to do instead.
 */
export class KmsVaultMockError extends Error {
  override readonly name: string = 'KmsVaultMockError';
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * A KMS feature kms-vault-mock does not implement yet. A `KmsVaultMockError`, so code that catches the
 * library's errors catches it too; the message names the gap and what to do meanwhile.
 */
export class NotImplementedError extends KmsVaultMockError {
  override readonly name: string = 'NotImplementedError';
}
