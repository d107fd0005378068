import { createRequire } from 'node:module';

// The module's own `require` where it has one: CommonJS, and jest, whose module registry must serve
// the same copy of a dependency as the test file gets (so that `sinon.restore()` in a test restores
// mocks made here). The ESM build (tsup defines the format) has none: it makes one that resolves
// from this file, whose __filename tsup's shims provide, so a dependency is found where npm put it.
const requireHere: NodeJS.Require = process.env.KMS_VAULT_MOCK_BUILD_FORMAT === 'esm' ? createRequire(__filename) : require;

/**
 * Loads a dependency of the package on first use rather than at start-up: jest loads a test file's
 * modules afresh for every file, so what the package loads eagerly is paid once per test file (sinon
 * only for `mockClient`, yaml only for scenario files).
 */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(name) as T);
}
