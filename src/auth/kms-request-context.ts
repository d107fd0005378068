import type { OperationContext } from '../context/operation-context';
import type { KeyRecord } from '../vault/key-record';
import type { ContextValue, RequestContext } from './request-context';

/** Which side of a ReEncrypt request is authorized: the encryption context and algorithm differ. */
export type ReEncryptSide = 'from' | 'to';

/** What an authorization knows of the request beyond the caller: the operation input and the key. */
export interface RequestSubject {
  readonly key?: KeyRecord;
  /** The operation input (validated), for the request's condition keys. */
  readonly input?: unknown;
  readonly side?: ReEncryptSide;
  /** ReEncrypt: whether source and destination are the same key (`kms:ReEncryptOnSameKey`). */
  readonly sameKey?: boolean;
}

/** Operations that take an encryption algorithm (SYMMETRIC_DEFAULT when the request names none). */
const ENCRYPTING = new Set(['Encrypt', 'Decrypt', 'ReEncrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext']);

type Input = Record<string, unknown>;

function record(value: unknown): Readonly<Record<string, string>> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : undefined;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function tagList(input: Input): { readonly TagKey?: string; readonly TagValue?: string }[] | undefined {
  return Array.isArray(input.Tags) ? (input.Tags as { TagKey?: string; TagValue?: string }[]) : undefined;
}

/** Case-insensitive lookup of a map key, as condition key names are not case-sensitive. */
function lookup(map: Readonly<Record<string, string>> | ReadonlyMap<string, string> | undefined, lowerKey: string): string | undefined {
  if (!map) return undefined;
  const entries = map instanceof Map ? map.entries() : Object.entries(map);
  for (const [k, v] of entries) if (k.toLowerCase() === lowerKey) return v;
  return undefined;
}

function aliasesOf(context: OperationContext, key: KeyRecord): string[] {
  const out: string[] = [];
  const store = context.state.peek(key.accountId, key.region);
  if (store) for (const a of store.aliases.values()) if (a.targetKeyId === key.keyId) out.push(a.aliasName);
  return out;
}

/** The alias a request names its key by (`kms:RequestAlias`): alias name or alias ARN in KeyId. */
function requestAlias(input: Input): string | undefined {
  const keyId = str(input.KeyId) ?? str(input.DestinationKeyId) ?? str(input.SourceKeyId);
  if (keyId === undefined) return undefined;
  if (keyId.startsWith('alias/')) return keyId;
  const m = /^arn:[^:]+:kms:[^:]*:\d{12}:(alias\/.+)$/.exec(keyId);
  return m?.[1];
}

/** Condition keys whose value is one request parameter as sent, by lower-case key name. */
const REQUEST_PARAMETERS: ReadonlyMap<string, string> = new Map([
  ['kms:signingalgorithm', 'SigningAlgorithm'],
  ['kms:messagetype', 'MessageType'],
  ['kms:macalgorithm', 'MacAlgorithm'],
  ['kms:keyagreementalgorithm', 'KeyAgreementAlgorithm'],
  ['kms:datakeypairspec', 'KeyPairSpec'],
  ['kms:wrappingalgorithm', 'WrappingAlgorithm'],
  ['kms:wrappingkeyspec', 'WrappingKeySpec'],
  ['kms:expirationmodel', 'ExpirationModel'],
  ['kms:rotationperiodindays', 'RotationPeriodInDays'],
  ['kms:replicaregion', 'ReplicaRegion'],
  ['kms:primaryregion', 'PrimaryRegion'],
]);

/**
 * The condition keys of one KMS request (Developer Guide, "AWS KMS condition keys"; IAM User Guide,
 * "AWS global condition context keys"): who calls (aws:PrincipalArn, aws:userid, ...), when
 * (aws:CurrentTime, aws:EpochTime), through what (kms:ViaService, aws:SourceIp), the key's properties
 * (kms:KeySpec, aws:ResourceTag/..., kms:ResourceAliases) and the request's parameters
 * (kms:EncryptionContext:..., kms:EncryptionAlgorithm, kms:GrantOperations, aws:RequestTag/...).
 * Each value is computed when a policy first asks for it.
 */
