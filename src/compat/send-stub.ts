import type { SinonSandbox, SinonStub } from 'sinon';
import { sinonLib } from './sinon-lib';
import { isSinonStub } from './sinon-proxy';
import { vaultAnswer, type VaultBacking } from './vault-answer';

/** The stubbed `send` as this module handles it; {@link AwsStub} gives it its typed face. */
export type LooseSendStub = SinonStub<[unknown], unknown>;

/**
 * Replaces `target.send` (a client instance, or a client class's prototype so that every instance,
 * present and future, is affected) with a Sinon stub, restoring a stub already there first, as
 * aws-sdk-client-mock does. With a vault, calls no behaviour answers go to the vault instead of
 * resolving `undefined`: the stub's own behaviour is what Sinon falls back to.
 */
export function stubSend(target: object, sandbox: SinonSandbox | undefined, backing: VaultBacking | undefined): LooseSendStub {
  const current: unknown = (target as { send?: unknown }).send;
  if (isSinonStub(current)) current.restore();
  const stub = (sandbox ?? sinonLib()).stub(target as { send(command: unknown): unknown }, 'send') as LooseSendStub;
  if (backing) {
    stub.callsFake(function answer(this: unknown, command: unknown) {
      return vaultAnswer(backing, this, command);
    });
  }
  return stub;
}
