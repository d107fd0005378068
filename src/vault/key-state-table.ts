// The key-state table of the KMS Developer Guide ("Key states of AWS KMS keys",
// https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html), for the operations the vault
// implements. Footnotes as the guide gives them: a disabled key fails cryptographic operations with
// DisabledException; pending deletion, pending import and the multi-Region transient states fail with
// KMSInvalidStateException ("<arn> is pending deletion.", "... is pending import."); CancelKeyDeletion
// on a key not pending deletion says "<arn> is not pending deletion."; keys in a disconnected custom
// key store (Unavailable) fail cryptographic operations with KMSInvalidStateException ("<arn> is
// unavailable.", footnote 11), and EnableKey and DisableKey on them succeed but take effect only when the
// key is available again (footnote 12, vault/custom-key-stores.ts); rotation of a
// key with imported material (PendingImport) is UnsupportedOperationException ("<arn> origin is
// EXTERNAL which is not valid for this operation."). GetParametersForImport and ImportKeyMaterial work
// on keys that are enabled, disabled or pending import, DeleteImportedKeyMaterial also on keys pending
// deletion (their state then does not change: API Reference, DeleteImportedKeyMaterial). ListKeyRotations
// lists the import state of each key material, so it works while a key is pending import (API
// Reference, ImportKeyMaterial: "Use the ListKeyRotations operation to list the ID and import state of
// each key material"). A deleted key is gone: NotFoundException for every operation.
import type { OperationName } from '../contract/generated';

export type KeyStateOutcome =
  'ok' | 'DisabledException' | 'KMSInvalidStateException' | 'KeyUnavailableException' | 'NotFoundException' | 'UnsupportedOperationException';
export type TableKeyState = 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingReplicaDeletion' | 'PendingImport' | 'Unavailable' | 'Creating' | 'Updating';
/** One operation's row: the outcome in each key state. */
export type KeyStateRow = Readonly<Record<TableKeyState, KeyStateOutcome>>;
/** The row of an operation that names no KMS key (CreateKey, ListKeys, the custom key store operations, ...). */
export const NO_KEY = 'no key';
const crypto = {
  Enabled: 'ok',
  Disabled: 'DisabledException',
  PendingDeletion: 'KMSInvalidStateException',
  PendingReplicaDeletion: 'KMSInvalidStateException',
  PendingImport: 'KMSInvalidStateException',
  Unavailable: 'KMSInvalidStateException',
  Creating: 'KMSInvalidStateException',
  Updating: 'KMSInvalidStateException',
} as const;
const manage = {
  Enabled: 'ok',
  Disabled: 'ok',
  PendingDeletion: 'KMSInvalidStateException',
  PendingReplicaDeletion: 'KMSInvalidStateException',
  PendingImport: 'ok',
  Unavailable: 'ok',
  Creating: 'KMSInvalidStateException',
  Updating: 'KMSInvalidStateException',
} as const;
const everything = {
  Enabled: 'ok',
  Disabled: 'ok',
  PendingDeletion: 'ok',
  PendingReplicaDeletion: 'ok',
  PendingImport: 'ok',
  Unavailable: 'ok',
  Creating: 'ok',
  Updating: 'ok',
} as const;
/**
 * The grant and key policy reads and writes below: the guide's table gives them no footnote, so every
 * state succeeds (compared for Enabled, Disabled, PendingImport, PendingDeletion and Unavailable; the
 * multi-Region transient states are not yet compared).
 */
const unchecked = everything;

/**
 * Every operation of the API has a row, so a new operation without one is a compile error: the outcome
 * in each key state, or {@link NO_KEY} for an operation that names no key.
 */
export const KEY_STATE_TABLE = {
  Encrypt: crypto,
  Decrypt: crypto,
  ReEncrypt: crypto,
  GenerateDataKey: crypto,
  GenerateDataKeyWithoutPlaintext: crypto,
  GenerateDataKeyPair: crypto,
  GenerateDataKeyPairWithoutPlaintext: crypto,
  Sign: crypto,
  Verify: crypto,
  GetPublicKey: crypto,
  GenerateMac: crypto,
  VerifyMac: crypto,
  DeriveSharedSecret: crypto,
  Encapsulate: crypto,
  Decapsulate: crypto,
  CreateAlias: manage,
  UpdateAlias: manage,
  ScheduleKeyDeletion: manage,
  EnableKey: { ...manage, PendingImport: 'KMSInvalidStateException' },
  DisableKey: { ...manage, PendingImport: 'KMSInvalidStateException' },
  EnableKeyRotation: { ...manage, Disabled: 'DisabledException', PendingImport: 'UnsupportedOperationException' },
  DisableKeyRotation: { ...manage, Disabled: 'DisabledException', PendingImport: 'UnsupportedOperationException' },
  GetKeyRotationStatus: { ...manage, PendingDeletion: 'ok', PendingImport: 'UnsupportedOperationException' },
  ListKeyRotations: { ...manage, PendingDeletion: 'ok' },
  // PendingImport: the guide's table says UnsupportedOperationException; recordings of real AWS (2025,
  // LocalStack test_rotate_key_on_demand_on_external_key_with_no_key_material) show "<arn> is pending import.".
  RotateKeyOnDemand: { ...manage, Disabled: 'DisabledException', PendingImport: 'KMSInvalidStateException' },
  TagResource: manage,
  UntagResource: manage,
  UpdateKeyDescription: manage,
  DescribeKey: everything,
  DeleteAlias: everything,
  ListAliases: everything,
  ListResourceTags: everything,
  GetKeyLastUsage: everything,
  ReplicateKey: manage,
  UpdatePrimaryRegion: { ...manage, Disabled: 'DisabledException' },
  GetParametersForImport: manage,
  ImportKeyMaterial: manage,
  DeleteImportedKeyMaterial: { ...manage, PendingDeletion: 'ok', PendingReplicaDeletion: 'ok' },
  // Only a key pending deletion can have its deletion cancelled: "<arn> is not pending deletion." in
  // every other state, keys pending import and unavailable keys included (the guide's footnote 4).
  CancelKeyDeletion: {
    ...manage,
    Enabled: 'KMSInvalidStateException',
    Disabled: 'KMSInvalidStateException',
    PendingImport: 'KMSInvalidStateException',
    Unavailable: 'KMSInvalidStateException',
    PendingDeletion: 'ok',
  },
  // Developer Guide, key-state table: CreateGrant fails on keys pending deletion and in the multi-Region
  // transient states, and works on disabled keys, keys pending import and unavailable keys.
  CreateGrant: manage,
  GetKeyPolicy: unchecked,
  PutKeyPolicy: unchecked,
  ListKeyPolicies: unchecked,
  ListGrants: unchecked,
  RetireGrant: unchecked,
  RevokeGrant: unchecked,
  CreateKey: NO_KEY,
  ListKeys: NO_KEY,
  GenerateRandom: NO_KEY,
  ListRetirableGrants: NO_KEY,
  ConnectCustomKeyStore: NO_KEY,
  CreateCustomKeyStore: NO_KEY,
  DeleteCustomKeyStore: NO_KEY,
  DescribeCustomKeyStores: NO_KEY,
  DisconnectCustomKeyStore: NO_KEY,
  UpdateCustomKeyStore: NO_KEY,
} as const satisfies Record<OperationName, KeyStateRow | typeof NO_KEY>;

/** An operation on a key: one whose row is not {@link NO_KEY}. */
export type KeyStateGatedOperation = { [K in OperationName]: (typeof KEY_STATE_TABLE)[K] extends typeof NO_KEY ? never : K }[OperationName];
