import { kmsError } from '../errors/kms-error';
import type { KeyRecord } from '../vault/key-record';

/**
 * Only symmetric encryption keys with AWS_KMS key material rotate: asymmetric, HMAC, imported and
 * custom-key-store keys give UnsupportedOperationException (Developer Guide, "Rotating keys").
 */
export function requireRotatableKey(key: KeyRecord): void {
  if (key.origin !== 'AWS_KMS') {
    throw kmsError('UnsupportedOperationException', `${key.arn} origin is ${key.origin} which is not valid for this operation.`);
  }
  if (key.keySpec !== 'SYMMETRIC_DEFAULT') {
    throw kmsError('UnsupportedOperationException', `${key.arn} key spec is ${key.keySpec} which is not valid for this operation.`);
  }
}
