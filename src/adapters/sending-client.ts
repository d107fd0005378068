import { KMSClient } from '@aws-sdk/client-kms';

/**
 * A middleware is never handed its client's configuration, yet a vault must know the region a client
 * is configured for. The SDK builds a command's middleware chain synchronously inside `send`, so
 * `KMSClient.prototype.send` is wrapped (once, idempotently) to note which client is sending which
 * command while the chain is built. See docs/decisions/001-client-region.md.
 */
interface Sending {
  readonly client: KMSClient;
  readonly command: unknown;
}

let sending: Sending | undefined;
let installed = false;

/** Installs the wrapper on `KMSClient.prototype.send`. */
export function trackSendingClients(): void {
  if (installed) return;
  installed = true;
  const proto = KMSClient.prototype as unknown as { send: (...args: unknown[]) => unknown };
  const original = proto.send;
  proto.send = function send(this: KMSClient, ...args: unknown[]): unknown {
    const previous = sending;
    sending = { client: this, command: args[0] };
    try {
      return original.apply(this, args);
    } finally {
      sending = previous;
    }
  };
}

/** The client whose `send` is building a middleware chain right now, if any. */
export function sendingClient(): KMSClient | undefined {
  return sending?.client;
}

/** The command object that client is sending, if any. */
export function sendingCommand(): unknown {
  return sending?.command;
}
