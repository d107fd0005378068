import { randomUUID } from 'node:crypto';
import type { OperationName } from '../contract/generated';
import type { Caller, RequestFacts } from '../context/operation-context';
import { verifyAttestationDocument } from '../nitro/attestation-document';
import { aliasArn, keyArn, parseKmsArn } from '../vault/arn';
import { EVENT_VERSION, type CallerIdentity, type CloudTrailEvent, type CloudTrailResource, type JsonObject, type JsonValue } from './cloudtrail-event';
import { MAP_MEMBERS, SECRET_MEMBERS, TRAIL_ROWS } from './operation-table';

/** What the CloudTrail log needs of one answered call (the engine's CallEvent has all of it). */
export interface TrailCall {
  readonly operation: OperationName;
  readonly input: unknown;
  readonly region: string;
  readonly caller: Caller;
  readonly time: Date;
  readonly requestId: string;
  readonly output?: Readonly<Record<string, unknown>>;
  readonly error?: { readonly name: string; readonly message: string };
  readonly request?: RequestFacts;
  /** Where the request came from over the wire. */
  readonly source?: { readonly sourceIp?: string; readonly userAgent?: string; readonly accessKeyId?: string };
}

/** A KMS key as the log describes it. */
export interface TrailKey {
  readonly arn: string;
  readonly accountId: string;
  readonly keyId: string;
  /** The id of the key's current material, for symmetric encryption keys with material. */
  readonly currentMaterialId?: string;
  readonly customKeyStoreId?: string;
  readonly xksKeyId?: string;
}

/** What the mapping looks up in the vault, at the time the call is recorded. Never throws. */
export interface TrailLookup {
  /** The key `name` (key id, key ARN, alias name or alias ARN) names for a caller of `accountId` in `region`. */
  key(name: string, region: string, accountId: string): TrailKey | undefined;
  /** The access key id of a principal the vault knows (calls that did not come signed over the wire). */
  accessKeyId(caller: Caller): string | undefined;
  /** A custom key store's name and CloudHSM cluster. */
  store(customKeyStoreId: string): { readonly name: string; readonly clusterId?: string } | undefined;
  /** The key a symmetric ciphertext was made under (Decrypt and ReEncrypt name no key when they fail otherwise). */
  ciphertextKey?(blob: Uint8Array, region: string): TrailKey | undefined;
}

/** Used when no lookup is given: the record is made from the call alone. */
export const NO_LOOKUP: TrailLookup = { key: () => undefined, accessKeyId: () => undefined, store: () => undefined };

const EVENT_SOURCE = 'kms.amazonaws.com';
/** What a call made in process (not over the wire) is logged as coming from. */
export const IN_PROCESS_ADDRESS = '127.0.0.1';
export const IN_PROCESS_USER_AGENT = 'kms-vault-mock (in process)';

