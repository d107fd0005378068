import { randomUUID } from 'node:crypto';
import type { CallEvent } from '../engine/observers';
import type { ServiceEvent } from '../vault/background';
import type { VaultState } from '../vault/vault-state';
import { CloudTrailLog } from './cloudtrail-log';
import { serviceRecord } from './service-events';
import { captureCall, otherOwner, recordOf } from './to-record';
import { vaultLookup } from './vault-lookup';

/**
 * A vault's CloudTrail log and the two things that feed it: the observer of answered calls (named
 * `cloudtrail` among the vault's observers) and the sink of KMS's own events (rotations, deletions,
 * expiries, from the engine's background catch-up). Records are made only while someone can read
 * them: the log keeps some (`limit` > 0) or a listener (the server's log files) takes them.
 */
export function vaultCloudTrail(
  vault: { readonly state: VaultState },
  limit: number,
): {
  readonly log: CloudTrailLog;
  readonly observe: (event: CallEvent) => void;
  readonly serviceEvent: (event: ServiceEvent) => void;
} {
  const log = new CloudTrailLog(limit);
  const lookup = vaultLookup(() => vault.state);
  return {
    log,
    observe: (event) => {
      if (!log.active) return;
      // Logging never fails a call: a record that cannot be captured is left out.
      let captured;
      try {
        // What the record needs is taken now (keys as they are now, no secret); the record is made when read.
        captured = captureCall(event, lookup);
      } catch {
        return;
      }
      const taken = captured;
      if (otherOwner(taken) === undefined) {
        log.appendDeferred(() => recordOf(taken));
        return;
      }
      // A cross-account call: one copy in the caller's account, one in the key owner's, sharing an id.
      const sharedEventID = randomUUID();
      log.appendDeferred(() => recordOf(taken, undefined, { owner: false, sharedEventID }));
      log.appendDeferred(() => recordOf(taken, undefined, { owner: true, sharedEventID }));
    },
    serviceEvent: (event) => {
      if (log.active) log.append(serviceRecord(event));
    },
  };
}
