/**
 * The commands each vault received, in order, as command objects, and which client sent each: what
 * the `toHaveReceivedCommand...` matchers read when they are given a plain `KMSClient` with the vault
 * middleware, or the vault itself, rather than a client mock. The lists belong to the vault, so that
 * `vault.clearHistory()` forgets them all at once (a long test file does not keep every command of
 * every client alive); clients are held weakly.
 */
interface Received {
  readonly all: object[];
  readonly byClient: WeakMap<object, object[]>;
}

const receivedBy = new WeakMap<object, Received>();
const vaultOf = new WeakMap<object, object>();

/**
 * Notes that `vault` received `command`, sent by `client` when there is one. Each list keeps the
 * latest `limit` commands (the vault's `historyLimit`), so a long suite does not keep them all alive.
 */
export function recordReceivedCommand(vault: object, client: object | undefined, command: object, limit = Number.POSITIVE_INFINITY): void {
  let received = receivedBy.get(vault);
  if (!received) {
    received = { all: [], byClient: new WeakMap() };
    receivedBy.set(vault, received);
  }
  keep(received.all, command, limit);
  if (!client) return;
  vaultOf.set(client, vault);
  let list = received.byClient.get(client);
  if (!list) {
    list = [];
    received.byClient.set(client, list);
  }
  keep(list, command, limit);
}

function keep(list: object[], command: object, limit: number): void {
  list.push(command);
  while (list.length > limit) list.shift();
}

/**
 * The commands a vault, or a client of a vault, received, oldest first. Clients are known by their
 * configuration object (what the middleware sees of them), so a client or its `config` both work.
 */
export function receivedCommandsOf(target: object): readonly object[] {
  const own = receivedBy.get(target);
  if (own) return own.all;
  const config: unknown = (target as { config?: unknown }).config;
  const key = vaultOf.has(target) || typeof config !== 'object' || config === null ? target : config;
  const vault = vaultOf.get(key);
  return (vault && receivedBy.get(vault)?.byClient.get(key)) ?? [];
}

/** Forgets the commands `vault` and its clients received. */
export function forgetReceivedCommands(vault: object): void {
  receivedBy.delete(vault);
}
