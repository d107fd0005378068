import type { ExpirationModelType } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { keyPairFromPkcs8 } from '../crypto/imported-key-pair';
import { openImportToken } from '../crypto/import-token';
import { unwrapRsaAesKeyWrap, unwrapRsaOaep, wrappingKeyFromSeed } from '../crypto/key-import';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { IMPORTED_SECRET_BYTES, MAX_VALID_TO_MS, WRAPPING_ALGORITHMS, WRAPPING_KEY_SPECS } from '../vault/import-rules';
import { addReplicaMaterial, allMaterialImported, importedMaterialId, importedPrimaryOf, replicaHoldsAll } from '../vault/imported-material';
import type { ImportedMaterialState, KeyMaterial, KeyRecord } from '../vault/key-record';
import { KEY_SPECS, isSymmetricEncryptionSpec } from '../vault/key-specs';
import { keyForOperation } from './key-for-operation';
import { bytesOf, requireExternalOrigin } from './shared';

type ImportKeyMaterialRequest = HandlerInput<'ImportKeyMaterial'>;

/** Whether and when imported key material expires. */
interface Expiration {
  readonly expirationModel: ExpirationModelType;
  readonly validTo?: Date;
}

/**
 * Imports key material, wrapped under the public key of a GetParametersForImport response, into a key
 * with Origin EXTERNAL, or reimports the same material after it was deleted or expired (ciphertexts
 * made before then decrypt again), with a new expiration. Symmetric encryption keys also take new key
 * material (ImportType NEW_KEY_MATERIAL) that RotateKeyOnDemand then makes current. The key becomes
 * Enabled once all its key material is imported.
 *
 * A replica of a multi-Region key with imported key material takes only key material imported into its
 * primary key, with its own import token and its own expiration, and is Enabled once it holds every
 * material permanently associated with the primary (Developer Guide, "Importing key material into
 * multi-Region keys": "If the key material that you try to import into the replica key isn't the same
 * the key material as its primary key, the operation fails"; API Reference, ImportKeyMaterial: "You
 * cannot directly import new key material into the replica Region keys").
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ImportKeyMaterial.html
 */
export function importKeyMaterial(context: OperationContext, input: ImportKeyMaterialRequest): HandlerOutput<'ImportKeyMaterial'> {
  const expiration = expirationOf(input, context.now);
  if (input.KeyMaterialId !== undefined && input.ImportType === 'NEW_KEY_MATERIAL') throw kmsError('ValidationException', messages.keyMaterialIdWithNew());
  const key = keyForOperation(context, input.KeyId, input, { aliases: false });
  requireExternalOrigin(key);
  const symmetric = isSymmetricEncryptionSpec(key.keySpec);
  for (const member of ['KeyMaterialId', 'KeyMaterialDescription'] as const) {
    if (!symmetric && input[member] !== undefined) throw kmsError('ValidationException', messages.symmetricOnlyImportMember(member));
  }
  const secret = importedSecret(key, unwrap(context, key, input));
  const id = importedMaterialId(key.keyId, secret);
  const idHex = id.toString('hex');
  const primary = importedPrimaryOf(key);
  const source = primary ? primaryMaterial(key, primary, idHex, input) : undefined;
  const existing = primary ? key.materials.find((m) => m.id === idHex) : chooseMaterial(key, idHex, input);

  const imported: ImportedMaterialState = {
    imported: true,
    expirationModel: expiration.expirationModel,
    pendingRotation: existing?.imported?.pendingRotation ?? (source ? source.imported?.pendingRotation === true : key.materials.length > 0),
  };
  if (expiration.validTo) imported.validTo = expiration.validTo;
  const description = input.KeyMaterialDescription ?? existing?.imported?.description;
  if (description !== undefined) imported.description = description;

  if (existing?.imported) {
    // ExpirationModel and ValidTo are replaced; an omitted description keeps the one before.
    const state = existing.imported;
    state.imported = true;
    state.expirationModel = imported.expirationModel;
    state.validTo = imported.validTo;
    state.description = imported.description;
  } else if (primary && source) {
    addReplicaMaterial(context.state, key, source, imported, primary.materials);
  } else {
    const material: KeyMaterial = { id: idHex, idBytes: id, secret, createdAt: context.now, imported };
    const first = key.materials.length === 0;
    key.materials.push(material);
    // Imported key material is each Region's own, also for multi-Region keys.
    context.state.indexMaterial(key, material);
    if (first) key.currentMaterial = material;
  }
  if (key.state === 'PendingImport' && (primary ? replicaHoldsAll(key, primary) : allMaterialImported(key))) key.state = 'Enabled';
  context.state.trackImportExpiry(key);
  return symmetric ? { KeyId: key.arn, KeyMaterialId: idHex } : { KeyId: key.arn };
}

