/**
 * The wording of KMS error messages, in one place. Each follows what AWS KMS returns
 * (see docs/research/kms-error-messages.md for where each string was seen).
 */
export const messages = {
  keyNotFound: (arn: string) => `Key '${arn}' does not exist`,
  aliasNotFound: (aliasArn: string) => `Alias ${aliasArn} is not found.`,
  /** A key ARN whose region is not the region the request was sent to. */
  foreignRegionArn: (region: string) => `Invalid arn ${region}`,
  notPendingDeletion: (arn: string) => `${arn} is not pending deletion.`,
  /** KMS's own check of the documented 7..30, after the model's 1..365 passed (real AWS output). */
  pendingWindowInDays: () => 'PendingWindowInDays must be between 7 and 30',
  dataKeySize: () => 'Please specify either number of bytes or key spec.',
  aliasPrefix: () => 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
  reservedTagKey: () => 'Tags beginning with aws: are reserved',
  duplicateTagKeys: () => 'Duplicate tag keys',
  tooManyTags: () => 'Too many tags',
  invalidKeyId: (keyId: string) => `Invalid keyId '${keyId}'`,
  disabled: (arn: string) => `${arn} is disabled.`,
  invalidState: (arn: string, state: string) => `${arn} is ${stateWords(state)}.`,
  incorrectKey: () => 'The key ID in the request does not identify a CMK that can perform this operation.',
  dryRun: () => 'The request would have succeeded, but the DryRun option is set.',
  /** KMS sends no message; the SDK reports a missing message as 'UnknownError'. */
  invalidCiphertext: () => '',
  invalidKeyUsage: (arn: string, usage: string, operation: string) => `${arn} key usage is ${usage} which is not valid for ${operation}.`,
  algorithmNotSupported: (algorithm: string, arn: string) => `The encryption algorithm ${algorithm} is not supported for the KMS key ${arn}.`,
  /** An algorithm the key's spec does not support (recorded for MAC and for SYMMETRIC_DEFAULT on RSA keys). */
  algorithmIncompatible: (algorithm: string, keySpec: string) => `Algorithm ${algorithm} is incompatible with key spec ${keySpec}.`,
  keyUsageRequired: () => 'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.',
  keyUsageIncompatible: (usage: string, keySpec: string) => `KeyUsage ${usage} is not compatible with KeySpec ${keySpec}`,
  keySpecNotInRegion: (keySpec: string) => `KeySpec ${keySpec} is not supported in this Region`,
  /** An operation that needs another kind of key (symmetric encryption key, key pair) than the one named. */
  keySpecNotValid: (arn: string, keySpec: string, operation: string) => `${arn} key spec is ${keySpec} which is not valid for ${operation}.`,
  /** Recorded for every RSA spec and OAEP algorithm; SM2PKE (1024 bytes) is assumed to use the same wording. */
  plaintextTooLarge: (algorithm: string, keySpec: string, limit: number) => `Algorithm ${algorithm} and key spec ${keySpec} cannot encrypt data larger than ${limit} bytes.`,
  digestLength: (algorithm: string) => `Digest is invalid length for algorithm ${algorithm}.`,
  messageTypeNotSupported: (messageType: string, algorithm: string) => `MessageType ${messageType} is not supported for signing algorithm ${algorithm}.`,
  asymmetricEncryptionContext: () => 'EncryptionContext is not supported for asymmetric KMS keys.',
  invalidPublicKey: (keySpec: string) => `The PublicKey is not a valid DER-encoded SubjectPublicKeyInfo for key spec ${keySpec}.`,
  /** An operation for another origin of key material (recorded for GetParametersForImport and rotation of imported keys). */
  originNotValid: (arn: string, origin: string) => `${arn} origin is ${origin} which is not valid for this operation.`,
  /** Recorded (ImportKeyMaterial without ValidTo and without ExpirationModel). */
  validToRequired: () => 'A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES',
  /** The remaining import messages are not recorded: they follow the API Reference's wording. */
  validToNotAllowed: () => 'A validTo date must not be set if the ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE',
  validToInPast: () => 'The validTo date must be in the future.',
  validToTooLate: () => 'The validTo date must be at most 365 days from the request date.',
  wrappingAlgorithmWithdrawn: (algorithm: string) => `The wrapping algorithm ${algorithm} is no longer supported.`,
  wrappingNotInRegion: (what: string) => `${what} is not supported in this Region`,
  wrappingMismatch: (algorithm: string, keySpec: string) => `The wrapping algorithm ${algorithm} cannot be used with the wrapping key spec ${keySpec}.`,
  invalidImportToken: () => 'The import token is invalid or is associated with a different KMS key.',
  expiredImportToken: () => 'The import token is expired. Use GetParametersForImport to get a new import token and public key.',
  keyMaterialWrongSize: (keySpec: string, min: number, max: number) => `Key material for key spec ${keySpec} must be ${min === max ? `${min} bytes` : `between ${min} and ${max} bytes`} long.`,
  keyMaterialNotKeyPair: (keySpec: string) => `The key material is not a DER-encoded PKCS #8 private key for key spec ${keySpec}.`,
  keyMaterialDiffers: (arn: string) => `The key material is not the same key material that was previously imported into ${arn}.`,
  keyMaterialAlreadyAssociated: (arn: string) => `The key material is already associated with ${arn}; import it with ImportType EXISTING_KEY_MATERIAL.`,
  keyMaterialIdMismatch: (id: string) => `The key material does not match the key material ID ${id}.`,
  noKeyMaterialYet: (arn: string) => `No key material has been imported into ${arn}; import it with ImportType NEW_KEY_MATERIAL.`,
  newKeyMaterialNotSupported: (arn: string, keySpec: string) => `${arn} key spec is ${keySpec}: only symmetric encryption keys take new key material after the first import.`,
  pendingRotationExists: (arn: string) => `${arn} already has key material in PENDING_ROTATION state. Rotate the key or delete that key material first.`,
  keyMaterialIdWithNew: () => 'You cannot specify a key material ID with ImportType set to NEW_KEY_MATERIAL.',
  symmetricOnlyImportMember: (member: string) => `${member} is only supported for symmetric encryption keys.`,
  keyMaterialNotFound: (id: string, arn: string) => `Key material ${id} is not associated with ${arn}.`,
  noPendingRotation: (arn: string) => `${arn} has no imported key material in PENDING_ROTATION state. Import new key material with ImportType NEW_KEY_MATERIAL first.`,
  /** KMS sends no message for a signature or MAC that does not verify. */
  invalidSignature: () => '',
  invalidMac: () => '',
} as const;

function stateWords(state: string): string {
  switch (state) {
    case 'PendingDeletion':
      return 'pending deletion';
    case 'PendingImport':
      return 'pending import';
    case 'PendingReplicaDeletion':
      return 'pending replica deletion';
    case 'Unavailable':
      return 'unavailable';
    case 'Creating':
      return 'being created';
    case 'Updating':
      return 'being updated';
    case 'Disabled':
      return 'disabled';
    default:
      return `in state ${state}`;
  }
}
