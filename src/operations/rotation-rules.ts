import { kmsError } from '../errors/kms-error';
import { isSymmetricEncryptionSpec } from '../vault/key-specs';
import { messages } from '../errors/messages';
import type { KeyRecord } from '../vault/key-record';
import { ORIGINS } from '../vault/origins';

/**
 * Only symmetric encryption keys with AWS_KMS key material rotate automatically: asymmetric, HMAC,
 * imported and custom-key-store keys give UnsupportedOperationException (Developer Guide, "Rotating
 * keys"). With `imported`, symmetric keys with imported key material (Origin EXTERNAL) pass too: they
 * rotate on demand into new imported material (API Reference, RotateKeyOnDemand, ListKeyRotations).
 */
export function requireRotatableKey(key: KeyRecord, options: { readonly imported?: boolean } = {}): void {
  const origin = ORIGINS[key.origin];
  if (!(origin.automaticRotation || (options.imported === true && origin.onDemandRotation))) {
    throw kmsError('UnsupportedOperationException', messages.originNotValid(key.arn, key.origin));
  }
  if (!isSymmetricEncryptionSpec(key.keySpec)) {
    throw kmsError('UnsupportedOperationException', messages.rotationKeySpec(key.arn, key.keySpec));
  }
}

/** The key that holds the rotation settings: a multi-Region replica shares its primary key's. */
export function rotationOwner(key: KeyRecord): KeyRecord {
  const group = key.multiRegionGroup;
  return group?.members.get(group.primaryRegion) ?? key;
}

/** Rotation is managed on a multi-Region primary key only; on a replica, UnsupportedOperationException. */
export function requireNotReplica(key: KeyRecord): void {
  if (rotationOwner(key) !== key) {
    throw kmsError('UnsupportedOperationException', messages.rotationOnReplica(key.arn));
  }
}
