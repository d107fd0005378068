export { KmsVault } from './kms-vault';
export type { KmsVaultOptions, ExecuteOptions } from './kms-vault';
export { VaultClock } from './vault/clock';
export type { Clock, Duration } from './vault/clock';
export { vaultMiddleware, vaultMiddlewareOptions, vaultPlugin } from './adapters/middleware';
export type { VaultClientOptions, VaultMiddleware, VaultMiddlewareOptions, VaultPlugin } from './adapters/middleware';
export type { FaultSpec, FaultHandle, InjectableError } from './faults/fault-injector';
export type { CallRecord } from './vault/call-history';
export { KmsVaultMockError } from './errors/library-error';
export { OPERATION_NAMES } from './contract/generated';
export type { OperationName } from './contract/generated';
export { defineScenario, composeScenarios } from './scenarios/define-scenario';
export { scenarios } from './scenarios/catalogue';
export type { ScenarioName } from './scenarios/catalogue';
export { loadScenarioFile, scenarioToYaml } from './scenarios/scenario-file';
export type { Scenario, ScenarioKey, ScenarioCiphertext, ScenarioFault, ScenarioMaterial, ScenarioImport, LoadedScenario } from './scenarios/scenario';
export { mockClient, AwsStub, CommandBehavior } from './compat';
export type {
  MockClientOptions, InstanceOrClassType, VaultAwsStub, AwsClientStub, AwsSendStub, AwsSpyCall, Behavior, AwsClientBehavior,
  FakeFunction, FakeInput, AwsCommand, AwsError, CommandResponse,
} from './compat';