/**
 * ExpirationModel (default KEY_MATERIAL_EXPIRES) and ValidTo: required with KEY_MATERIAL_EXPIRES, "not
 * valid" otherwise; "a future date and time. The maximum value is 365 days from the request date."
 */
function expirationOf(input: ImportKeyMaterialRequest, now: Date): Expiration {
  const expirationModel = input.ExpirationModel ?? 'KEY_MATERIAL_EXPIRES';
  const validTo: unknown = input.ValidTo;
  if (expirationModel === 'KEY_MATERIAL_DOES_NOT_EXPIRE') {
    if (validTo !== undefined) throw kmsError('ValidationException', messages.validToNotAllowed());
    return { expirationModel };
  }
  if (validTo === undefined) throw kmsError('ValidationException', messages.validToRequired());
  // The SDK passes a Date; a raw request may carry epoch seconds, as the JSON protocol does.
  const t = validTo instanceof Date ? validTo.getTime() : Number(validTo) * 1000;
  if (!(t > now.getTime())) throw kmsError('ValidationException', messages.validToInPast());
  if (t > now.getTime() + MAX_VALID_TO_MS) throw kmsError('ValidationException', messages.validToTooLate());
  return { expirationModel, validTo: new Date(t) };
}

/**
 * The key material, unwrapped with the private key of the wrapping key pair the import token names:
 * InvalidImportTokenException for a token the vault did not issue for this key, ExpiredImportTokenException
 * after ParametersValidTo, InvalidCiphertextException when the material was not wrapped with that
 * public key and wrapping algorithm.
 */
function unwrap(context: OperationContext, key: KeyRecord, input: ImportKeyMaterialRequest): Buffer {
  const secret = context.state.importTokenSecret();
  const token = secret ? openImportToken(secret, bytesOf(input.ImportToken)) : undefined;
  const rule = token ? WRAPPING_ALGORITHMS[token.wrappingAlgorithm as keyof typeof WRAPPING_ALGORITHMS] : undefined;
  const wrapping = token ? WRAPPING_KEY_SPECS[token.wrappingKeySpec as keyof typeof WRAPPING_KEY_SPECS] : undefined;
  if (!token || token.keyArn !== key.arn || !rule || wrapping?.kind !== 'rsa') throw kmsError('InvalidImportTokenException', messages.invalidImportToken());
  if (context.now.getTime() > token.validTo) throw kmsError('ExpiredImportTokenException', messages.expiredImportToken());
  const privateKey = wrappingKeyFromSeed(token.wrappingSeed, wrapping.bits);
  const wrapped = bytesOf(input.EncryptedKeyMaterial);
  const material =
    rule.scheme === 'rsa-oaep'
      ? unwrapRsaOaep(privateKey, rule.hash, wrapped)
      : rule.scheme === 'rsa-aes-key-wrap'
        ? unwrapRsaAesKeyWrap(privateKey, rule.hash, wrapped)
        : undefined;
  if (!material) throw kmsError('InvalidCiphertextException', messages.invalidCiphertext());
  return material;
}

/**
 * The bytes the vault keeps of imported key material, checked against the key spec ("The key material
 * that you import must be compatible with the key spec"): a 256-bit secret for SYMMETRIC_DEFAULT, a
 * secret of the spec's range for HMAC keys, a DER PKCS #8 private key of the spec's kind for key pairs
 * (kept in its canonical encoding, so the same key is known again). IncorrectKeyMaterialException otherwise.
 */
