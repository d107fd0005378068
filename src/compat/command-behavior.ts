import type { Client, MetadataBearer } from '@smithy/types';
import type { SinonStub } from 'sinon';
import type { AwsCommand, AwsError, CommandResponse } from './aws-command';
import type { AwsStub } from './aws-stub';
import { normalizeError } from './normalize-error';
import type { LooseSendStub } from './send-stub';

type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/**
 * The input a fake function receives: the command's input. For a behaviour of any command it is any
 * of the client's inputs, and every member that one of them has can be read (as `unknown`).
 */
export type FakeInput<T> = T & Partial<Record<KeysOfUnion<T>, unknown>>;

/**
 * A function that answers a command in place of AWS: it gets the command's input and a function
 * returning the client that sent it, and returns the output (or a promise of it), or throws.
 * Declared as a method so that a fake whose parameter names one command's input type is accepted.
 */
export type FakeFunction<TInput extends object, TOutput extends MetadataBearer, TConfiguration, TCmdInput = TInput> = {
  bivarianceHack(input: FakeInput<TCmdInput>, getClient: () => Client<TInput, TOutput, TConfiguration>): unknown;
}['bivarianceHack'];

/**
 * What can be said of the commands a mock matches: the answer (`resolves`, `rejects`, `callsFake`)
 * for every call, or (`...Once`) for the next call, in order.
 */
export interface Behavior<
  TInput extends object,
  TOutput extends MetadataBearer,
  TCommandOutput extends TOutput,
  TConfiguration,
  TCommandInput extends TInput = TInput,
> {
  /** Starts a behaviour for any command with this input (partial match unless `strict`). */
  onAnyCommand<TCmdInput extends TInput>(input?: Partial<TCmdInput>, strict?: boolean): Behavior<TInput, TOutput, TOutput, TConfiguration>;
  /** Starts a behaviour for commands of this class, with this input (partial match unless `strict`). */
  on<TCmdInput extends TInput, TCmdOutput extends TOutput>(
    command: new (input: TCmdInput) => AwsCommand<TCmdInput, TCmdOutput, TInput, TOutput, TConfiguration>,
    input?: Partial<TCmdInput>,
    strict?: boolean,
  ): Behavior<TInput, TOutput, TCmdOutput, TConfiguration, TCmdInput>;
  /** Every matching call resolves to `response`. */
  resolves(response: CommandResponse<TCommandOutput>): AwsStub<TInput, TOutput, TConfiguration>;
  /** The next matching call resolves to `response`; chain for the calls after it. */
  resolvesOnce(response: CommandResponse<TCommandOutput>): Behavior<TInput, TOutput, TCommandOutput, TConfiguration, TCommandInput>;
  /** Every matching call rejects with `error` (made an `Error`). */
  rejects(error?: string | Error | AwsError): AwsStub<TInput, TOutput, TConfiguration>;
  /** The next matching call rejects with `error`; chain for the calls after it. */
  rejectsOnce(error?: string | Error | AwsError): Behavior<TInput, TOutput, TCommandOutput, TConfiguration, TCommandInput>;
  /** Every matching call is answered by `fn(input, getClient)`. */
  callsFake(fn: FakeFunction<TInput, TOutput, TConfiguration, TCommandInput>): AwsStub<TInput, TOutput, TConfiguration>;
  /** The next matching call is answered by `fn(input, getClient)`; chain for the calls after it. */
  callsFakeOnce(fn: FakeFunction<TInput, TOutput, TConfiguration, TCommandInput>): Behavior<TInput, TOutput, TCommandOutput, TConfiguration, TCommandInput>;
}

/** The {@link Behavior} of a client type: `AwsClientBehavior<KMSClient>`. */
export type AwsClientBehavior<TClient> =
  TClient extends Client<infer TInput, infer TOutput, infer TConfiguration> ? Behavior<TInput, TOutput, TOutput, TConfiguration> : never;

/**
 * The behaviour of the commands one `on(...)` or `onAnyCommand(...)` matches: a Sinon stub made with
 * `send.withArgs(matcher)`. `resolves`, `rejects` and `callsFake` set its answer and return the client
 * mock; the `...Once` methods answer its first, second, ... matching call (Sinon's `onCall`) and return
 * this behaviour, so that they chain. When a behaviour has no answer for a call (its `...Once`
 * answers are spent and it has no default) the mock's own default answers: `undefined`, or for a
 * vault-backed mock, the vault.
 */
