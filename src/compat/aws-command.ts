import type { Command, MetadataBearer } from '@smithy/types';

/**
 * A command of an AWS SDK v3 client, typed by its input and output: the shape of
 * aws-sdk-client-mock's `AwsCommand`, with `object`, `MetadataBearer` and `unknown` where that one
 * has `any`.
 */
export type AwsCommand<
  Input extends ClientInput,
  Output extends ClientOutput,
  ClientInput extends object = object,
  ClientOutput extends MetadataBearer = MetadataBearer,
  Configuration = unknown,
> = Command<ClientInput, Input, ClientOutput, Output, Configuration>;

/**
 * Any command instance of any client, as `commandCalls` takes its class: the input, and the
 * `resolveMiddleware` whose handler gives the output type.
 */
export interface AnyCommand {
  readonly input: object;
  resolveMiddleware(stack: never, configuration: never, options: never): unknown;
}

/** The input type of a command: `EncryptCommandInput` of `EncryptCommand`. */
export type CommandInputOf<TCmd> = TCmd extends { readonly input: infer I } ? I : never;

/** The output type of a command: `EncryptCommandOutput` of `EncryptCommand`. */
export type CommandOutputOf<TCmd> = TCmd extends { resolveMiddleware(...args: never[]): (args: never) => PromiseLike<{ output: infer O }> } ? O : never;

/** What `resolves` accepts: part of the command's output, or a promise of it. */
export type CommandResponse<TOutput> = Partial<TOutput> | PromiseLike<Partial<TOutput>>;

/**
 * An error description `rejects` accepts besides a string or an `Error`: its properties are copied
 * onto an `Error` (onto the SDK's own exception class when `name` is a KMS error of a KMS mock).
 */
export interface AwsError extends Partial<Error>, Partial<MetadataBearer> {
  Type?: string;
  Code?: string;
  $fault?: 'client' | 'server';
  $service?: string;
}

/** Any command instance, as it arrives in `Client#send`. */
export interface SentCommand {
  readonly input?: unknown;
  readonly schema?: unknown;
}
