import {
  AlreadyExistsException,
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  KMSClient,
  KMSInvalidStateException,
  ListAliasesCommand,
  NotFoundException,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { vaultPlugin } from '../../src';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';
import { vaultView } from '../helpers/vault-view';
import { customerAliases } from '../helpers/customer-aliases';

const START = new Date('2026-04-01T00:00:00Z');
const ACCOUNT = '111122223333';
const ALIAS_PREFIX_MESSAGE = 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html';

async function setup() {
  const { vault, kms } = vaultClient({ seed: 'create-alias', clock: START });
  const a = (await kms.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string; Arn: string };
  const b = (await kms.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string; Arn: string };
  return { vault, kms, a, b };
}

describe('CreateAlias', () => {
  it('creates an alias for the key, answers with no data, and ListAliases reports it (API Reference, CreateAlias; ListAliases AliasListEntry)', async () => {
    const { vault, kms, a } = await setup();
    vault.clock.advance({ hours: 1 });
    const { $metadata, ...out } = await kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: a.KeyId }));
    expect($metadata.httpStatusCode).toBe(200);
    expect(out).toEqual({});
    const created = new Date(START.getTime() + 3_600_000);
    expect(customerAliases((await kms.send(new ListAliasesCommand({}))).Aliases)).toEqual([
      {
        AliasName: 'alias/orders',
        AliasArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/orders`,
        TargetKeyId: a.KeyId,
        CreationDate: created,
        LastUpdatedDate: created,
      },
    ]);
  });

  it('the alias then names its key in DescribeKey and in cryptographic operations (API Reference, CreateAlias)', async () => {
    const { kms, a } = await setup();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: a.Arn }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/orders' }))).KeyMetadata?.Arn).toBe(a.Arn);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/orders` }))).KeyMetadata?.Arn).toBe(a.Arn);
    expect((await kms.send(new EncryptCommand({ KeyId: 'alias/orders', Plaintext: Buffer.from('x') }))).KeyId).toBe(a.Arn);
  });

  it('TargetKeyId takes a key id or key ARN, not an alias name or alias ARN: NotFoundException (API Reference, CreateAlias TargetKeyId)', async () => {
    const { kms, a } = await setup();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/first', TargetKeyId: a.KeyId }));
    const before = await vaultView(kms);
    for (const target of ['alias/first', `arn:aws:kms:us-east-1:${ACCOUNT}:alias/first`]) {
      await expectKmsError(kms.send(new CreateAliasCommand({ AliasName: 'alias/second', TargetKeyId: target })), {
        type: NotFoundException,
        status: 400,
        message: `Invalid keyId '${target}'`,
      });
    }
    expect(await vaultView(kms)).toEqual(before);
  });

  it('an alias name must begin with alias/: ValidationException, nothing created (API Reference, CreateAlias AliasName)', async () => {
    const { kms, a } = await setup();
    const before = await vaultView(kms);
    await expectKmsError(kms.send(new CreateAliasCommand({ AliasName: 'orders', TargetKeyId: a.KeyId })), {
      type: 'ValidationException',
      status: 400,
      message: ALIAS_PREFIX_MESSAGE,
    });
    expect(await vaultView(kms)).toEqual(before);
  });

  it('an alias name may not begin with alias/aws/, reserved for AWS managed keys: NotAuthorizedException, nothing created (API Reference, CreateAlias AliasName)', async () => {
    const { kms, a } = await setup();
    const before = await vaultView(kms);
    // KMS sends this error without a message; the SDK reports that as 'UnknownError'.
    await expectKmsError(kms.send(new CreateAliasCommand({ AliasName: 'alias/aws/s3', TargetKeyId: a.KeyId })), {
      type: 'NotAuthorizedException',
      status: 400,
      message: 'UnknownError',
    });
    expect(await vaultView(kms)).toEqual(before);
  });

  it('an alias name may contain only alphanumerics, /, _, - and :, else ValidationException for the pattern (API Reference, CreateAlias AliasName)', async () => {
    const { kms, a } = await setup();
    await expectKmsError(kms.send(new CreateAliasCommand({ AliasName: 'alias/my orders', TargetKeyId: a.KeyId })), {
      type: 'ValidationException',
      status: 400,
      message:
        "1 validation error detected: Value 'alias/my orders' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$",
    });
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/Team_A/orders-2026', TargetKeyId: a.KeyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/Team_A/orders-2026' }))).KeyMetadata?.KeyId).toBe(a.KeyId);
  });

  it('an alias name that exists in the account and Region gives AlreadyExistsException; the alias keeps its key (API Reference, CreateAlias errors)', async () => {
    const { vault, kms, a, b } = await setup();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: a.KeyId }));
    vault.clock.advance({ days: 1 });
    const before = await vaultView(kms);
    await expectKmsError(kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: b.KeyId })), {
      type: AlreadyExistsException,
      status: 400,
      message: `An alias with the name arn:aws:kms:us-east-1:${ACCOUNT}:alias/orders already exists`,
    });
    expect(await vaultView(kms)).toEqual(before);
  });

  it('the same alias name can be used in another Region (API Reference, CreateAlias: unique in the account and Region)', async () => {
    const { vault, kms, a } = await setup();
    const ireland = new KMSClient({ region: 'eu-west-1' });
    ireland.middlewareStack.use(vaultPlugin(vault));
    const irish = (await ireland.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string };
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: a.KeyId }));
    await ireland.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: irish.KeyId }));
    expect(customerAliases((await ireland.send(new ListAliasesCommand({}))).Aliases).map((x) => [x.AliasArn, x.TargetKeyId])).toEqual([
      [`arn:aws:kms:eu-west-1:${ACCOUNT}:alias/orders`, irish.KeyId],
    ]);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/orders' }))).KeyMetadata?.KeyId).toBe(a.KeyId);
  });

  it('a key can have several aliases (API Reference, CreateAlias)', async () => {
    const { kms, a } = await setup();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/one', TargetKeyId: a.KeyId }));
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/two', TargetKeyId: a.Arn }));
    const aliases = (await kms.send(new ListAliasesCommand({ KeyId: a.KeyId }))).Aliases ?? [];
    expect(aliases.map((x) => x.AliasName).sort()).toEqual(['alias/one', 'alias/two']);
  });

  it('a Disabled key can be given an alias (Developer Guide, key states: CreateAlias on Disabled)', async () => {
    const { kms, a } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: a.KeyId }));
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/dormant', TargetKeyId: a.KeyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/dormant' }))).KeyMetadata).toMatchObject({ KeyId: a.KeyId, KeyState: 'Disabled' });
  });

  it('a key pending deletion cannot be given an alias: KMSInvalidStateException "<key ARN> is pending deletion.", nothing created (Developer Guide, key states: CreateAlias on PendingDeletion)', async () => {
    const { kms, a } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: a.KeyId }));
    const before = await vaultView(kms);
    await expectKmsError(kms.send(new CreateAliasCommand({ AliasName: 'alias/late', TargetKeyId: a.KeyId })), {
      type: KMSInvalidStateException,
      status: 400,
      message: `${a.Arn} is pending deletion.`,
    });
    expect(await vaultView(kms)).toEqual(before);
  });

  it('a TargetKeyId that names no key, or a key ARN of another Region, gives NotFoundException, nothing created (API Reference, CreateAlias: a valid KMS key is required)', async () => {
    const { kms, a } = await setup();
    const before = await vaultView(kms);
    const missing = '0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9';
    await expectKmsError(kms.send(new CreateAliasCommand({ AliasName: 'alias/none', TargetKeyId: missing })), {
      type: NotFoundException,
      status: 400,
      message: `Key 'arn:aws:kms:us-east-1:${ACCOUNT}:key/${missing}' does not exist`,
    });
    await expectKmsError(kms.send(new CreateAliasCommand({ AliasName: 'alias/none', TargetKeyId: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${a.KeyId}` })), {
      type: NotFoundException,
      status: 400,
      message: 'Invalid arn eu-west-1',
    });
    expect(await vaultView(kms)).toEqual(before);
  });
});
