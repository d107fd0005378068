/**
 * The commands each vault-backed client (and each vault) has received, in order, as command objects:
 * what the `toHaveReceivedCommand...` matchers read when they are given a plain `KMSClient` with the
 * vault middleware, or the vault itself, rather than a client mock. Held weakly: a client that is
 * gone takes its list with it.
 */
const received = new WeakMap<object, object[]>();

/** Notes that `target` (a client or a vault) received `command`. */
export function recordReceivedCommand(target: object, command: object): void {
  const list = received.get(target);
  if (list) list.push(command);
  else received.set(target, [command]);
}

/** The commands `target` received, oldest first; undefined when it never received one. */
export function receivedCommandsOf(target: object): readonly object[] | undefined {
  return received.get(target);
}

/** Forgets the commands `target` received. */
export function forgetReceivedCommands(target: object): void {
  received.delete(target);
}
