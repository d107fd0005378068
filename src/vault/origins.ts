import type { CustomKeyStoreType, OriginType } from '@aws-sdk/client-kms';

/** What a key's origin (where its key material comes from) allows. */
export interface OriginRule {
  /** The key specs a key of this origin may have: any the vault supports, or symmetric encryption only. */
  readonly keySpecs: 'any' | 'SYMMETRIC_DEFAULT';
  /** The custom key store type a key of this origin lives in; undefined for keys held by KMS itself. */
  readonly customKeyStoreType?: CustomKeyStoreType;
  /** Automatic rotation (EnableKeyRotation). */
  readonly automaticRotation: boolean;
  /** RotateKeyOnDemand (for EXTERNAL: into newly imported key material). */
  readonly onDemandRotation: boolean;
  /** GetParametersForImport, ImportKeyMaterial, DeleteImportedKeyMaterial. */
  readonly importKeyMaterial: boolean;
  /** CreateKey with MultiRegion true. */
  readonly multiRegion: boolean;
}

/**
 * Origins × what each allows (API Reference, CreateKey Origin, CustomKeyStoreId and MultiRegion;
 * Developer Guide, "Rotating keys" and "Importing key material"): keys in custom key stores are
 * single-Region symmetric encryption keys that never rotate and take no imported material; KMS's own
 * keys do everything; keys with imported material rotate on demand only.
 */
export const ORIGINS: Readonly<Record<OriginType, OriginRule>> = {
  AWS_KMS: { keySpecs: 'any', automaticRotation: true, onDemandRotation: true, importKeyMaterial: false, multiRegion: true },
  EXTERNAL: { keySpecs: 'any', automaticRotation: false, onDemandRotation: true, importKeyMaterial: true, multiRegion: true },
  AWS_CLOUDHSM: {
    keySpecs: 'SYMMETRIC_DEFAULT',
    customKeyStoreType: 'AWS_CLOUDHSM',
    automaticRotation: false,
    onDemandRotation: false,
    importKeyMaterial: false,
    multiRegion: false,
  },
  EXTERNAL_KEY_STORE: {
    keySpecs: 'SYMMETRIC_DEFAULT',
    customKeyStoreType: 'EXTERNAL_KEY_STORE',
    automaticRotation: false,
    onDemandRotation: false,
    importKeyMaterial: false,
    multiRegion: false,
  },
};

/** The origin of the keys a custom key store of this type holds. */
export function originOfStore(type: CustomKeyStoreType): OriginType {
  return type === 'AWS_CLOUDHSM' ? 'AWS_CLOUDHSM' : 'EXTERNAL_KEY_STORE';
}
