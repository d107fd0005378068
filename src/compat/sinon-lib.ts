import type { SinonMatch, SinonSandbox } from 'sinon';
import { lazyRequire } from '../lazy-require';

/** sinon, loaded on the first `mockClient` (see ../lazy-require.ts). */
export const sinonLib = lazyRequire<typeof import('sinon')>('sinon');

/**
 * The matchers of the Sinon copy a stub was made with: a sandbox's own `match` when there is one,
 * since Sinon recognises only its own copy's matchers (its CommonJS and ESM builds are two copies).
 */
export function sinonMatch(sandbox: SinonSandbox | undefined): SinonMatch {
  return sandbox?.match ?? sinonLib().match;
}
