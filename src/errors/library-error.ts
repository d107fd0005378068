/**
 * Misuse of kms-vault-mock itself (bad options, an operation it does not implement yet, an unknown
 * scenario). Never a KMS error: the message says what to do instead.
 */
export class KmsVaultMockError extends Error {
  override readonly name = 'KmsVaultMockError';
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, KmsVaultMockError.prototype);
  }
}
