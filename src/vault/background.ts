import type { RandomSource } from './random';
import { expireImportedMaterial } from './imported-material';
import { newKeyMaterial } from './key-material';
import type { KeyMaterial, KeyRecord } from './key-record';
import { runAutomaticRotations } from './rotation';
import type { VaultState } from './vault-state';

/** Something KMS did on its own, at the vault time it happened (CloudTrail logs it as an AwsServiceEvent). */
export interface ServiceEvent {
  readonly name: 'RotateKey' | 'DeleteKey' | 'DeleteExpiredKeyMaterial';
  readonly time: Date;
  readonly key: {
    readonly arn: string;
    readonly keyId: string;
    readonly accountId: string;
    readonly region: string;
    readonly customKeyStoreId?: string;
    readonly clusterId?: string;
  };
}

/** Told of KMS's own events, in the order of the times they happened. */
export type ServiceEventSink = (event: ServiceEvent) => void;

/**
 * What KMS does on its own as time passes, caught up to `now` before each request: keys whose
 * deletion waiting period has ended are deleted, keys due for automatic rotation rotate, and imported
 * key material whose ValidTo has passed is deleted, and custom key stores whose connection attempt has
 * run its time are connected (or failed). With a `sink`, each deletion, rotation and expiry is told
 * to it, at the time it happened.
 */
export function catchUp(state: VaultState, random: RandomSource, now: Date, sink?: ServiceEventSink): void {
  state.settle();
  state.customKeyStores.settle(now, state);
  const seen = sink ? watch(state, now) : undefined;
  state.sweepDeletions(now);
  if (state.keysWithExpiringMaterial().size > 0) expireImportedMaterial(state, now);
  if (state.keysWithRotation().size > 0) {
    runAutomaticRotations(state, now, (at, rotationType) => newKeyMaterial({ random, now: at }, rotationType));
  }
  if (sink && seen) for (const event of seen()) sink(event);
}

/** Notes what may happen in this catch-up; the function it returns tells what did, oldest first. */
function watch(state: VaultState, now: Date): () => ServiceEvent[] {
  const deleting = state.keysAwaitingDeletion();
  const expiring: [KeyRecord, KeyMaterial, Date][] = [];
  for (const key of state.keysWithExpiringMaterial()) {
    for (const m of key.materials) {
      const validTo = m.imported?.imported === true ? m.imported.validTo : undefined;
      if (validTo && validTo.getTime() <= now.getTime()) expiring.push([key, m, validTo]);
    }
  }
  const rotating = [...state.keysWithRotation()].map((key) => [key, key.materials.length] as const);
  return () => {
    const events: ServiceEvent[] = [];
    for (const key of deleting) if (state.keyByArn(key.arn) !== key) events.push({ name: 'DeleteKey', time: key.deletionDate ?? now, key: about(key) });
    for (const [key, m, validTo] of expiring) {
      if (m.imported?.imported !== true || !key.materials.includes(m)) events.push({ name: 'DeleteExpiredKeyMaterial', time: validTo, key: about(key) });
    }
    for (const [key, before] of rotating) {
      for (const m of key.materials.slice(before)) if (m.rotationType === 'AUTOMATIC') events.push({ name: 'RotateKey', time: m.createdAt, key: about(key) });
    }
    return events.sort((a, b) => a.time.getTime() - b.time.getTime());
  };
}

function about(key: KeyRecord): ServiceEvent['key'] {
  const store = key.customKeyStore;
  return {
    arn: key.arn,
    keyId: key.keyId,
    accountId: key.accountId,
    region: key.region,
    ...(store ? { customKeyStoreId: store.customKeyStoreId } : {}),
    ...(store?.cloudHsmClusterId !== undefined ? { clusterId: store.cloudHsmClusterId } : {}),
  };
}
