import type { HttpHandlerOptions } from '@smithy/types';

/** The abort signal an SDK client hands its HTTP handler (`client.send(command, { abortSignal })`). */
export type HandlerAbortSignal = NonNullable<HttpHandlerOptions['abortSignal']>;

/**
 * The error a call sent with an aborted signal rejects with through the SDK (its retry middleware and
 * HTTP handlers build it): an `Error` named `AbortError` with the message `Request aborted`, whatever
 * the signal's reason. Code that handles aborts by `error.name` sees the same error from the vault.
 */
export function abortError(): Error {
  return Object.assign(new Error('Request aborted'), { name: 'AbortError' });
}

/**
 * Settles as `answer` does, unless `signal` aborts first: then rejects with {@link abortError}. The
 * answer still completes in the vault, as a request KMS has received still completes there when its
 * caller gives up on it.
 */
export function unlessAborted<T>(answer: Promise<T>, signal: HandlerAbortSignal | undefined): Promise<T> {
  if (signal === undefined) return answer;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError());
    const listens = 'addEventListener' in signal && typeof signal.addEventListener === 'function';
    if (listens) signal.addEventListener('abort', onAbort, { once: true });
    else signal.onabort = onAbort;
    if (signal.aborted) onAbort();
    const stopListening = (): void => {
      if (listens) signal.removeEventListener('abort', onAbort);
    };
    answer.then(
      (value) => {
        stopListening();
        resolve(value);
      },
      (error: unknown) => {
        stopListening();
        reject(error);
      },
    );
  });
}