/** `2024-01-01T00:00:00Z`: CloudTrail's eventTime, to the second. */
export function eventTime(time: Date): string {
  return `${time.toISOString().slice(0, 19)}Z`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Dates inside requestParameters and responseElements, as KMS writes them: `Aug 10, 2022, 10:38:27 PM` (UTC). */
export function elementDate(time: Date): string {
  const h = time.getUTCHours();
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${MONTHS[time.getUTCMonth()]} ${time.getUTCDate()}, ${time.getUTCFullYear()}, ${h % 12 === 0 ? 12 : h % 12}:${two(time.getUTCMinutes())}:${two(time.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** `KeyMetadata` → `keyMetadata`, `AWSAccountId` → `aWSAccountId`: KMS lowers the first letter only. */
function camel(name: string): string {
  return name.length === 0 ? name : name[0]!.toLowerCase() + name.slice(1);
}

/** A request or response as KMS logs it: camelCase member names, dates formatted, no secret and no blob. */
function logged(value: unknown, keepKeys = false): JsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Uint8Array) return undefined;
  if (value instanceof Date) return elementDate(value);
  if (Array.isArray(value)) return value.map((v) => logged(v) ?? null);
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [name, member] of Object.entries(value as Record<string, unknown>)) {
      if (name === '$metadata' || (!keepKeys && SECRET_MEMBERS.has(name))) continue;
      const v = logged(member, MAP_MEMBERS.has(name));
      if (v !== undefined) out[keepKeys ? name : camel(name)] = v;
    }
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
}

function loggedObject(value: unknown): JsonObject | null {
  const v = logged(value);
  return v !== undefined && typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 ? (v as JsonObject) : null;
}

/** The service a `kms:ViaService` value names, as CloudTrail writes it: `secretsmanager.us-east-1.amazonaws.com` → `secretsmanager.amazonaws.com`. */
export function serviceName(viaService: string): string {
  const [service] = viaService.split('.');
  return `${service ?? viaService}.amazonaws.com`;
}

/** `userIdentity` of a caller (CloudTrail User Guide, "CloudTrail userIdentity element"). */
export function callerIdentity(caller: Caller, accessKeyId: string | undefined, time: Date, viaService?: string): CallerIdentity {
  const key = accessKeyId !== undefined ? { accessKeyId } : {};
  const via = viaService !== undefined ? { invokedBy: serviceName(viaService) } : {};
  if (caller.type === 'Account') return { type: 'Root', principalId: caller.accountId, arn: caller.arn, accountId: caller.accountId, ...key, ...via };
  if (caller.type === 'User')
    return {
      type: 'IAMUser',
      principalId: caller.userId,
      arn: caller.arn,
      accountId: caller.accountId,
      ...key,
      userName: caller.username ?? caller.arn.slice(caller.arn.lastIndexOf('/') + 1),
      ...via,
    };
  const roleArn = caller.principalArn;
  const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  const rolePrincipalId = caller.userId.slice(0, caller.userId.indexOf(':'));
  const session = caller.userId.slice(caller.userId.indexOf(':') + 1);
  // A role added as a principal acts as a session of it: CloudTrail names the session, not the role.
  const arn = caller.arn.includes(':sts::')
    ? caller.arn
    : `arn:${caller.arn.split(':')[1] ?? 'aws'}:sts::${caller.accountId}:assumed-role/${roleName}/${session}`;
  return {
    type: 'AssumedRole',
    principalId: caller.userId,
    arn,
    accountId: caller.accountId,
    ...key,
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: rolePrincipalId, arn: roleArn, accountId: caller.accountId, userName: roleName },
      attributes: { creationDate: eventTime(time), mfaAuthenticated: 'false' },
    },
    ...via,
  };
}

function resource(arn: string): CloudTrailResource {
  const parsed = parseKmsArn(arn);
  return { accountId: parsed?.accountId ?? '', type: 'AWS::KMS::Key', ARN: arn };
}

const KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;

/** The ARN a key name stands for when the vault does not know the key (a call that failed with NotFoundException). */
function guessedArn(name: string, region: string, accountId: string): string | undefined {
  if (name.startsWith('arn:')) return parseKmsArn(name)?.resourceType === 'key' ? name : undefined;
  return KEY_ID.test(name) ? keyArn(region, accountId, name) : undefined;
}

/**
 * What a record is made from, taken when the call is answered (what the vault knew then: the keys
 * names resolved to, the caller's access key, the key store), holding no secret: the request and
 * response without their secret members. Making the record itself waits until someone reads it.
 */
export interface CapturedCall {
  readonly call: TrailCall;
  readonly keys: readonly TrailKey[];
  readonly arns: readonly string[];
  readonly accessKeyId: string | undefined;
  readonly store: { readonly name: string; readonly clusterId?: string } | undefined;
  /** Requests with a Recipient (Nitro Enclaves) that succeeded: the enclave its attestation document names. */
  readonly recipient?: { readonly moduleId: string; readonly imageDigest: string };
}

/** Output members the records of reads and cryptographic operations use (their responseElements are null). */
const OUTPUT_KEYS = ['KeyId', 'SourceKeyId', 'KeyMaterialId', 'DestinationKeyMaterialId'];

