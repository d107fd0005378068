/**
 * `kms-vault-mock/sinon`: the names aws-sdk-client-mock keeps in its `sinon` module, so code and tests
 * that import them from there need only the package name changed.
 */
export { isSinonStub } from './compat/sinon-proxy';
export type { MaybeSinonProxy } from './compat/sinon-proxy';
