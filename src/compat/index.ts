export { mockClient } from './mock-client';
export type { MockClientOptions, InstanceOrClassType, VaultAwsStub } from './mock-client';
export { AwsStub } from './aws-stub';
export type { AwsClientStub, AwsSendStub, AwsSpyCall } from './aws-stub';
export { CommandBehavior } from './command-behavior';
export type { Behavior, AwsClientBehavior, FakeFunction, FakeInput } from './command-behavior';
export type { AwsCommand, AwsError, CommandResponse } from './aws-command';
export { isSinonStub } from './sinon-proxy';
export type { MaybeSinonProxy } from './sinon-proxy';