/** A shallow copy of a request or response without its secret members (they nest nowhere deeper) and blobs. */
function withoutSecretMembers(value: Readonly<Record<string, unknown>>, only?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (only) {
    for (const name of only) if (value[name] !== undefined) out[name] = value[name];
    return out;
  }
  for (const name in value) {
    const member = value[name];
    if (!SECRET_MEMBERS.has(name) && !(member instanceof Uint8Array) && name !== '$metadata') out[name] = member;
  }
  return out;
}

/**
 * Takes what a call's record needs, when the call is answered: cheap, so that every call can be
 * logged; {@link recordOf} makes the record when it is read.
 */
export function captureCall(call: TrailCall, lookup: TrailLookup = NO_LOOKUP): CapturedCall {
  const row = TRAIL_ROWS[call.operation];
  const input = (typeof call.input === 'object' && call.input !== null ? call.input : {}) as Record<string, unknown>;
  const output = call.error === undefined ? call.output : undefined;
  const { caller, region } = call;

  // The keys acted on: what the response names first (it holds ARNs), then what the request names.
  const found: Found = { keys: [], arns: [] };
  const metadataArn = (output?.KeyMetadata as { Arn?: unknown } | undefined)?.Arn;
  if (metadataArn !== undefined) named(found, lookup, metadataArn, region, caller.accountId);
  if (row.keys.length === 1 && output?.KeyId !== undefined) named(found, lookup, output.KeyId, region, caller.accountId);
  if (call.operation === 'ReEncrypt' && output) {
    named(found, lookup, output.SourceKeyId, region, caller.accountId);
    named(found, lookup, output.KeyId, region, caller.accountId);
  }
  for (let i = 0; i < row.keys.length; i++) named(found, lookup, input[row.keys[i] as string], region, caller.accountId);
  if ((call.operation === 'Decrypt' || call.operation === 'ReEncrypt') && found.arns.length === 0 && input.CiphertextBlob instanceof Uint8Array) {
    const key = lookup.ciphertextKey?.(input.CiphertextBlob, region);
    if (key) add(found, key.arn, key);
  }
  const storeId = row.storeDetails && typeof input.CustomKeyStoreId === 'string' ? input.CustomKeyStoreId : undefined;
  const captured: TrailCall = {
    operation: call.operation,
    input: withoutSecretMembers(input),
    region,
    caller,
    time: call.time,
    requestId: call.requestId,
  };
  const writable = captured as { -readonly [K in keyof TrailCall]: TrailCall[K] };
  if (output) writable.output = withoutSecretMembers(output, row.response === 'output' ? undefined : OUTPUT_KEYS);
  if (call.error) writable.error = { name: call.error.name, message: call.error.message };
  if (call.request) writable.request = call.request;
  if (call.source) writable.source = call.source;
  const recipient = call.error === undefined ? enclaveOf(input.Recipient, call.time) : undefined;
  return {
    call: captured,
    keys: found.keys,
    arns: found.arns,
    accessKeyId: call.source?.accessKeyId ?? lookup.accessKeyId(caller),
    store: storeId === undefined ? undefined : lookup.store(storeId),
    ...(recipient ? { recipient } : {}),
  };
}

/** The enclave a Recipient's attestation document names (the operation verified it already). */
function enclaveOf(recipient: unknown, time: Date): CapturedCall['recipient'] {
  const document = (recipient as { AttestationDocument?: unknown } | undefined)?.AttestationDocument;
  if (!(document instanceof Uint8Array)) return undefined;
  try {
    const verified = verifyAttestationDocument(document, time);
    return { moduleId: verified.moduleId, imageDigest: verified.imageSha384 };
  } catch {
    return undefined;
  }
}

/** The keys (and ARNs of keys the vault does not know) a call names, without repeats. */
interface Found {
  readonly keys: TrailKey[];
  readonly arns: string[];
}

function add(found: Found, arn: string | undefined, key: TrailKey | undefined): void {
  if (arn === undefined || found.arns.includes(arn)) return;
  found.arns.push(arn);
  if (key) found.keys.push(key);
}

function named(found: Found, lookup: TrailLookup, name: unknown, region: string, accountId: string): void {
  if (typeof name !== 'string' || name.length === 0) return;
  const key = lookup.key(name, region, accountId);
  add(found, key ? key.arn : guessedArn(name, region, accountId), key);
}

