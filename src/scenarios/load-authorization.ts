import { grantOperationsFor, supportsGrantConstraints } from '../auth/grant-operations';
import { validateKeyPolicy } from '../auth/key-policy-rules';
import { KmsVaultMockError } from '../errors/library-error';
import type { ScenarioHost } from './scenario-host';
import type { GrantRecord } from '../vault/grants';
import type { KeyRecord } from '../vault/key-record';
import type { ScenarioGrant } from './scenario';

/** Sets a scenario key's policy, checked as PutKeyPolicy checks it (the lockout safety check aside). */
export function applyKeyPolicy(record: KeyRecord, policy: string | undefined): void {
  if (policy === undefined) return;
  validateKeyPolicy(policy);
  record.policy = policy;
}

/**
 * Adds a scenario's grant to the vault as it is written (fixed id, date and tokens), after checking
 * what CreateGrant checks: a known key, operations its key type supports, constraints only on
 * symmetric encryption keys.
 */
export function loadGrant(vault: ScenarioHost, spec: ScenarioGrant, keys: Readonly<Record<string, { readonly arn: string }>>): void {
  const arn = keys[spec.key]?.arn ?? spec.key;
  const key = vault.state.keyByArn(arn);
  if (!key) throw new KmsVaultMockError(`grant on '${spec.key}': no key of the scenario has that ref, and no key has that ARN.`);
  const supported = grantOperationsFor(key);
  const unsupported = spec.operations.filter((op) => !supported.has(op));
  if (unsupported.length > 0) throw new KmsVaultMockError(`grant on '${spec.key}': key ${key.arn} supports no grant for ${unsupported.join(', ')}.`);
  const c = spec.constraints;
  if (c && !supportsGrantConstraints(key))
    throw new KmsVaultMockError(`grant on '${spec.key}': encryption context constraints need a symmetric encryption key.`);
  if (spec.grantId !== undefined && (!/^[0-9a-f]{64}$/.test(spec.grantId) || vault.state.grants.get(spec.grantId))) {
    throw new KmsVaultMockError(`grant id '${spec.grantId}' must be 64 hex digits and unique.`);
  }
  const creationDate = spec.creationDate === undefined ? vault.clock.now() : new Date(spec.creationDate);
  if (Number.isNaN(creationDate.getTime())) throw new KmsVaultMockError(`grant creationDate '${spec.creationDate ?? ''}' is not an ISO 8601 date.`);
  const grant: GrantRecord = {
    grantId: spec.grantId ?? vault.random.bytes(32).toString('hex'),
    keyArn: key.arn,
    ...(spec.name !== undefined ? { name: spec.name } : {}),
    creationDate,
    granteePrincipal: spec.granteePrincipal,
    ...(spec.retiringPrincipal !== undefined ? { retiringPrincipal: spec.retiringPrincipal } : {}),
    issuingAccount: spec.issuingAccount ?? `arn:aws:iam::${key.accountId}:root`,
    operations: [...spec.operations],
    ...(c && (c.encryptionContextEquals || c.encryptionContextSubset)
      ? {
          constraints: {
            ...(c.encryptionContextEquals ? { encryptionContextEquals: { ...c.encryptionContextEquals } } : {}),
            ...(c.encryptionContextSubset ? { encryptionContextSubset: { ...c.encryptionContextSubset } } : {}),
          },
        }
      : {}),
    tokens: [...(spec.tokens ?? [])],
  };
  vault.state.grants.add(grant);
}

/** The grants of a vault as the state document records them. */
export function snapshotGrants(all: Iterable<GrantRecord>): ScenarioGrant[] {
  const out: ScenarioGrant[] = [];
  for (const g of all) {
    out.push({
      key: g.keyArn,
      grantId: g.grantId,
      ...(g.name !== undefined ? { name: g.name } : {}),
      creationDate: g.creationDate.toISOString(),
      granteePrincipal: g.granteePrincipal,
      ...(g.retiringPrincipal !== undefined ? { retiringPrincipal: g.retiringPrincipal } : {}),
      issuingAccount: g.issuingAccount,
      operations: [...g.operations],
      ...(g.constraints ? { constraints: { ...g.constraints } } : {}),
      tokens: [...g.tokens],
    });
  }
  return out;
}
