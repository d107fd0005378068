// Provisional: replaced by the full table from the KMS Developer Guide.
export type KeyStateOutcome = 'ok' | 'DisabledException' | 'KMSInvalidStateException' | 'KeyUnavailableException' | 'NotFoundException' | 'UnsupportedOperationException';
export type TableKeyState = 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingReplicaDeletion' | 'PendingImport' | 'Unavailable' | 'Creating' | 'Updating';
const crypto = { Enabled: 'ok', Disabled: 'DisabledException', PendingDeletion: 'KMSInvalidStateException', PendingReplicaDeletion: 'KMSInvalidStateException', PendingImport: 'KMSInvalidStateException', Unavailable: 'KeyUnavailableException', Creating: 'KMSInvalidStateException', Updating: 'KMSInvalidStateException' } as const;
const manage = { Enabled: 'ok', Disabled: 'ok', PendingDeletion: 'KMSInvalidStateException', PendingReplicaDeletion: 'KMSInvalidStateException', PendingImport: 'ok', Unavailable: 'ok', Creating: 'KMSInvalidStateException', Updating: 'KMSInvalidStateException' } as const;
export const KEY_STATE_TABLE = {
  Encrypt: crypto, Decrypt: crypto, ReEncrypt: crypto, GenerateDataKey: crypto, GenerateDataKeyWithoutPlaintext: crypto,
  CreateAlias: manage, UpdateAlias: manage, EnableKey: manage, DisableKey: manage, ScheduleKeyDeletion: manage,
  EnableKeyRotation: { ...manage, Disabled: 'DisabledException', PendingImport: 'KMSInvalidStateException' }, DisableKeyRotation: { ...manage, Disabled: 'DisabledException', PendingImport: 'KMSInvalidStateException' },
  GetKeyRotationStatus: manage, ListKeyRotations: manage, RotateKeyOnDemand: { ...manage, Disabled: 'DisabledException', PendingImport: 'KMSInvalidStateException' },
  TagResource: manage, UntagResource: manage, UpdateKeyDescription: manage,
  ReplicateKey: manage, UpdatePrimaryRegion: { ...manage, Disabled: 'DisabledException' },
  CancelKeyDeletion: { ...manage, Enabled: 'KMSInvalidStateException', Disabled: 'KMSInvalidStateException', PendingDeletion: 'ok' },
} as const satisfies Record<string, Record<TableKeyState, KeyStateOutcome>>;
