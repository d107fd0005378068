import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { OperationContext } from '../context/operation-context';

/**
 * Grant tokens name grants the vault has issued. A token that did not come from the vault's
 * CreateGrant is not valid: InvalidGrantTokenException, as KMS answers for a token it cannot read.
 * A token of a grant retired since is still a token KMS can read; it only allows nothing.
 */
export function checkGrantTokens(context: OperationContext, tokens: readonly string[] | undefined): void {
  if (tokens === undefined) return;
  for (const token of tokens) {
    if (!context.state.grants.knowsToken(token)) throw kmsError('InvalidGrantTokenException', messages.invalidGrantToken());
  }
}
