import {
  CreateAliasCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  KMSClient,
  ListAliasesCommand,
  NotFoundException,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { vaultPlugin } from '../../src';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';
import { vaultView } from '../helpers/vault-view';
import { customerAliases } from '../helpers/customer-aliases';

const ACCOUNT = '111122223333';
const ALIAS_PREFIX_MESSAGE = 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html';

async function setup() {
  const { vault, kms } = vaultClient({ seed: 'delete-alias', clock: new Date('2026-04-01T00:00:00Z') });
  const a = (await kms.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string; Arn: string };
  const b = (await kms.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string; Arn: string };
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/app', TargetKeyId: a.KeyId }));
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/other', TargetKeyId: b.KeyId }));
  return { vault, kms, a, b };
}

describe('DeleteAlias', () => {
  it('deletes the alias, answers with no data, and the alias name no longer names the key (API Reference, DeleteAlias)', async () => {
    const { kms } = await setup();
    const { $metadata, ...out } = await kms.send(new DeleteAliasCommand({ AliasName: 'alias/app' }));
    expect($metadata.httpStatusCode).toBe(200);
    expect(out).toEqual({});
    expect(customerAliases((await kms.send(new ListAliasesCommand({}))).Aliases).map((x) => x.AliasName)).toEqual(['alias/other']);
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: 'alias/app' })), {
      type: NotFoundException,
      status: 400,
      message: `Alias arn:aws:kms:us-east-1:${ACCOUNT}:alias/app is not found.`,
    });
  });

  it('does not affect the key the alias pointed to (API Reference, DeleteAlias: an alias is not a property of a KMS key)', async () => {
    const { kms, a } = await setup();
    const before = (await kms.send(new DescribeKeyCommand({ KeyId: a.KeyId }))).KeyMetadata;
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/app' }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: a.KeyId }))).KeyMetadata).toEqual(before);
  });

  it('frees the name: CreateAlias can then give it to another key (API Reference, DeleteAlias: to change the alias of a KMS key, delete it and create a new alias)', async () => {
    const { kms, b } = await setup();
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/app' }));
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/app', TargetKeyId: b.KeyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/app' }))).KeyMetadata?.KeyId).toBe(b.KeyId);
  });

  it('an alias that does not exist, or was already deleted, gives NotFoundException with the alias ARN (API Reference, DeleteAlias errors)', async () => {
    const { kms } = await setup();
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/app' }));
    const before = await vaultView(kms);
    for (const name of ['alias/app', 'alias/never']) {
      await expectKmsError(kms.send(new DeleteAliasCommand({ AliasName: name })), {
        type: NotFoundException,
        status: 400,
        message: `Alias arn:aws:kms:us-east-1:${ACCOUNT}:${name} is not found.`,
      });
    }
    expect(await vaultView(kms)).toEqual(before);
  });

  it('AliasName must begin with alias/; an alias ARN is not an alias name (API Reference, DeleteAlias AliasName)', async () => {
    const { kms } = await setup();
    const before = await vaultView(kms);
    for (const name of ['app', `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`]) {
      await expectKmsError(kms.send(new DeleteAliasCommand({ AliasName: name })), { type: 'ValidationException', status: 400, message: ALIAS_PREFIX_MESSAGE });
    }
    expect(await vaultView(kms)).toEqual(before);
  });

  it('deletes the alias of a key pending deletion, which stays pending deletion (Developer Guide, key states: DeleteAlias on PendingDeletion)', async () => {
    const { kms, a } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: a.KeyId }));
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/app' }));
    expect((await kms.send(new ListAliasesCommand({ KeyId: a.KeyId }))).Aliases).toEqual([]);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: a.KeyId }))).KeyMetadata?.KeyState).toBe('PendingDeletion');
  });

  it('deletes the alias of a Disabled key (Developer Guide, key states: DeleteAlias on Disabled)', async () => {
    const { kms, a } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: a.KeyId }));
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/app' }));
    expect((await kms.send(new ListAliasesCommand({ KeyId: a.KeyId }))).Aliases).toEqual([]);
  });

  it('deletes only in the Region the request is sent to: the same name elsewhere stays (API Reference, DeleteAlias; CreateAlias: unique per Region)', async () => {
    const { vault, kms } = await setup();
    const ireland = new KMSClient({ region: 'eu-west-1' });
    ireland.middlewareStack.use(vaultPlugin(vault));
    const irish = (await ireland.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string };
    await ireland.send(new CreateAliasCommand({ AliasName: 'alias/app', TargetKeyId: irish.KeyId }));
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/app' }));
    expect((await ireland.send(new DescribeKeyCommand({ KeyId: 'alias/app' }))).KeyMetadata?.KeyId).toBe(irish.KeyId);
    await expectKmsError(kms.send(new DeleteAliasCommand({ AliasName: 'alias/app' })), {
      type: NotFoundException,
      status: 400,
      message: `Alias arn:aws:kms:us-east-1:${ACCOUNT}:alias/app is not found.`,
    });
  });
});