export class CommandBehavior<
  TInput extends object,
  TOutput extends MetadataBearer,
  TCommandOutput extends TOutput,
  TConfiguration,
  TCommandInput extends TInput = TInput,
> implements Behavior<TInput, TOutput, TCommandOutput, TConfiguration, TCommandInput> {
  /** Which call the next `...Once` answer is for; Sinon counts every call that matches this behaviour. */
  private nextChainableCallNumber = 0;

  /** @internal Made by {@link AwsStub.on} and {@link AwsStub.onAnyCommand}. */
  constructor(
    private readonly clientStub: AwsStub<TInput, TOutput, TConfiguration>,
    private readonly send: SinonStub<[AwsCommand<TInput, TOutput>], unknown>,
    private readonly kmsErrors = false,
  ) {}

  /** @deprecated A behaviour started with `on(...)` was given no answer; start the next one from the mock. */
  onAnyCommand<TCmdInput extends TInput>(input?: Partial<TCmdInput>, strict?: boolean): Behavior<TInput, TOutput, TOutput, TConfiguration> {
    return this.clientStub.onAnyCommand(input, strict);
  }

  /** @deprecated A behaviour started with `on(...)` was given no answer; start the next one from the mock. */
  on<TCmdInput extends TInput, TCmdOutput extends TOutput>(
    command: new (input: TCmdInput) => AwsCommand<TCmdInput, TCmdOutput, TInput, TOutput, TConfiguration>,
    input?: Partial<TCmdInput>,
    strict = false,
  ): CommandBehavior<TInput, TOutput, TCmdOutput, TConfiguration, TCmdInput> {
    return this.clientStub.on(command, input, strict);
  }

  /** Every matching call resolves to `response`. Returns the client mock. */
  resolves(response: CommandResponse<TCommandOutput>): AwsStub<TInput, TOutput, TConfiguration> {
    this.loose().resolves(response);
    return this.clientStub;
  }

  /** The next matching call resolves to `response`. Returns this behaviour, to chain. */
  resolvesOnce(response: CommandResponse<TCommandOutput>): CommandBehavior<TInput, TOutput, TCommandOutput, TConfiguration, TCommandInput> {
    this.loose().onCall(this.nextChainableCallNumber++).resolves(response);
    return this;
  }

  /** Every matching call rejects with `error`, made an `Error` (see {@link normalizeError}). Returns the client mock. */
  rejects(error?: string | Error | AwsError): AwsStub<TInput, TOutput, TConfiguration> {
    this.loose().rejects(normalizeError(error, this.kmsErrors));
    return this.clientStub;
  }

  /** The next matching call rejects with `error`. Returns this behaviour, to chain. */
  rejectsOnce(error?: string | Error | AwsError): CommandBehavior<TInput, TOutput, TCommandOutput, TConfiguration, TCommandInput> {
    this.loose().onCall(this.nextChainableCallNumber++).rejects(normalizeError(error, this.kmsErrors));
    return this;
  }

  /** Every matching call is answered by `fn(input, getClient)`; what it throws becomes a rejection. Returns the client mock. */
  callsFake(fn: FakeFunction<TInput, TOutput, TConfiguration, TCommandInput>): AwsStub<TInput, TOutput, TConfiguration> {
    this.loose().callsFake((command: unknown) => this.fake(command, fn));
    return this.clientStub;
  }

  /** The next matching call is answered by `fn(input, getClient)`. Returns this behaviour, to chain. */
  callsFakeOnce(
    fn: FakeFunction<TInput, TOutput, TConfiguration, TCommandInput>,
  ): CommandBehavior<TInput, TOutput, TCommandOutput, TConfiguration, TCommandInput> {
    this.loose()
      .onCall(this.nextChainableCallNumber++)
      .callsFake((command: unknown) => this.fake(command, fn));
    return this;
  }

  private fake(command: unknown, fn: FakeFunction<TInput, TOutput, TConfiguration, TCommandInput>): unknown {
    try {
      return fn((command as { input: FakeInput<TCommandInput> }).input, this.getClient);
    } catch (error) {
      return Promise.reject(normalizeError(error, this.kmsErrors));
    }
  }

  /** The client of the call being answered: the last `this` the behaviour's stub was called with. */
  private readonly getClient = (): Client<TInput, TOutput, TConfiguration> =>
    this.send.thisValues[this.send.thisValues.length - 1] as Client<TInput, TOutput, TConfiguration>;

  /** The stub without the command types, which Sinon's answer setters cannot relate to partial outputs. */
  private loose(): LooseSendStub {
    return this.send as unknown as LooseSendStub;
  }
}