function importedSecret(key: KeyRecord, material: Buffer): Buffer {
  const params = KEY_SPECS[key.keySpec].material;
  if (params.kind === 'rsa' || params.kind === 'ec') {
    const pair = keyPairFromPkcs8(params, material);
    if (!pair) throw kmsError('IncorrectKeyMaterialException', messages.keyMaterialNotKeyPair(key.keySpec));
    return pair.pkcs8;
  }
  const size = IMPORTED_SECRET_BYTES[key.keySpec] ?? { min: 32, max: 32 };
  if (material.length < size.min || material.length > size.max)
    throw kmsError('IncorrectKeyMaterialException', messages.keyMaterialWrongSize(key.keySpec, size.min, size.max));
  return Buffer.from(material);
}

/**
 * The key material this import is a reimport of, or undefined for new key material, by ImportType:
 * NEW_KEY_MATERIAL when the key never had material, EXISTING_KEY_MATERIAL after (the documented
 * defaults). Reimported material must be the same ("not the same key material that was previously
 * imported": IncorrectKeyMaterialException) and match KeyMaterialId when given; new material must not
 * be associated with the key already, and only symmetric encryption keys take new material after the
 * first, one at a time until RotateKeyOnDemand.
 */
function chooseMaterial(key: KeyRecord, idHex: string, input: ImportKeyMaterialRequest): KeyMaterial | undefined {
  const hasMaterial = key.materials.length > 0;
  const importType = input.ImportType ?? (hasMaterial ? 'EXISTING_KEY_MATERIAL' : 'NEW_KEY_MATERIAL');
  const existing = key.materials.find((m) => m.id === idHex);
  if (input.KeyMaterialId !== undefined && input.KeyMaterialId !== idHex)
    throw kmsError('IncorrectKeyMaterialException', messages.keyMaterialIdMismatch(input.KeyMaterialId));
  if (importType === 'EXISTING_KEY_MATERIAL') {
    if (!hasMaterial) throw kmsError('IncorrectKeyMaterialException', messages.noKeyMaterialYet(key.arn));
    if (!existing) throw kmsError('IncorrectKeyMaterialException', messages.keyMaterialDiffers(key.arn));
    return existing;
  }
  if (existing) throw kmsError('IncorrectKeyMaterialException', messages.keyMaterialAlreadyAssociated(key.arn));
  if (hasMaterial && !isSymmetricEncryptionSpec(key.keySpec))
    throw kmsError('IncorrectKeyMaterialException', messages.newKeyMaterialNotSupported(key.arn, key.keySpec));
  const pending = key.materials.find((m) => m.imported?.pendingRotation === true);
  if (pending) throw kmsError('KMSInvalidStateException', messages.pendingRotationExists(idHex, key.arn, pending.id));
  return undefined;
}

/**
 * The primary key's key material that an import into its replica key brings: the same material
 * (same id), whether the primary holds it imported now or had it and deleted it. Material the primary
 * never had is IncorrectKeyMaterialException (the message names the primary key); so is material the
 * replica holds already when ImportType is NEW_KEY_MATERIAL, and a KeyMaterialId that is not this
 * material's. Either ImportType brings material new to the replica (NEW_KEY_MATERIAL is the documented
 * default of a first import; EXISTING_KEY_MATERIAL what the API Reference says to pass to replicas).
 */
function primaryMaterial(key: KeyRecord, primary: KeyRecord, idHex: string, input: ImportKeyMaterialRequest): KeyMaterial {
  if (input.KeyMaterialId !== undefined && input.KeyMaterialId !== idHex)
    throw kmsError('IncorrectKeyMaterialException', messages.keyMaterialIdMismatch(input.KeyMaterialId));
  const source = primary.materials.find((m) => m.id === idHex);
  if (!source) throw kmsError('IncorrectKeyMaterialException', messages.keyMaterialDiffers(primary.arn));
  if (input.ImportType === 'NEW_KEY_MATERIAL' && key.materials.some((m) => m.id === idHex))
    throw kmsError('IncorrectKeyMaterialException', messages.keyMaterialAlreadyAssociated(key.arn));
  return source;
}
