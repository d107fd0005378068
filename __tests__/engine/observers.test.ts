import { CreateKeyCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { KmsVault, KmsVaultMockError, vaultPlugin } from '../../src';
import type { CallEvent } from '../../src/engine/observers';
import { receivedCommandsOf } from '../../src/engine/received-commands';
import { keyNamer } from '../../src/faults/key-namer';
import { answerWireRequest } from '../../src/protocol/wire-pipeline';

describe('named engine observers', () => {
  it('a vault starts with the observers last-usage and history, last usage told first', () => {
    const names = new KmsVault().observers.names;
    expect(names.filter((name) => name === 'last-usage' || name === 'history')).toEqual(['last-usage', 'history']);
  });

  it('an observer added by name sees every answered call with its operation, region, caller, request id and output', async () => {
    const vault = new KmsVault();
    const events: CallEvent[] = [];
    const remove = vault.observers.add('test', (event) => events.push(event));
    const kms = new KMSClient({ region: 'eu-west-1' });
    kms.middlewareStack.use(vaultPlugin(vault));
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.from('x') }));
    expect(events.map((e) => [e.operation, e.region, e.caller.arn])).toEqual([
      ['CreateKey', 'eu-west-1', 'arn:aws:iam::111122223333:root'],
      ['Encrypt', 'eu-west-1', 'arn:aws:iam::111122223333:root'],
    ]);
    expect(events[1]?.requestId).toBe(events[1]?.output?.$metadata.requestId);
    remove();
    vault.execute('CreateKey', {});
    expect(events).toHaveLength(2);
  });

  it('a name can be taken once, and remove(name) takes the observer away', () => {
    const vault = new KmsVault();
    vault.observers.add('audit', () => undefined);
    expect(() => vault.observers.add('audit', () => undefined)).toThrow(KmsVaultMockError);
    expect(vault.observers.remove('audit')).toBe(true);
    expect(vault.observers.remove('audit')).toBe(false);
  });

  it('a request over the wire gives observers its source address, user agent and the policy facts', async () => {
    const vault = new KmsVault();
    const events: CallEvent[] = [];
    vault.observers.add('test', (event) => events.push(event));
    const body = new TextEncoder().encode('{}');
    const response = await answerWireRequest(vault, {
      method: 'POST',
      path: '/',
      query: {},
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.CreateKey', 'user-agent': 'test-agent/1' },
      body,
      remoteAddress: '10.0.0.7',
    });
    expect(response.status).toBe(200);
    expect(events[0]?.source).toEqual({ sourceIp: '10.0.0.7', userAgent: 'test-agent/1' });
    expect(events[0]?.request).toMatchObject({ sourceIp: '10.0.0.7', secureTransport: false });
  });

  it('internal uses (matchers, scenario loading) are seen by no observer', () => {
    const vault = new KmsVault();
    const events: CallEvent[] = [];
    vault.observers.add('test', (event) => events.push(event));
    vault.executeInternal('CreateKey', {});
    expect(events).toEqual([]);
  });
});

describe('fault key naming reads the state', () => {
  it('names a key by id, key ARN, alias name and alias ARN in the region asked, and nothing for unknown names or other regions', () => {
    const vault = new KmsVault();
    const arn = vault.execute('CreateKey', {}).KeyMetadata?.Arn as string;
    const id = arn.split('/')[1] as string;
    vault.execute('CreateAlias', { AliasName: 'alias/app', TargetKeyId: id });
    const name = keyNamer(vault.state, vault.accountId, 'us-east-1');
    expect(name(id)).toBe(arn);
    expect(name(arn)).toBe(arn);
    expect(name('alias/app')).toBe(arn);
    expect(name('arn:aws:kms:us-east-1:111122223333:alias/app')).toBe(arn);
    expect(name('alias/none')).toBeUndefined();
    expect(name('not-a-key')).toBeUndefined();
    expect(keyNamer(vault.state, vault.accountId, 'eu-west-1')(arn)).toBeUndefined();
  });
});

describe('received commands are recorded by the engine, first', () => {
  it('a command whose signal aborted before it was sent is received (the matchers see it) but reaches no observer', async () => {
    const vault = new KmsVault();
    const kms = new KMSClient({ region: 'us-east-1' });
    kms.middlewareStack.use(vaultPlugin(vault, { client: kms }));
    const command = new CreateKeyCommand({});
    const controller = new AbortController();
    controller.abort();
    await expect(kms.send(command, { abortSignal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(receivedCommandsOf(kms)).toEqual([command]);
    expect(vault.history).toEqual([]);
  });
});
