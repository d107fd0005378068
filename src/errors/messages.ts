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
  /** CreateAlias with a name the model's pattern allows but KMS does not (a colon): real AWS output, terraform-provider-aws#12891. */
  aliasInvalidCharacters: (aliasName: string) => `${aliasName} contains invalid characters for an alias`,
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
  plaintextTooLarge: (algorithm: string, keySpec: string, limit: number) =>
    `Algorithm ${algorithm} and key spec ${keySpec} cannot encrypt data larger than ${limit} bytes.`,
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
  keyMaterialWrongSize: (keySpec: string, min: number, max: number) =>
    `Key material for key spec ${keySpec} must be ${min === max ? `${min} bytes` : `between ${min} and ${max} bytes`} long.`,
  keyMaterialNotKeyPair: (keySpec: string) => `The key material is not a DER-encoded PKCS #8 private key for key spec ${keySpec}.`,
  keyMaterialDiffers: (arn: string) => `The key material is not the same key material that was previously imported into ${arn}.`,
  keyMaterialAlreadyAssociated: (arn: string) => `The key material is already associated with ${arn}; import it with ImportType EXISTING_KEY_MATERIAL.`,
  keyMaterialIdMismatch: (id: string) => `The key material does not match the key material ID ${id}.`,
  noKeyMaterialYet: (arn: string) => `No key material has been imported into ${arn}; import it with ImportType NEW_KEY_MATERIAL.`,
  newKeyMaterialNotSupported: (arn: string, keySpec: string) =>
    `${arn} key spec is ${keySpec}: only symmetric encryption keys take new key material after the first import.`,
  /** Recorded (LocalStack test_import_key_material_raises_if_there_is_already_key_material_pending, 2025). */
  pendingRotationExists: (newId: string, arn: string, pendingId: string) =>
    `New key material (id: ${newId}) cannot be imported into KMS key ${arn}, because another key material (id: ${pendingId}) is pending rotation.`,
  keyMaterialIdWithNew: () => 'You cannot specify a key material ID with ImportType set to NEW_KEY_MATERIAL.',
  symmetricOnlyImportMember: (member: string) => `${member} is only supported for symmetric encryption keys.`,
  keyMaterialNotFound: (id: string, arn: string) => `Key material ${id} is not associated with ${arn}.`,
  /** Recorded (LocalStack test_rotate_key_on_demand_raises_for_no_pending_key_material, 2025). */
  noPendingRotation: (arn: string) => `No available key material pending rotation for the key: ${arn}.`,
  /** Recorded (LocalStack test_key_rotations_limits, 2025). */
  onDemandRotationLimit: (arn: string) =>
    `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${arn}`,
  /** Recorded for a key that is not symmetric (LocalStack test_rotate_key_on_demand_raises_error_given_non_symmetric_key): no message. */
  rotateOnDemandKeySpec: () => '',
  /** Recorded (LocalStack test_replicate_replica_key_should_fail, 2025). */
  notMultiRegionPrimary: (arn: string) => `${arn} is not a multi-region primary key.`,
  /** Recorded (LocalStack test_derive_shared_secret, response-invalid-public-key): no message. */
  invalidPeerPublicKey: () => '',
  /**
   * AccessDeniedException, in the forms AWS sends (docs/research/kms-authorization.md): `resource` is the
   * key ARN, `*` for operations on no key, or `the resource associated with this ciphertext` (Decrypt
   * without a KeyId, which the wording joins with "on" instead of "on resource:").
   */
  accessDenied: (
    arn: string,
    action: string,
    resource: string,
    reason: 'explicit-deny-resource' | 'explicit-deny-identity' | 'no-identity-allow' | 'no-resource-allow',
  ) =>
    `User: ${arn} is not authorized to perform: ${action} ${resource === CIPHERTEXT_RESOURCE ? `on ${resource}` : `on resource: ${resource}`} ${
      reason === 'explicit-deny-resource'
        ? 'with an explicit deny in a resource-based policy'
        : reason === 'explicit-deny-identity'
          ? 'with an explicit deny in an identity-based policy'
          : `because no ${reason === 'no-identity-allow' ? 'identity' : 'resource'}-based policy allows the ${action} action`
    }`,
  /** PutKeyPolicy and CreateKey when the new policy would lock the caller out (the lockout safety check). */
  policyLockout: () => 'The new key policy will not allow you to update the key policy in the future.',
  invalidPolicyPrincipals: () => 'Policy contains a statement with one or more invalid principals.',
  /** Not recorded: wording of the vault's own for the other malformed documents. */
  malformedPolicy: (problem: string) => `The policy document is malformed: ${problem}`,
  policyNameNotFound: () => 'No such policy exists',
  grantIdNotFound: (grantId: string) => `Grant ID ${grantId} not found`,
  grantOperationsNotSupported: (operations: string, arn: string) => `Grant operations ${operations} are not supported for the KMS key ${arn}.`,
  grantConstraintsNotSupported: () => 'Encryption context grant constraints are supported only on symmetric encryption KMS keys.',
  grantTooLoose: () => 'The grant must have the same or stricter constraints and operations as the grant that allows CreateGrant.',
  retireGrantArguments: () => 'Grant token OR (grant ID, key ID) must be specified',
  grantLimit: (arn: string) => `The request would exceed the grant limit for the KMS key ${arn}.`,
  invalidGranteePrincipal: (principal: string) => `Invalid principal: ${principal}`,
  granteeRequired: () => 'Either GranteePrincipal or GranteeServicePrincipal must be specified, but not both.',
  retiringPrincipalConflict: () => 'You cannot specify both RetiringPrincipal and RetiringServicePrincipal.',
  notAllowedToRetire: (arn: string, grantId: string) => `User: ${arn} is not authorized to retire grant ${grantId}`,
  /** KMS sends no message for a signature or MAC that does not verify. */
  invalidSignature: () => '',
  invalidMac: () => '',
  /**
   * Custom key stores and Nitro Enclaves recipients (docs/research/custom-key-stores.md): no recording of
   * these texts was found; each says what the API Reference gives as the exception's cause.
   */
  customKeyStoreNotFound: (idOrName: string) => `Custom key store '${idOrName}' does not exist`,
  customKeyStoreNameInUse: (name: string) => `Custom key store name '${name}' is already in use in this account and Region.`,
  customKeyStoreInvalidState: (id: string, state: string, needed: string) =>
    `Custom key store ${id} has connection state ${state}. This operation requires ${needed}.`,
  customKeyStoreHasKeys: (id: string) => `Custom key store ${id} contains KMS keys. Delete them (ScheduleKeyDeletion) before deleting the custom key store.`,
  customKeyStoreIdAndName: () => 'You cannot specify both CustomKeyStoreId and CustomKeyStoreName.',
  customKeyStoreMemberRequired: (member: string, type: string) => `${member} is required for a custom key store with a CustomKeyStoreType of ${type}.`,
  customKeyStoreMemberNotValid: (member: string, type: string) => `${member} is not valid for a custom key store with a CustomKeyStoreType of ${type}.`,
  customKeyStoreMemberWhileConnected: (member: string, id: string) => `${member} of custom key store ${id} can be changed only while it is DISCONNECTED.`,
  cloudHsmClusterNotFound: (clusterId: string) => `CloudHSM cluster ${clusterId} was not found.`,
  cloudHsmClusterInUse: (clusterId: string) =>
    `CloudHSM cluster ${clusterId} is already associated with a custom key store in this account, or shares a backup history with one.`,
  cloudHsmClusterNotActive: (clusterId: string) => `CloudHSM cluster ${clusterId} is not active.`,
  cloudHsmClusterTooFewHsms: (clusterId: string, hsms: number) =>
    `CloudHSM cluster ${clusterId} must contain at least ${hsms} active HSM${hsms === 1 ? '' : 's'}${hsms > 1 ? ' in different Availability Zones' : ''}.`,
  cloudHsmClusterNotRelated: (clusterId: string, current: string) => `CloudHSM cluster ${clusterId} does not share a backup history with ${current}.`,
  incorrectTrustAnchor: (clusterId: string) => `The trust anchor certificate is not the trust anchor certificate of CloudHSM cluster ${clusterId}.`,
  xksProxyUriInUse: (uri: string) => `The external key store proxy API address ${uri} is already associated with another external key store in this Region.`,
  xksProxyUriEndpointInUse: (endpoint: string) => `XksProxyUriEndpoint ${endpoint} is already associated with another external key store in this Region.`,
  xksProxyVpcEndpointServiceInUse: (name: string) => `VPC endpoint service ${name} is already associated with another external key store in this Region.`,
  xksProxyUriUnreachable: (uri: string) => `KMS cannot reach the external key store proxy at ${uri}.`,
  xksProxyIncorrectCredential: () => 'The external key store proxy rejected the request because the XksProxyAuthenticationCredential is not valid.',
  xksProxyVpcConnectivity: (member: string) => `${member} is required when XksProxyConnectivity is VPC_ENDPOINT_SERVICE.`,
  xksProxyPublicConnectivity: () => 'XksProxyVpcEndpointServiceName is not valid when XksProxyConnectivity is PUBLIC_ENDPOINT.',
  xksKeyNotFound: (xksKeyId: string) => `The external key store proxy could not find the external key ${xksKeyId}.`,
  xksKeyAlreadyInUse: (xksKeyId: string) => `External key ${xksKeyId} is already associated with another KMS key in this external key store.`,
  xksKeyInvalidConfiguration: (xksKeyId: string) => `External key ${xksKeyId} must be an enabled 256-bit AES key that performs encryption and decryption.`,
  xksKeyIdOnlyForExternalKeyStore: () => 'XksKeyId can only be specified for a KMS key in an external key store (Origin EXTERNAL_KEY_STORE).',
  // A real external key store proxy's failures: the XKS Proxy API specification's table of KMS exception messages (aws/aws-kms-xksproxy-api-spec, Error codes; docs/research/custom-key-stores.md). No recording.
  xksProxyInvalidResponse: () =>
    'AWS KMS cannot interpret the response from the external key store proxy. If you see this error repeatedly, report it to your external key store proxy administrator.',
  xksExternalKeyNotEnabled: () =>
    'The external key associated with this KMS key in an external key store is not enabled in the external key manager. Enable the external key in the external key manager and retry the request.',
  xksProxyRejectedCiphertext: () =>
    'The external key store proxy rejected the request because the specified ciphertext or encryption context is corrupted, missing, or otherwise invalid.',
  xksProxyReturnedInvalidCiphertext: () =>
    'The ciphertext that the external key store proxy submitted for decryption, or the encryption context, is corrupted, missing, or otherwise invalid.',
  xksExternalKeyUsage: () =>
    'The external key associated with this KMS key in an external key store does not support the requested operation. Enable the operation on the key in your external key manager, and try the request again.',
  xksProxyAuthenticationFailed: () =>
    'The external key store proxy rejected the request because it could not authenticate AWS KMS. Verify the XKS proxy authentication credentials for your external key store and update if necessary.',
  xksProxyAccessDenied: () =>
    'The external key store proxy denied access to the operation. Verify that the user and the external key are both authorized for this operation, and try the request again.',
  xksExternalKeyNotFound: () =>
    'The external key associated with this KMS key in an external key store was not found in its external key manager. If the external key ID associated with this KMS key is incorrect, create a new KMS key with the correct external key ID.',
  xksProxyInvalidUriPath: () =>
    'The external key store proxy rejected the request because of an invalid URI path. Verify the URI path for your external key store and update if necessary.',
  xksProxyUnsupportedOperation: () =>
    'The external key store proxy rejected the request because it does not support the requested operation. If you see this error repeatedly, report it to your external key store proxy administrator.',
  xksProxyDependencyTimeout: () =>
    'The external key store proxy did not respond to the request in the time allotted. Retry the request. If you see this error repeatedly, report it to your external key store proxy administrator.',
  xksProxyThrottled: () =>
    'The external key store proxy rejected the request due to a very high request rate. Reduce the frequency of your calls using KMS keys in this external key store.',
  xksProxyInternal: () =>
    'The external key store proxy rejected the request because it cannot communicate with the external key manager. Verify that the external key store proxy configuration is correct and that the external key manager is available.',
  xksProxyCannotConnect: () =>
    'AWS KMS cannot communicate with the external key store proxy. This might be a transient network issue. If you see this error repeatedly, verify that your external key store proxy is active and is connected to the network, and that its endpoint URI is correct in your external keystore.',
  xksProxyTls: () => 'AWS KMS cannot establish a TLS connection to the external key store proxy. Verify the TLS configuration, including its certificate.',
  xksProxySocketTimeout: () =>
    'AWS KMS rejected the request because the external key store proxy did not respond in time. Retry the request. If you see this error repeatedly, report it to your external key store proxy administrator.',
  /** Developer Guide, xks-troubleshooting ("Proxy issues"): GetHealthStatus reports every external key manager UNAVAILABLE. */
  xksProxyUnhealthy: () =>
    'The external key store proxy is in an unhealthy state. If you see this message repeatedly, notify your external key store proxy administrator.',
  /** Developer Guide, xks-troubleshooting ("External key requirements not met"): what GetKeyMetadata reported. */
  xksKeySpecNotAes256: (keySpec: string) => `The key spec of the external key must be AES_256. The key spec of specified external key is ${keySpec}.`,
  xksKeyStatusNotEnabled: (status: string) => `The status of the external key must be ENABLED. The status of specified external key is ${status}.`,
  xksKeyUsageMissing: (usage: string) =>
    `The key usage of the external key must include ENCRYPT and DECRYPT. The key use of specified external key is ${usage}.`,
  customKeyStoreOriginMismatch: (origin: string, type: string) =>
    `Origin ${origin} is not valid for a KMS key in a custom key store with a CustomKeyStoreType of ${type}.`,
  customKeyStoreIdRequired: (origin: string) => `CustomKeyStoreId is required when Origin is ${origin}.`,
  customKeyStoreKeySpec: (keySpec: string) =>
    `KeySpec ${keySpec} is not valid for a KMS key in a custom key store. Only SYMMETRIC_DEFAULT keys can be created in a custom key store.`,
  customKeyStoreMultiRegion: () => 'You cannot create a multi-Region key in a custom key store.',
  generateRandomExternalKeyStore: (id: string) => `GenerateRandom is not supported for external key stores: ${id} is an external key store.`,
  invalidAttestationDocument: (reason: string) => `The attestation document in Recipient is not valid: ${reason}`,
  /** The wire (AWS JSON 1.1 on AWS's service framework); see docs/research/wire-protocol.md. */
  base64Length: (length: number) => `Base64 encoded length is expected a multiple of 4 bytes but found: ${length}`,
  base64Character: () => 'Invalid last non-pad Base64 character dectected',
  missingAuthenticationToken: () => 'Request is missing Authentication Token',
  unrecognizedClient: () => 'The security token included in the request is invalid.',
  signatureMismatch: () =>
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  signatureExpired: (date: string, earliest: string, now: string, minutes: number) =>
    `Signature expired: ${date} is now earlier than ${earliest} (${now} - ${minutes} min.)`,
  signatureNotYetCurrent: (date: string, latest: string, now: string, minutes: number) =>
    `Signature not yet current: ${date} is still later than ${latest} (${now} + ${minutes} min.)`,
  incompleteSignature: (missing: string, authorization: string) => `${missing}Authorization=${authorization}`,
  hostNotSigned: () => "'Host' must be a 'SignedHeader' in the AWS Authorization.",
  credentialScope: (problem: string) => problem,
  signingDateFormat: (date: string) => `Date must be in ISO-8601 'basic format'. Got '${date}'. See http://en.wikipedia.org/wiki/ISO_8601`,
  unsupportedAlgorithm: (algorithm: string) => `Unsupported AWS 'algorithm': '${algorithm}' (only AWS4-HMAC-SHA256 for now). `,
  credentialParts: (credential: string) => `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
  requestTooLarge: (limit: number) => `Request body exceeds the limit of ${limit} bytes`,
  /** Frameworks errors AWS sends without a message (wire): malformed JSON, an unknown X-Amz-Target. */
  noMessage: () => '',
  invalidGrantToken: () => 'Invalid grant token.',
  invalidMarker: () => 'Invalid marker',
  /** The fallback of the key-state table: an operation the key's state does not allow, with no specific wording. */
  unsupportedInState: (operation: string, arn: string, state: string) => `${operation} is not supported for ${arn} in state ${state}.`,
  unexpectedStructure: () => 'Start of structure or map found where not expected.',
  unexpectedValueType: (path: string) => `Unexpected value type at '${path}'`,
  validationErrors: (errors: readonly string[]) => `${errors.length} validation error${errors.length === 1 ? '' : 's'} detected: ${errors.join('; ')}`,
  aliasExists: (aliasArn: string) => `An alias with the name ${aliasArn} already exists`,
  keySpecAndCustomerMasterKeySpec: () => 'You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.',
  replicaPartition: (region: string) => `The replica Region ${region} must be in the same AWS partition as the primary key.`,
  replicaExists: (region: string, arn: string) => `Replica key in region ${region} already exists: ${arn}`,
  rotationKeySpec: (arn: string, keySpec: string) => `${arn} key spec is ${keySpec} which is not valid for this operation.`,
  rotationOnReplica: (arn: string) => `${arn} is a multi-Region replica key. Manage its rotation on the primary key.`,
  notMultiRegion: (arn: string) => `${arn} is not a multi-Region key.`,
  xksConnectivityNeedsEndpoint: (connectivity: string) => `Changing XksProxyConnectivity to ${connectivity} requires a new XksProxyUriEndpoint.`,
  xksVpcServiceOnPublic: () => 'XksProxyVpcEndpointServiceName is not valid when XksProxyConnectivity is PUBLIC_ENDPOINT.',
  numberOfBytesRequired: () => 'NumberOfBytes is required.',
  /** KMS answers NotAuthorizedException without a message for the reserved alias/aws/ prefix (emulator evidence only). */
  reservedAliasPrefix: () => '',
  customKeyStoreLimit: (limit: number) => `You have reached the limit of ${limit} custom key stores in this account and Region.`,
  aliasKeyTypeMismatch: (aliasArn: string, currentType: string, currentUsage: string, arn: string, type: string, usage: string) =>
    `${aliasArn} is associated with a key of type ${currentType} and usage ${currentUsage}; it cannot be associated with ${arn}, whose type is ${type} and usage ${usage}.`,
} as const;

/** The resource AccessDeniedException names for Decrypt requests that give no KeyId. */
export const CIPHERTEXT_RESOURCE = 'the resource associated with this ciphertext';

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
