import type { HttpHandlerOptions } from '@smithy/types';

/** The abort signal an SDK client hands its HTTP handler (`client.send(command, { abortSignal })`), or a DOM `AbortSignal`. */
export type AbortSignalLike = NonNullable<HttpHandlerOptions['abortSignal']>;

/**
 * The error a call sent with an aborted signal rejects with through the SDK (its retry middleware and
 * HTTP handlers build it): an `Error` named `AbortError` with the message `Request aborted`, whatever
 * the signal's reason. Code that handles aborts by `error.name` sees the same error from the vault.
 */
export function abortError(): Error {
  return Object.assign(new Error('Request aborted'), { name: 'AbortError' });
}

/** Calls `onAbort` once when `signal` aborts; returns what stops listening. */
export function onAbortOf(signal: AbortSignalLike, onAbort: () => void): () => void {
  if ('addEventListener' in signal && typeof signal.addEventListener === 'function') {
    signal.addEventListener('abort', onAbort, { once: true });
    return () => signal.removeEventListener('abort', onAbort);
  }
  signal.onabort = onAbort;
  return () => {
    if (signal.onabort === onAbort) signal.onabort = null;
  };
}

/**
 * Waits `ms` on a global timer (so that jest's and vitest's fake timers control it), unless `signal`
 * aborts first: then the timer is cleared at once and the wait rejects with {@link abortError}.
 * `keepAlive: false` unrefs the timer, so that it never holds a process open on its own.
 */
export function abortableDelay(ms: number, signal: AbortSignalLike | undefined, keepAlive: boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(abortError());
      return;
    }
    let stopListening = (): void => undefined;
    const timer = setTimeout(() => {
      stopListening();
      resolve();
    }, ms);
    if (!keepAlive) (timer as { unref?: () => void }).unref?.();
    if (signal !== undefined) {
      stopListening = onAbortOf(signal, () => {
        clearTimeout(timer);
        stopListening();
        reject(abortError());
      });
    }
  });
}