/**
 * The CloudTrail record KMS writes for one call: the caller as identified, the request without
 * secrets, the response for calls that change state, the error for failed calls, the keys acted on.
 */
export function callRecord(call: TrailCall, lookup: TrailLookup = NO_LOOKUP, eventID: string = randomUUID()): CloudTrailEvent {
  return recordOf(captureCall(call, lookup), eventID);
}

/**
 * The account that owns the key a captured call acted on, when it is not the caller's: KMS logs such a
 * call in both accounts (Developer Guide, "Logging AWS KMS API calls with AWS CloudTrail"), unless it
 * was denied (then only in the caller's).
 */
export function otherOwner(captured: CapturedCall): string | undefined {
  if (captured.call.error) return undefined;
  const owner = captured.keys[0]?.accountId;
  return owner !== undefined && owner !== captured.call.caller.accountId ? owner : undefined;
}

/** Which account's copy of a record: the caller's (always), or the key owner's (cross-account calls that succeeded). */
export interface RecordView {
  readonly owner: boolean;
  /** The id both copies of a cross-account call share (`sharedEventID`). */
  readonly sharedEventID: string;
}

/** The record of a captured call, as the caller's account logs it (or the key owner's, with `view`). */
export function recordOf(captured: CapturedCall, eventID: string = randomUUID(), view?: RecordView): CloudTrailEvent {
  const { call, keys, arns } = captured;
  const row = TRAIL_ROWS[call.operation];
  const input = call.input as Record<string, unknown>;
  const output = call.output;
  const { caller, region } = call;
  const viaService = call.request?.viaService;
  const resources = arns.map(resource);
  if (row.alias && typeof input.AliasName === 'string' && input.AliasName.startsWith('alias/')) {
    resources.push(resource(aliasArn(region, caller.accountId, input.AliasName)));
  }

  // requestParameters: the request as sent, with what KMS adds (Decrypt example: "always includes the encryptionAlgorithm").
  let requestParameters = row.noRequestParameters ? null : loggedObject(input);
  if (call.operation === 'Decrypt' || call.operation === 'Encrypt') {
    const keyId = call.operation === 'Decrypt' ? (typeof output?.KeyId === 'string' ? output.KeyId : (keys[0]?.arn ?? input.KeyId)) : input.KeyId;
    requestParameters = {
      ...requestParameters,
      ...(typeof keyId === 'string' ? { keyId } : {}),
      encryptionAlgorithm: typeof input.EncryptionAlgorithm === 'string' ? input.EncryptionAlgorithm : 'SYMMETRIC_DEFAULT',
    };
  }
  if (call.operation === 'ReEncrypt') {
    requestParameters = {
      ...requestParameters,
      sourceEncryptionAlgorithm: typeof input.SourceEncryptionAlgorithm === 'string' ? input.SourceEncryptionAlgorithm : 'SYMMETRIC_DEFAULT',
      destinationEncryptionAlgorithm: typeof input.DestinationEncryptionAlgorithm === 'string' ? input.DestinationEncryptionAlgorithm : 'SYMMETRIC_DEFAULT',
    };
  }
  if (call.operation === 'CreateKey') requestParameters = createKeyParameters(input, output);
  // The request's CloudHsmClusterId is logged as clusterId (CreateCustomKeyStore and UpdateCustomKeyStore
  // examples); KeyMetadata's keeps its name in responses (CreateKey example: cloudHsmClusterId).
  if (requestParameters && 'cloudHsmClusterId' in requestParameters) {
    const { cloudHsmClusterId, ...others } = requestParameters;
    requestParameters = { ...others, clusterId: cloudHsmClusterId ?? null };
  }

  const responseElements = row.response === 'output' && output ? loggedObject(output) : null;

  // additionalEventData: custom key stores, the retired grant, the key material used.
  const additional: Record<string, JsonValue> = {};
  const key = keys[0];
  if (key?.customKeyStoreId !== undefined && row.readOnly) {
    additional.customKeyStoreId = key.customKeyStoreId;
    if (key.xksKeyId !== undefined) additional.xksKeyId = key.xksKeyId;
  }
  if (row.storeDetails) {
    const store = captured.store;
    if (store) {
      additional.customKeyStoreName = store.name;
      if (store.clusterId !== undefined) additional.clusterId = store.clusterId;
    }
  }
  if (call.operation === 'RetireGrant' && typeof input.GrantId === 'string') additional.grantId = input.GrantId;
  // Decrypt, GenerateDataKey, GenerateRandom with a Recipient (the Developer Guide's Nitro Enclaves examples).
  if (captured.recipient)
    additional.recipient = { attestationDocumentModuleId: captured.recipient.moduleId, attestationDocumentEnclaveImageDigest: captured.recipient.imageDigest };
  if (row.keyMaterial && output) {
    const materialId = output.KeyMaterialId ?? output.DestinationKeyMaterialId ?? (call.operation === 'Decrypt' ? undefined : key?.currentMaterialId);
    if (typeof materialId === 'string' && key?.customKeyStoreId === undefined) additional.keyMaterialId = materialId;
  }

  const accessKeyId = captured.accessKeyId;
  // The caller's account always has the record; the key owner's copy names the caller's account only.
  const recipientAccountId = view?.owner === true ? (keys[0]?.accountId ?? caller.accountId) : caller.accountId;
  const identity =
    view?.owner === true
      ? {
          type: 'AWSAccount' as const,
          principalId: caller.userId,
          accountId: caller.accountId,
          ...(viaService !== undefined ? { invokedBy: serviceName(viaService) } : {}),
        }
      : callerIdentity(caller, accessKeyId, call.time, viaService);
  const via = viaService !== undefined ? serviceName(viaService) : undefined;
  const errorCode = call.error ? (call.error.name === 'AccessDeniedException' ? 'AccessDenied' : call.error.name) : undefined;
  return {
    eventVersion: EVENT_VERSION,
    userIdentity: identity,
    eventTime: eventTime(call.time),
    eventSource: EVENT_SOURCE,
    eventName: call.operation,
    awsRegion: region,
    sourceIPAddress: via ?? call.source?.sourceIp ?? call.request?.sourceIp ?? IN_PROCESS_ADDRESS,
    userAgent: via ?? call.source?.userAgent ?? IN_PROCESS_USER_AGENT,
    ...(call.error ? { errorCode: errorCode as string, errorMessage: call.error.message } : {}),
    requestParameters,
    responseElements,
    ...(Object.keys(additional).length > 0 ? { additionalEventData: additional } : {}),
    requestID: call.requestId,
    eventID,
    readOnly: row.readOnly,
    ...(row.noResources ? {} : { resources }),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: recipientAccountId,
    ...(view ? { sharedEventID: view.sharedEventID } : {}),
    eventCategory: 'Management',
  };
}

/**
 * CreateKey's requestParameters: KMS logs the settings the key was made with, defaults included
 * (CreateKey example: description "", origin, bypassPolicyLockoutSafetyCheck false, keySpec,
 * customerMasterKeySpec, keyUsage).
 */
function createKeyParameters(input: Record<string, unknown>, output: Readonly<Record<string, unknown>> | undefined): JsonObject | null {
  const given = loggedObject(input) ?? {};
  const metadata = output?.KeyMetadata as Record<string, unknown> | undefined;
  const spec = input.KeySpec ?? input.CustomerMasterKeySpec ?? metadata?.KeySpec ?? 'SYMMETRIC_DEFAULT';
  return {
    description: typeof input.Description === 'string' ? input.Description : '',
    origin: typeof input.Origin === 'string' ? input.Origin : 'AWS_KMS',
    bypassPolicyLockoutSafetyCheck: input.BypassPolicyLockoutSafetyCheck === true,
    customerMasterKeySpec: String(spec),
    keySpec: String(spec),
    keyUsage: typeof input.KeyUsage === 'string' ? input.KeyUsage : typeof metadata?.KeyUsage === 'string' ? metadata.KeyUsage : 'ENCRYPT_DECRYPT',
    ...given,
  };
}
