import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { OperationContext } from '../context/operation-context';
import { aliasArn, keyArn, parseKmsArn } from '../vault/arn';
import type { KeyRecord } from '../vault/key-record';

/** Which ways of naming a key an operation accepts. */
export interface ResolveOptions {
  /** Alias names and alias ARNs (Encrypt, Decrypt, DescribeKey, ...); key management takes key ids and ARNs only. */
  readonly aliases: boolean;
}

const KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;

/** Looks up the key a request names by key id, key ARN, alias name or alias ARN; NotFoundException otherwise. */
export function resolveKey(context: OperationContext, keyId: string, options: ResolveOptions): KeyRecord {
  const { state, region, caller } = context;
  if (keyId.startsWith('alias/')) {
    if (!options.aliases) throw kmsError('NotFoundException', messages.invalidKeyId(keyId));
    return followAlias(context, caller.accountId, region, keyId);
  }
  if (keyId.startsWith('arn:')) {
    const arn = parseKmsArn(keyId);
    if (!arn) throw kmsError('NotFoundException', messages.invalidKeyId(keyId));
    if (arn.resourceType === 'alias') {
      if (!options.aliases) throw kmsError('NotFoundException', messages.invalidKeyId(keyId));
      if (arn.region !== region) throw kmsError('NotFoundException', messages.foreignRegionArn(arn.region));
      return followAlias(context, arn.accountId, arn.region, arn.resource);
    }
    // A request goes to one regional endpoint: an ARN of another region names nothing there.
    if (arn.region !== region) throw kmsError('NotFoundException', messages.foreignRegionArn(arn.region));
    const key = state.peek(arn.accountId, arn.region)?.keys.get(arn.resource);
    if (!key || keyId !== key.arn) throw kmsError('NotFoundException', messages.keyNotFound(keyId));
    return key;
  }
  const key = state.peek(caller.accountId, region)?.keys.get(keyId);
  if (key) return key;
  if (!KEY_ID.test(keyId)) throw kmsError('NotFoundException', messages.invalidKeyId(keyId));
  throw kmsError('NotFoundException', messages.keyNotFound(keyArn(region, caller.accountId, keyId)));
}

function followAlias(context: OperationContext, accountId: string, region: string, aliasName: string): KeyRecord {
  const store = context.state.peek(accountId, region);
  const alias = store?.aliases.get(aliasName);
  const key = alias ? store?.keys.get(alias.targetKeyId) : undefined;
  if (!key) throw kmsError('NotFoundException', messages.aliasNotFound(aliasArn(region, accountId, aliasName)));
  return key;
}
