import type { KMSClient } from '@aws-sdk/client-kms';
import { answerCall } from '../adapters/answer';
import { clientRegion } from '../adapters/client-region';
import { recordReceived } from '../engine/answer';
import { KmsVaultMockError } from '../errors/library-error';
import type { KmsVault } from '../kms-vault';
import type { SentCommand } from './aws-command';
import { commandName, commandOperation } from './command-operation';

/** Where a vault-backed mock sends the commands no behaviour answers. */
export interface VaultBacking {
  readonly vault: KmsVault;
  /** The account the mocked clients act as. Default: the vault's account. */
  readonly accountId?: string;
  /** The ARN of the principal the mocked clients act as (see `vault.addPrincipal`). */
  readonly principal?: string;
}

/**
 * The answer of the vault to a command sent to a mocked client: the operation runs in the region
 * the client is configured for (the vault's region when it has none), with real cryptography, and
 * resolves to the output or rejects with the KMS error, as through the vault middleware (injected
 * latency and the SDK's retries included).
 */
export async function vaultAnswer(backing: VaultBacking, client: unknown, command: unknown): Promise<unknown> {
  const operation = commandOperation(command);
  if (operation === undefined) {
    throw new KmsVaultMockError(
      `A vault-backed mock answers KMS commands only; ${commandName(command)} is not one. Give it a behaviour with on(...).resolves(...), or mock this client without { vault }.`,
    );
  }
  // Recorded as received when sent, before any await: the matchers' lists keep the order commands were sent in.
  if (typeof command === 'object' && command !== null) recordReceived(backing.vault, command);
  const config = hasRegionConfig(client) ? client.config : undefined;
  const region = await clientRegion(config, backing.vault.region);
  const input = (command as SentCommand).input ?? {};
  const origin = { region, caller: backing.vault.callerFor({ accountId: backing.accountId, principal: backing.principal }) };
  return answerCall(backing.vault, operation, input as object, origin, config);
}

/** A client whose configuration has a region provider, as every SDK client has. */
function hasRegionConfig(client: unknown): client is KMSClient {
  if (typeof client !== 'object' || client === null) return false;
  const config: unknown = (client as { config?: unknown }).config;
  return typeof config === 'object' && config !== null && typeof (config as { region?: unknown }).region === 'function';
}
