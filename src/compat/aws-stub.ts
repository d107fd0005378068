import { KMSClient } from '@aws-sdk/client-kms';
import type { Client, MetadataBearer } from '@smithy/types';
import type { SinonMatcher, SinonSandbox, SinonSpyCall, SinonStub } from 'sinon';
import type { KmsVault } from '../kms-vault';
import type { AnyCommand, AwsCommand, AwsError, CommandInputOf, CommandOutputOf, CommandResponse } from './aws-command';
import { CommandBehavior, type Behavior, type FakeFunction } from './command-behavior';
import { stubSend } from './send-stub';
import { sinonMatch } from './sinon-lib';
import type { VaultBacking } from './vault-answer';

/** The stubbed `Client#send` of a mock: a Sinon stub taking the command. */
export type AwsSendStub<TInput extends object, TOutput extends MetadataBearer> = SinonStub<[AwsCommand<TInput, TOutput>], Promise<TOutput>>;

/** One recorded call of a mock: Sinon's spy call, `args[0]` the command, `thisValue` the client, `returnValue` the promise. */
export type AwsSpyCall<TCmd, TCmdOutput> = SinonSpyCall<[TCmd], Promise<TCmdOutput>>;

/** @internal How a stub was made, so that `reset()` can make it again. */
export interface StubSetup {
  readonly sandbox?: SinonSandbox;
  readonly backing?: VaultBacking;
}

/**
 * A mocked client: aws-sdk-client-mock's `AwsStub`, behaviour for behaviour. Without configuration
 * `send` resolves `undefined`; backed by a vault, it answers from the vault.
 */
export class AwsStub<TInput extends object, TOutput extends MetadataBearer, TConfiguration> implements Behavior<TInput, TOutput, TOutput, TConfiguration> {
  /** The stubbed `send` (a Sinon stub): replaced by {@link AwsStub.reset}. */
  send: AwsSendStub<TInput, TOutput>;
  /** The vault answering the commands no behaviour answers, or undefined for a plain mock. */
  readonly vault: KmsVault | undefined;

  /** @internal Made by {@link mockClient}. */
  constructor(
    private readonly client: Client<TInput, TOutput, TConfiguration>,
    send: AwsSendStub<TInput, TOutput>,
    private readonly setup: StubSetup = {},
  ) {
    this.send = send;
    this.vault = setup.backing?.vault;
  }

  /** The class name of the mocked client, such as `KMSClient`. */
  clientName(): string {
    return this.client.constructor.name;
  }

  /**
   * Forgets every behaviour and the call history: `send` is replaced by a fresh stub (Sinon's own
   * reset keeps `withArgs` fakes behind). The client stays mocked; a vault-backed mock stays backed
   * by the same vault, whose keys are kept.
   */
  reset(): AwsStub<TInput, TOutput, TConfiguration> {
    this.send = stubSend(this.client, this.setup.sandbox, this.setup.backing) as unknown as AwsSendStub<TInput, TOutput>;
    return this;
  }

  /** Forgets the call history; behaviours stay. */
  resetHistory(): AwsStub<TInput, TOutput, TConfiguration> {
    this.send.resetHistory();
    return this;
  }

  /** Puts the original `Client#send` back. */
  restore(): void {
    this.send.restore();
  }

  /** Every call received, oldest first (cleared by {@link AwsStub.resetHistory} and {@link AwsStub.reset}). */
  calls(): AwsSpyCall<AwsCommand<TInput, TOutput>, TOutput>[] {
    return this.send.getCalls();
  }

  /** The n-th call received (0 is the first, -1 the last), or null. */
  call(n: number): AwsSpyCall<AwsCommand<TInput, TOutput>, TOutput> {
    return this.send.getCall(n);
  }

  /**
   * The calls of commands of this class, and with this input (partial match unless `strict`):
   * `args[0]` is typed as the command class (`EncryptCommand`), `returnValue` as a promise of its output.
   */
  commandCalls<
    TCmd extends AnyCommand,
    TCmdInput extends CommandInputOf<TCmd> = CommandInputOf<TCmd>,
    TCmdOutput extends CommandOutputOf<TCmd> = CommandOutputOf<TCmd>,
  >(commandType: new (input: TCmdInput) => TCmd, input?: Partial<TCmdInput>, strict?: boolean): AwsSpyCall<TCmd, TCmdOutput>[] {
    const matcher = this.createInputMatcher(input, strict);
    const calls: SinonSpyCall<unknown[], unknown>[] = this.send.getCalls();
    return calls.filter((call) => call.args[0] instanceof commandType && matcher.test(call.args[0])) as AwsSpyCall<TCmd, TCmdOutput>[];
  }

