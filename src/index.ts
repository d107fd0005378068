export { KmsVault } from './kms-vault';
export type { KmsVaultOptions, ExecuteOptions } from './kms-vault';
export { VaultClock } from './vault/clock';
export type { Clock, Duration } from './vault/clock';
export { useVault, vaultMiddleware, vaultMiddlewareOptions, vaultPlugin } from './adapters/middleware';
export type {
  DisposableVaultPlugin,
  VaultClient,
  VaultClientOptions,
  VaultDisposable,
  VaultMiddleware,
  VaultMiddlewareOptions,
  VaultPlugin,
} from './adapters/middleware';
export { vaultRequestHandler } from './adapters/request-handler';
export type { VaultRequestHandler, VaultRequestHandlerOptions } from './adapters/request-handler';
export { startServer } from './server/lazy-start';
export type { KmsServer, ServerOptions } from './server/start-server';
export type { AuthMode } from './protocol/wire-pipeline';
export type { FaultSpec, FaultHandle, InjectableError } from './faults/fault-injector';
export type { CallRecord } from './vault/call-history';
export type { CloudTrailLog, CloudTrailFilter, CloudTrailListener } from './cloudtrail/cloudtrail-log';
export type {
  CloudTrailEvent,
  CallerIdentity as CloudTrailUserIdentity,
  AccountIdentity as CloudTrailAccountIdentity,
  ServiceIdentity as CloudTrailServiceIdentity,
  CloudTrailResource,
} from './cloudtrail/cloudtrail-event';
export type { LookupEvent as CloudTrailLookupEvent } from './cloudtrail/lookup-events';
export { CONNECT_DURATION_MS } from './vault/custom-key-stores';
export type { CloudHsmCluster, CloudHsmClusterOptions, ExternalKeyOptions, XksProxy, XksProxyOptions } from './vault/custom-key-store-backends';
export { startXksProxy } from './xks/lazy-start-xks-proxy';
export type { XksProxyServer, XksProxyServerOptions, XksProxyBehaviour, XksProxyKey, XksProxyCredential, XksProxyRequest } from './xks/start-xks-proxy';
export type { NitroEnclaves } from './nitro/nitro-enclaves';
export type { AttestationDocumentOptions } from './nitro/attestation-document';
export type { ScenarioCustomKeyStore, ScenarioCloudHsmCluster, ScenarioXksProxy, ScenarioExternalKey } from './scenarios/custom-key-store-scenario';
export { KmsVaultMockError } from './errors/library-error';
export { explanationOf } from './auth/authorize';
export { mergeCoverage, coverageTable, coverageHtml, writeCoverage, readRunCoverage } from './coverage';
export type { CoverageReport, OperationCoverage, ParameterCoverage, DimensionCoverage, Counts as CoverageCounts } from './coverage';
export type { AuthorizationExplanation, DecidingStatement, DenialReason } from './auth/authorize';
export { OPERATION_NAMES } from './contract/generated';
export type { OperationName } from './contract/generated';
export { defineScenario, composeScenarios } from './scenarios/define-scenario';
export { scenarios } from './scenarios/catalogue';
export type { ScenarioName } from './scenarios/catalogue';
export { loadScenarioFile, scenarioToYaml } from './scenarios/scenario-file';
export type { Scenario, ScenarioKey, ScenarioCiphertext, ScenarioFault, ScenarioMaterial, ScenarioImport, LoadedScenario } from './scenarios/scenario';
export type { ScenarioGrant } from './scenarios/scenario';
export { mockClient, AwsStub, CommandBehavior, isSinonStub } from './compat';
export type {
  MockClientOptions,
  InstanceOrClassType,
  VaultAwsStub,
  AwsClientStub,
  AwsSendStub,
  AwsSpyCall,
  Behavior,
  AwsClientBehavior,
  FakeFunction,
  FakeInput,
  AwsCommand,
  AwsError,
  CommandResponse,
  MaybeSinonProxy,
} from './compat';
