import { abortError, onAbortOf, type AbortSignalLike } from '../engine/abort';

export { abortError } from '../engine/abort';

/** The abort signal an SDK client hands its HTTP handler (`client.send(command, { abortSignal })`). */
export type HandlerAbortSignal = AbortSignalLike;

/**
 * Settles as `answer` does, unless `signal` aborts first: then rejects with {@link abortError} at once.
 * (An answer still waiting for injected latency is given the same signal and ends too, without running
 * its operation: engine/answer.ts.)
 */
export function unlessAborted<T>(answer: Promise<T>, signal: HandlerAbortSignal | undefined): Promise<T> {
  if (signal === undefined) return answer;
  return new Promise<T>((resolve, reject) => {
    const stopListening = onAbortOf(signal, () => reject(abortError()));
    if (signal.aborted) reject(abortError());
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
