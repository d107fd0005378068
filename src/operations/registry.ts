import type { OperationName } from '../contract/generated';
import type { OperationHandler } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { cancelKeyDeletion } from './cancel-key-deletion';
import { createAlias } from './create-alias';
import { createKey } from './create-key';
import { decrypt } from './decrypt';
import { deleteAlias } from './delete-alias';
import { describeKey } from './describe-key';
import { disableKey } from './disable-key';
import { enableKey } from './enable-key';
import { encrypt } from './encrypt';
import { generateDataKey } from './generate-data-key';
import { generateDataKeyWithoutPlaintext } from './generate-data-key-without-plaintext';
import { generateRandom } from './generate-random';
import { listAliases } from './list-aliases';
import { listKeys } from './list-keys';
import { reEncrypt } from './re-encrypt';
import { scheduleKeyDeletion } from './schedule-key-deletion';
import { enableKeyRotation } from './enable-key-rotation';
import { disableKeyRotation } from './disable-key-rotation';
import { getKeyRotationStatus } from './get-key-rotation-status';
import { rotateKeyOnDemand } from './rotate-key-on-demand';
import { listKeyRotations } from './list-key-rotations';
import { tagResource } from './tag-resource';
import { untagResource } from './untag-resource';
import { listResourceTags } from './list-resource-tags';
import { updateKeyDescription } from './update-key-description';
import { replicateKey } from './replicate-key';
import { updatePrimaryRegion } from './update-primary-region';
import { getKeyLastUsage } from './get-key-last-usage';
import { updateAlias } from './update-alias';
import { decapsulate } from './decapsulate';
import { deriveSharedSecret } from './derive-shared-secret';
import { encapsulate } from './encapsulate';
import { generateDataKeyPair } from './generate-data-key-pair';
import { generateDataKeyPairWithoutPlaintext } from './generate-data-key-pair-without-plaintext';
import { generateMac } from './generate-mac';
import { getPublicKey } from './get-public-key';
import { sign } from './sign';
import { verify } from './verify';
import { verifyMac } from './verify-mac';
import { getParametersForImport } from './get-parameters-for-import';
import { importKeyMaterial } from './import-key-material';
import { deleteImportedKeyMaterial } from './delete-imported-key-material';
import { connectCustomKeyStore } from './connect-custom-key-store';
import { createCustomKeyStore } from './create-custom-key-store';
import { deleteCustomKeyStore } from './delete-custom-key-store';
import { describeCustomKeyStores } from './describe-custom-key-stores';
import { disconnectCustomKeyStore } from './disconnect-custom-key-store';
import { updateCustomKeyStore } from './update-custom-key-store';
import { createGrant } from './create-grant';
import { getKeyPolicy } from './get-key-policy';
import { listGrants } from './list-grants';
import { listKeyPolicies } from './list-key-policies';
import { listRetirableGrants } from './list-retirable-grants';
import { putKeyPolicy } from './put-key-policy';
import { retireGrant } from './retire-grant';
import { revokeGrant } from './revoke-grant';

export type { HandlerInput, HandlerOutput, Validated } from './handler-types';

/** The registry's type: each operation's handler takes that operation's input and returns its output. */
export type Handlers = { readonly [K in OperationName]: OperationHandler<HandlerInput<K>, HandlerOutput<K>> };

type InputOf<F> = F extends (context: never, input: infer I) => unknown ? I : never;

/**
 * `R` with every handler whose declared input is not exactly its operation's `HandlerInput` turned
 * into `never`, so that registering a handler under the wrong operation, or typing it with the SDK's
 * request type (whose required members read `T | undefined`), is a compile error. (The SDK's input
 * types are loose enough that one operation's handler can otherwise be assignable to another's slot.)
 */
type ExactlyWired<R extends Handlers> = {
  readonly [K in OperationName]: HandlerInput<K> extends InputOf<R[K]> ? ([InputOf<R[K]>] extends [HandlerInput<K>] ? R[K] : never) : never;
};

/** @internal Checks the registry's wiring at compile time (see {@link ExactlyWired}). */
export function wired<R extends Handlers>(handlers: R & ExactlyWired<R>): Handlers {
  return handlers;
}

/**
 * Every KMS operation mapped to its handler. Typed over the full operation list of the KMS API, so a
 * missing entry is a compile error.
 */
export const OPERATIONS: Handlers = wired({
  CancelKeyDeletion: cancelKeyDeletion,
  ConnectCustomKeyStore: connectCustomKeyStore,
  CreateAlias: createAlias,
  CreateCustomKeyStore: createCustomKeyStore,
  CreateGrant: createGrant,
  CreateKey: createKey,
  Decapsulate: decapsulate,
  Decrypt: decrypt,
  DeleteAlias: deleteAlias,
  DeleteCustomKeyStore: deleteCustomKeyStore,
  DeleteImportedKeyMaterial: deleteImportedKeyMaterial,
  DeriveSharedSecret: deriveSharedSecret,
  DescribeCustomKeyStores: describeCustomKeyStores,
  DescribeKey: describeKey,
  DisableKey: disableKey,
  DisableKeyRotation: disableKeyRotation,
  DisconnectCustomKeyStore: disconnectCustomKeyStore,
  EnableKey: enableKey,
  EnableKeyRotation: enableKeyRotation,
  Encapsulate: encapsulate,
  Encrypt: encrypt,
  GenerateDataKey: generateDataKey,
  GenerateDataKeyPair: generateDataKeyPair,
  GenerateDataKeyPairWithoutPlaintext: generateDataKeyPairWithoutPlaintext,
  GenerateDataKeyWithoutPlaintext: generateDataKeyWithoutPlaintext,
  GenerateMac: generateMac,
  GenerateRandom: generateRandom,
  GetKeyLastUsage: getKeyLastUsage,
  GetKeyPolicy: getKeyPolicy,
  GetKeyRotationStatus: getKeyRotationStatus,
  GetParametersForImport: getParametersForImport,
  GetPublicKey: getPublicKey,
  ImportKeyMaterial: importKeyMaterial,
  ListAliases: listAliases,
  ListGrants: listGrants,
  ListKeyPolicies: listKeyPolicies,
  ListKeyRotations: listKeyRotations,
  ListKeys: listKeys,
  ListResourceTags: listResourceTags,
  ListRetirableGrants: listRetirableGrants,
  PutKeyPolicy: putKeyPolicy,
  ReEncrypt: reEncrypt,
  ReplicateKey: replicateKey,
  RetireGrant: retireGrant,
  RevokeGrant: revokeGrant,
  RotateKeyOnDemand: rotateKeyOnDemand,
  ScheduleKeyDeletion: scheduleKeyDeletion,
  Sign: sign,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateAlias: updateAlias,
  UpdateCustomKeyStore: updateCustomKeyStore,
  UpdateKeyDescription: updateKeyDescription,
  UpdatePrimaryRegion: updatePrimaryRegion,
  Verify: verify,
  VerifyMac: verifyMac,
});

/** Whether the vault implements an operation (drives the README's table). */
export function isImplemented(operation: OperationName): boolean {
  return !('implemented' in OPERATIONS[operation]);
}
