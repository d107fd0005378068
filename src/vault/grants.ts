import type { GrantListEntry, GrantOperation } from '@aws-sdk/client-kms';

/** A grant's encryption context constraint (CreateGrant `Constraints`). */
export interface GrantConstraints {
  readonly encryptionContextEquals?: Readonly<Record<string, string>>;
  readonly encryptionContextSubset?: Readonly<Record<string, string>>;
}

/** A grant as the vault stores it. */
export interface GrantRecord {
  /** 64 hex digits. */
  readonly grantId: string;
  /** The ARN of the key the grant is on. */
  readonly keyArn: string;
  readonly name?: string;
  readonly creationDate: Date;
  readonly granteePrincipal: string;
  readonly retiringPrincipal?: string;
  /** `arn:aws:iam::ACCOUNT:root` of the account that created the grant. */
  readonly issuingAccount: string;
  readonly operations: readonly GrantOperation[];
  readonly constraints?: GrantConstraints;
  /** Every grant token issued for the grant (CreateGrant gives a new one each time, also for the same grant). */
  readonly tokens: string[];
}

/**
 * The grants of every key: by id, by key, and by the tokens issued for them. A token stays known after
 * its grant is retired or revoked, so using it later is not an invalid token, only no permission.
 */
export class GrantStore {
  private readonly byId = new Map<string, GrantRecord>();
  private readonly byKey = new Map<string, GrantRecord[]>();
  private readonly tokens = new Map<string, string>();
  /**
   * How long (vault time) a new grant takes to be usable without one of its tokens: KMS grants are
   * eventually consistent. 0 by default; `new KmsVault({ grantPropagationSeconds })` sets it.
   */
  propagationMs = 0;

  get size(): number {
    return this.byId.size;
  }

  add(grant: GrantRecord): void {
    this.byId.set(grant.grantId, grant);
    const list = this.byKey.get(grant.keyArn);
    if (list) list.push(grant);
    else this.byKey.set(grant.keyArn, [grant]);
    for (const t of grant.tokens) this.tokens.set(t, grant.grantId);
  }

  /** Records a further token for an existing grant. */
  addToken(grant: GrantRecord, token: string): void {
    grant.tokens.push(token);
    this.tokens.set(token, grant.grantId);
  }

  get(grantId: string): GrantRecord | undefined {
    return this.byId.get(grantId);
  }

  /** The grants on a key, oldest first. */
  ofKey(keyArn: string): readonly GrantRecord[] {
    return this.byKey.get(keyArn) ?? [];
  }

  /** Tokens whose grant was retired or revoked since: still known, so using one is no permission rather than an invalid token. */
  retiredTokens(): string[] {
    return [...this.tokens].filter(([, grantId]) => !this.byId.has(grantId)).map(([token]) => token);
  }

  /** Knows these tokens again as tokens of grants that are gone (a loaded state document's). */
  restoreRetiredTokens(tokens: Iterable<string>): void {
    for (const token of tokens) if (!this.tokens.has(token)) this.tokens.set(token, '');
  }

  /** Whether the vault issued this token (its grant may be gone since). */
  knowsToken(token: string): boolean {
    return this.tokens.has(token);
  }

  /** The live grant a token was issued for. */
  byToken(token: string): GrantRecord | undefined {
    const id = this.tokens.get(token);
    return id === undefined ? undefined : this.byId.get(id);
  }

  remove(grant: GrantRecord): void {
    this.byId.delete(grant.grantId);
    const list = this.byKey.get(grant.keyArn)?.filter((g) => g !== grant);
    if (list && list.length > 0) this.byKey.set(grant.keyArn, list);
    else this.byKey.delete(grant.keyArn);
  }

  /** Forgets the grants of a deleted key. */
  removeKey(keyArn: string): void {
    for (const g of this.byKey.get(keyArn) ?? []) this.byId.delete(g.grantId);
    this.byKey.delete(keyArn);
  }

  /** Every grant, in creation order per key. */
  *all(): IterableIterator<GrantRecord> {
    for (const list of this.byKey.values()) yield* list;
  }
}

/** A grant as ListGrants and ListRetirableGrants show it (Name and RetiringPrincipal only when set). */
export function grantListEntry(grant: GrantRecord): GrantListEntry {
  const c = grant.constraints;
  return {
    KeyId: grant.keyArn,
    GrantId: grant.grantId,
    ...(grant.name !== undefined ? { Name: grant.name } : {}),
    CreationDate: grant.creationDate,
    GranteePrincipal: grant.granteePrincipal,
    ...(grant.retiringPrincipal !== undefined ? { RetiringPrincipal: grant.retiringPrincipal } : {}),
    IssuingAccount: grant.issuingAccount,
    Operations: [...grant.operations],
    ...(c
      ? {
          Constraints: {
            ...(c.encryptionContextEquals ? { EncryptionContextEquals: { ...c.encryptionContextEquals } } : {}),
            ...(c.encryptionContextSubset ? { EncryptionContextSubset: { ...c.encryptionContextSubset } } : {}),
          },
        }
      : {}),
  };
}
