export { KmsVault } from './vault/kms-vault';
export type { KmsVaultOptions, ExecuteOptions } from './vault/kms-vault';
export { VaultClock } from './vault/clock';
export type { Clock, Duration } from './vault/clock';
export { vaultMiddleware, vaultMiddlewareOptions, vaultPlugin } from './adapters/middleware';
export type { VaultMiddleware, VaultMiddlewareOptions, VaultPlugin } from './adapters/middleware';
export { KmsVaultMockError } from './errors/library-error';
export { OPERATION_NAMES } from './contract/generated';
export type { OperationName } from './contract/generated';