export function kmsRequestContext(context: OperationContext, subject: RequestSubject): RequestContext {
  const { caller, request, now } = context;
  const input = (record(subject.input) ?? {}) as Input;
  const key = subject.key;
  const side = subject.side;
  const encryptionContext = record(side === 'from' ? input.SourceEncryptionContext : side === 'to' ? input.DestinationEncryptionContext : input.EncryptionContext);
  const constraints = record(input.Constraints) as { EncryptionContextEquals?: unknown; EncryptionContextSubset?: unknown } | undefined;
  const cache = new Map<string, ContextValue | undefined>();

  function compute(name: string): ContextValue | undefined {
    const parameter = REQUEST_PARAMETERS.get(name);
    if (parameter !== undefined) return str(input[parameter]);
    if (name.startsWith('kms:encryptioncontext:')) return lookup(encryptionContext, name.slice('kms:encryptioncontext:'.length));
    if (name.startsWith('aws:resourcetag/')) return key ? lookup(key.tags, name.slice('aws:resourcetag/'.length)) : undefined;
    // Nitro Enclaves: from the verified attestation document of a request with a Recipient.
    if (name === 'kms:recipientattestation:imagesha384') return request.recipientAttestation?.imageSha384;
    if (name.startsWith('kms:recipientattestation:pcr')) {
      const index = Number(name.slice('kms:recipientattestation:pcr'.length));
      return Number.isInteger(index) ? request.recipientAttestation?.pcrs[index] : undefined;
    }
    if (name.startsWith('aws:requesttag/')) {
      const wanted = name.slice('aws:requesttag/'.length);
      return tagList(input)?.find((t) => t.TagKey?.toLowerCase() === wanted)?.TagValue;
    }
    switch (name) {
      case 'aws:principalarn':
        return caller.principalArn;
      case 'aws:principalaccount':
      case 'kms:calleraccount':
        return caller.accountId;
      case 'aws:principaltype':
        return caller.type;
      case 'aws:userid':
        return caller.userId;
      case 'aws:username':
        return caller.username;
      case 'aws:currenttime':
        return now.toISOString();
      case 'aws:epochtime':
        return String(Math.floor(now.getTime() / 1000));
      case 'aws:requestedregion':
        return context.region;
      case 'aws:sourceip':
        return request.sourceIp;
      case 'aws:securetransport':
        return request.secureTransport === undefined ? undefined : String(request.secureTransport);
      case 'aws:viaawsservice':
        return String(request.viaService !== undefined);
      case 'kms:viaservice':
        return request.viaService;
      case 'aws:tagkeys': {
        if (Array.isArray(input.TagKeys)) return input.TagKeys as string[];
        const tags = tagList(input);
        return tags ? tags.map((t) => t.TagKey ?? '') : undefined;
      }
      case 'kms:encryptioncontextkeys':
        return encryptionContext ? Object.keys(encryptionContext) : undefined;
      case 'kms:encryptionalgorithm':
        if (!ENCRYPTING.has(context.operation)) return undefined;
        return str(side === 'from' ? input.SourceEncryptionAlgorithm : side === 'to' ? input.DestinationEncryptionAlgorithm : input.EncryptionAlgorithm) ?? 'SYMMETRIC_DEFAULT';
      case 'kms:reencryptonsamekey':
        return subject.sameKey === undefined ? undefined : String(subject.sameKey);
      case 'kms:validto': {
        const v = input.ValidTo;
        return v instanceof Date ? String(Math.floor(v.getTime() / 1000)) : str(v);
      }
      case 'kms:schedulekeydeletionpendingwindowindays':
        return context.operation === 'ScheduleKeyDeletion' ? str(input.PendingWindowInDays ?? 30) : undefined;
      case 'kms:bypasspolicylockoutsafetycheck':
        return context.operation === 'CreateKey' || context.operation === 'PutKeyPolicy' || context.operation === 'ReplicateKey' ? String(input.BypassPolicyLockoutSafetyCheck === true) : undefined;
      case 'kms:grantoperations':
        return Array.isArray(input.Operations) ? (input.Operations as string[]) : undefined;
      case 'kms:granteeprincipal':
        return context.operation === 'CreateGrant' ? str(input.GranteePrincipal) : undefined;
      case 'kms:retiringprincipal':
        return context.operation === 'CreateGrant' ? str(input.RetiringPrincipal) : undefined;
      case 'kms:grantconstrainttype': {
        if (!constraints) return undefined;
        const types: string[] = [];
        if (constraints.EncryptionContextEquals) types.push('EncryptionContextEquals');
        if (constraints.EncryptionContextSubset) types.push('EncryptionContextSubset');
        return types.length > 0 ? types : undefined;
      }
      case 'kms:grantisforawsresource':
        return context.operation === 'CreateGrant' || context.operation === 'ListGrants' || context.operation === 'RevokeGrant' ? String(request.viaService !== undefined) : undefined;
      case 'kms:requestalias':
        return requestAlias(input);
      case 'kms:resourcealiases':
        return key ? aliasesOf(context, key) : undefined;
      case 'kms:keyspec':
      case 'kms:customermasterkeyspec':
        return key?.keySpec ?? (context.operation === 'CreateKey' ? str(input.KeySpec ?? input.CustomerMasterKeySpec) ?? 'SYMMETRIC_DEFAULT' : undefined);
      case 'kms:keyusage':
      case 'kms:customermasterkeyusage':
        return key?.keyUsage ?? (context.operation === 'CreateKey' ? str(input.KeyUsage) ?? 'ENCRYPT_DECRYPT' : undefined);
      case 'kms:keyorigin':
        return key?.origin ?? (context.operation === 'CreateKey' ? str(input.Origin) ?? 'AWS_KMS' : undefined);
      case 'kms:multiregion':
        return key ? String(key.multiRegionGroup !== undefined) : context.operation === 'CreateKey' ? String(input.MultiRegion === true) : undefined;
      case 'kms:multiregionkeytype': {
        const group = key?.multiRegionGroup;
        if (key) return group ? (group.primaryRegion === key.region ? 'PRIMARY' : 'REPLICA') : undefined;
        return context.operation === 'CreateKey' && input.MultiRegion === true ? 'PRIMARY' : undefined;
      }
      default:
        return undefined;
    }
  }

  return {
    value(name: string): ContextValue | undefined {
      if (cache.has(name)) return cache.get(name);
      const v = compute(name);
      cache.set(name, v);
      return v;
    },
  };
}
