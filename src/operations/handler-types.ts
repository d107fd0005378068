import type { OperationName, OperationTypes } from '../contract/generated';

/**
 * An input as validation hands it to a handler: the members the model requires (the SDK types them
 * `Member: T | undefined`) are present, the optional ones (`Member?: T`) may be absent.
 */
export type Validated<T> = { [K in keyof T as object extends Pick<T, K> ? never : K]-?: Exclude<T[K], undefined> } & {
  [K in keyof T as object extends Pick<T, K> ? K : never]?: T[K];
};

/** What the handler of operation `K` receives: every handler declares its input as `HandlerInput<'Name'>`. */
export type HandlerInput<K extends OperationName> = Validated<OperationTypes[K]['input']>;

/** What the handler of operation `K` returns: the output without `$metadata`, which the engine adds. */
export type HandlerOutput<K extends OperationName> = Omit<OperationTypes[K]['output'], '$metadata'>;