  /** The n-th of {@link AwsStub.commandCalls} (negative counts from the end), or null. */
  commandCall<
    TCmd extends AnyCommand,
    TCmdInput extends CommandInputOf<TCmd> = CommandInputOf<TCmd>,
    TCmdOutput extends CommandOutputOf<TCmd> = CommandOutputOf<TCmd>,
  >(n: number, commandType: new (input: TCmdInput) => TCmd, input?: Partial<TCmdInput>, strict?: boolean): AwsSpyCall<TCmd, TCmdOutput> {
    const calls = this.commandCalls<TCmd, TCmdInput, TCmdOutput>(commandType, input, strict);
    const index = n < 0 ? n + calls.length : n;
    // aws-sdk-client-mock answers null past the end, as Sinon's getCall does, under a non-null type.
    return (calls[index] ?? null) as AwsSpyCall<TCmd, TCmdOutput>;
  }

  /**
   * Starts a behaviour for any command with this input, or for every command without one. Later
   * behaviours win over earlier ones where both match; `onAnyCommand()` without input is always the
   * same behaviour, so it keeps its place.
   */
  onAnyCommand<TCmdInput extends TInput>(input?: Partial<TCmdInput>, strict = false): CommandBehavior<TInput, TOutput, TOutput, TConfiguration> {
    return new CommandBehavior(this, this.send.withArgs(this.createInputMatcher(input, strict)), this.kmsErrors());
  }

  /** Starts a behaviour for commands of this class, and with this input (partial match unless `strict`). */
  on<TCmdInput extends TInput, TCmdOutput extends TOutput>(
    command: new (input: TCmdInput) => AwsCommand<TCmdInput, TCmdOutput, TInput, TOutput, TConfiguration>,
    input?: Partial<TCmdInput>,
    strict = false,
  ): CommandBehavior<TInput, TOutput, TCmdOutput, TConfiguration, TCmdInput> {
    const matcher = sinonMatch(this.setup.sandbox).instanceOf(command).and(this.createInputMatcher(input, strict));
    return new CommandBehavior(this, this.send.withArgs(matcher), this.kmsErrors());
  }

  /** Every command resolves to `response` (the same as `onAnyCommand().resolves(response)`). */
  resolves(response: CommandResponse<TOutput>): AwsStub<TInput, TOutput, TConfiguration> {
    return this.onAnyCommand().resolves(response);
  }

  /** The next command resolves to `response`; chain for the calls after it. */
  resolvesOnce(response: CommandResponse<TOutput>): CommandBehavior<TInput, TOutput, TOutput, TConfiguration> {
    return this.onAnyCommand().resolvesOnce(response);
  }

  /**
   * Every command rejects with `error`: an `Error` as given (an SDK exception keeps its class), a
   * string as `new Error(string)`, an object copied onto an `Error`. On a KMS mock the name of a KMS
   * error (`'NotFoundException'`) builds the SDK's exception instead.
   */
  rejects(error?: string | Error | AwsError): AwsStub<TInput, TOutput, TConfiguration> {
    return this.onAnyCommand().rejects(error);
  }

  /** The next command rejects with `error`; chain for the calls after it. */
  rejectsOnce(error?: string | Error | AwsError): CommandBehavior<TInput, TOutput, TOutput, TConfiguration> {
    return this.onAnyCommand().rejectsOnce(error);
  }

  /** Every command is answered by `fn(input, getClient)`. */
  callsFake(fn: FakeFunction<TInput, TOutput, TConfiguration>): AwsStub<TInput, TOutput, TConfiguration> {
    return this.onAnyCommand().callsFake(fn);
  }

  /** The next command is answered by `fn(input, getClient)`; chain for the calls after it. */
  callsFakeOnce(fn: FakeFunction<TInput, TOutput, TConfiguration>): CommandBehavior<TInput, TOutput, TOutput, TConfiguration> {
    return this.onAnyCommand().callsFakeOnce(fn);
  }

  /**
   * Sinon's matcher of a command's input: partial and deep (`sinon.match(input)`) by default, deep
   * equality when strict; any command when there is no input.
   */
  private createInputMatcher(input: object | undefined, strict = false): SinonMatcher {
    const match = sinonMatch(this.setup.sandbox);
    if (input === undefined) return match.any;
    return match.has('input', strict ? input : match(input));
  }

  /** Whether KMS error names in `rejects` build SDK exceptions: for KMS clients and vault-backed mocks. */
  private kmsErrors(): boolean {
    return this.setup.backing !== undefined || KMSClient.prototype === (this.client as object) || this.client instanceof KMSClient;
  }
}

/** The mock of a client type: `AwsClientStub<KMSClient>`. */
export type AwsClientStub<TClient> =
  TClient extends Client<infer TInput, infer TOutput, infer TConfiguration> ? AwsStub<TInput, TOutput, TConfiguration> : never;
