import type { OperationContext } from '../context/operation-context';
import type { KeyRecord } from '../vault/key-record';
import type { ContextValue } from './request-context';

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

/** What a resolver reads: the running operation's context, the request subject and its input as a record. */
export interface ConditionFacts {
  readonly context: OperationContext;
  readonly subject: RequestSubject;
  readonly input: Readonly<Record<string, unknown>>;
}

/**
 * How one condition key's value is found. `suffix` is the lower-case part of the requested name that
 * stands for the template variable of a templated key (`kms:EncryptionContext:${context-key}`: the
 * context key); empty for the others.
 */
export type ConditionKeyResolver = (facts: ConditionFacts, suffix: string) => ContextValue | undefined;

type Input = Readonly<Record<string, unknown>>;

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

/** The encryption context the request's side carries (ReEncrypt: the source or the destination one). */
function encryptionContextOf({ input, subject }: ConditionFacts): Readonly<Record<string, string>> | undefined {
  return record(subject.side === 'from' ? input.SourceEncryptionContext : subject.side === 'to' ? input.DestinationEncryptionContext : input.EncryptionContext);
}

/** A condition key whose value is one request parameter as sent. */
function parameter(member: string): ConditionKeyResolver {
  return ({ input }) => str(input[member]);
}

/** A key property, or on CreateKey (no key yet) the request's parameter or its default. */
function keyProperty(property: (key: KeyRecord) => string, members: readonly string[], fallback: string): ConditionKeyResolver {
  return ({ context, subject, input }) => {
    if (subject.key) return property(subject.key);
    if (context.operation !== 'CreateKey') return undefined;
    for (const m of members) {
      const v = str(input[m]);
      if (v !== undefined) return v;
    }
    return fallback;
  };
}

/**
 * The condition keys every request has, whatever its operation (IAM User Guide, "AWS global condition
 * context keys"): who calls, when, from where.
 */
export const GLOBAL_CONDITION_KEYS = {
  'aws:PrincipalArn': ({ context }) => context.caller.principalArn,
  'aws:PrincipalAccount': ({ context }) => context.caller.accountId,
  'aws:PrincipalType': ({ context }) => context.caller.type,
  'aws:userid': ({ context }) => context.caller.userId,
  'aws:username': ({ context }) => context.caller.username,
  'aws:CurrentTime': ({ context }) => context.now.toISOString(),
  'aws:EpochTime': ({ context }) => String(Math.floor(context.now.getTime() / 1000)),
  'aws:RequestedRegion': ({ context }) => context.region,
  'aws:SourceIp': ({ context }) => context.request.sourceIp,
  'aws:SecureTransport': ({ context }) => (context.request.secureTransport === undefined ? undefined : String(context.request.secureTransport)),
  'aws:ViaAWSService': ({ context }) => String(context.request.viaService !== undefined),
} as const satisfies Readonly<Record<string, ConditionKeyResolver>>;

/**
 * The condition keys that only some operations have (Developer Guide, "AWS KMS condition keys"; the
 * tag keys of the IAM User Guide): a request has one when its operation's row of the permissions table
 * (`PERMISSIONS[operation].conditionKeys`) lists it. A new condition key is a resolver here and its
 * name in the rows of the operations it applies to.
 */
export const OPERATION_CONDITION_KEYS = {
  'kms:CallerAccount': ({ context }) => context.caller.accountId,
  'kms:ViaService': ({ context }) => context.request.viaService,
  'aws:ResourceTag/${TagKey}': ({ subject }, tag) => (subject.key ? lookup(subject.key.tags, tag) : undefined),
  'aws:RequestTag/${TagKey}': ({ input }, tag) => tagList(input)?.find((t) => t.TagKey?.toLowerCase() === tag)?.TagValue,
  'aws:TagKeys': ({ input }) => {
    if (Array.isArray(input.TagKeys)) return input.TagKeys as string[];
    const tags = tagList(input);
    return tags ? tags.map((t) => t.TagKey ?? '') : undefined;
  },
  'kms:EncryptionContext:${context-key}': (facts, contextKey) => lookup(encryptionContextOf(facts), contextKey),
  'kms:EncryptionContextKeys': (facts) => {
    const encryptionContext = encryptionContextOf(facts);
    return encryptionContext ? Object.keys(encryptionContext) : undefined;
  },
  // SYMMETRIC_DEFAULT when the request names none (the parameter's default).
  'kms:EncryptionAlgorithm': ({ input, subject }) =>
    str(subject.side === 'from' ? input.SourceEncryptionAlgorithm : subject.side === 'to' ? input.DestinationEncryptionAlgorithm : input.EncryptionAlgorithm) ??
    'SYMMETRIC_DEFAULT',
  'kms:ReEncryptOnSameKey': ({ subject }) => (subject.sameKey === undefined ? undefined : String(subject.sameKey)),
  'kms:SigningAlgorithm': parameter('SigningAlgorithm'),
  'kms:MessageType': parameter('MessageType'),
  'kms:MacAlgorithm': parameter('MacAlgorithm'),
  'kms:KeyAgreementAlgorithm': parameter('KeyAgreementAlgorithm'),
  'kms:DataKeyPairSpec': parameter('KeyPairSpec'),
  'kms:WrappingAlgorithm': parameter('WrappingAlgorithm'),
  'kms:WrappingKeySpec': parameter('WrappingKeySpec'),
  'kms:ExpirationModel': parameter('ExpirationModel'),
  'kms:RotationPeriodInDays': parameter('RotationPeriodInDays'),
  'kms:ReplicaRegion': parameter('ReplicaRegion'),
  'kms:PrimaryRegion': parameter('PrimaryRegion'),
  'kms:ValidTo': ({ input }) => {
    const v = input.ValidTo;
    return v instanceof Date ? String(Math.floor(v.getTime() / 1000)) : str(v);
  },
  // The default window (30 days) when the request names none.
  'kms:ScheduleKeyDeletionPendingWindowInDays': ({ input }) => str(input.PendingWindowInDays ?? 30),
  'kms:BypassPolicyLockoutSafetyCheck': ({ input }) => String(input.BypassPolicyLockoutSafetyCheck === true),
  'kms:GrantOperations': ({ input }) => (Array.isArray(input.Operations) ? (input.Operations as string[]) : undefined),
  'kms:GranteePrincipal': ({ input }) => str(input.GranteePrincipal),
  'kms:RetiringPrincipal': ({ input }) => str(input.RetiringPrincipal),
  'kms:GrantConstraintType': ({ input }) => {
    const constraints = record(input.Constraints) as { EncryptionContextEquals?: unknown; EncryptionContextSubset?: unknown } | undefined;
    if (!constraints) return undefined;
    const types: string[] = [];
    if (constraints.EncryptionContextEquals) types.push('EncryptionContextEquals');
    if (constraints.EncryptionContextSubset) types.push('EncryptionContextSubset');
    return types.length > 0 ? types : undefined;
  },
  // True when the request comes through an AWS service.
  'kms:GrantIsForAWSResource': ({ context }) => String(context.request.viaService !== undefined),
  'kms:RequestAlias': ({ input }) => requestAlias(input),
  'kms:ResourceAliases': ({ context, subject }) => (subject.key ? aliasesOf(context, subject.key) : undefined),
  'kms:KeySpec': keyProperty((key) => key.keySpec, ['KeySpec', 'CustomerMasterKeySpec'], 'SYMMETRIC_DEFAULT'),
  'kms:CustomerMasterKeySpec': keyProperty((key) => key.keySpec, ['KeySpec', 'CustomerMasterKeySpec'], 'SYMMETRIC_DEFAULT'),
  'kms:KeyUsage': keyProperty((key) => key.keyUsage, ['KeyUsage'], 'ENCRYPT_DECRYPT'),
  'kms:CustomerMasterKeyUsage': keyProperty((key) => key.keyUsage, ['KeyUsage'], 'ENCRYPT_DECRYPT'),
  'kms:KeyOrigin': keyProperty((key) => key.origin, ['Origin'], 'AWS_KMS'),
  'kms:MultiRegion': ({ context, subject, input }) => {
    if (subject.key) return String(subject.key.multiRegionGroup !== undefined);
    return context.operation === 'CreateKey' ? String(input.MultiRegion === true) : undefined;
  },
  'kms:MultiRegionKeyType': ({ context, subject, input }) => {
    const key = subject.key;
    if (key) return key.multiRegionGroup ? (key.multiRegionGroup.primaryRegion === key.region ? 'PRIMARY' : 'REPLICA') : undefined;
    return context.operation === 'CreateKey' && input.MultiRegion === true ? 'PRIMARY' : undefined;
  },
  // Nitro Enclaves: from the verified attestation document of a request with a Recipient.
  'kms:RecipientAttestation:ImageSha384': ({ context }) => context.request.recipientAttestation?.imageSha384,
  'kms:RecipientAttestation:PCR${PCR_ID}': ({ context }, pcr) => {
    const index = Number(pcr);
    return Number.isInteger(index) ? context.request.recipientAttestation?.pcrs[index] : undefined;
  },
} as const satisfies Readonly<Record<string, ConditionKeyResolver>>;

/** A condition key that a row of the permissions table can list. */
export type OperationConditionKey = keyof typeof OPERATION_CONDITION_KEYS;

/** A known condition key found for a requested (lower-case) name: its name as written, whether global, and the template's suffix. */
export interface ConditionKeyMatch {
  readonly name: string;
  readonly global: boolean;
  readonly resolver: ConditionKeyResolver;
  readonly suffix: string;
}

interface Entry {
  readonly name: string;
  readonly global: boolean;
  readonly resolver: ConditionKeyResolver;
}

const EXACT = new Map<string, Entry>();
/** Templated keys by the lower-case text before their variable, longest first. */
const TEMPLATED: (Entry & { readonly prefix: string })[] = [];
for (const [table, global] of [
  [GLOBAL_CONDITION_KEYS, true],
  [OPERATION_CONDITION_KEYS, false],
] as const) {
  for (const [name, resolver] of Object.entries(table) as [string, ConditionKeyResolver][]) {
    const variable = name.indexOf('${');
    if (variable === -1) EXACT.set(name.toLowerCase(), { name, global, resolver });
    else TEMPLATED.push({ name, global, resolver, prefix: name.slice(0, variable).toLowerCase() });
  }
}
TEMPLATED.sort((a, b) => b.prefix.length - a.prefix.length);

/** The known condition key a lower-case name refers to, or undefined for a name the vault does not know. */
export function conditionKeyOf(lowerName: string): ConditionKeyMatch | undefined {
  const exact = EXACT.get(lowerName);
  if (exact) return { ...exact, suffix: '' };
  const templated = TEMPLATED.find((t) => lowerName.startsWith(t.prefix));
  return templated
    ? { name: templated.name, global: templated.global, resolver: templated.resolver, suffix: lowerName.slice(templated.prefix.length) }
    : undefined;
}
