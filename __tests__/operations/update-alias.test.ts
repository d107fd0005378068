import {
  CreateAliasCommand,
  CreateKeyCommand,
  type CreateKeyCommandInput,
  DescribeKeyCommand,
  DisableKeyCommand,
  KMSInvalidStateException,
  ListAliasesCommand,
  NotFoundException,
  ScheduleKeyDeletionCommand,
  UpdateAliasCommand,
} from '@aws-sdk/client-kms';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';
import { vaultView } from '../helpers/vault-view';
import { customerAliases } from '../helpers/customer-aliases';

const START = new Date('2026-04-01T00:00:00Z');
const ACCOUNT = '111122223333';
const ALIAS_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`;

async function setup() {
  const { vault, kms } = vaultClient({ seed: 'update-alias', clock: START });
  const a = (await kms.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string; Arn: string };
  const b = (await kms.send(new CreateKeyCommand({}))).KeyMetadata as { KeyId: string; Arn: string };
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/app', TargetKeyId: a.KeyId }));
  return { vault, kms, a, b };
}

describe('UpdateAlias', () => {
  it('points the alias at another key, answers with no data, and updates LastUpdatedDate only (API Reference, UpdateAlias; ListAliases AliasListEntry)', async () => {
    const { vault, kms, b } = await setup();
    vault.clock.advance({ days: 2 });
    const { $metadata, ...out } = await kms.send(new UpdateAliasCommand({ AliasName: 'alias/app', TargetKeyId: b.KeyId }));
    expect($metadata.httpStatusCode).toBe(200);
    expect(out).toEqual({});
    expect(customerAliases((await kms.send(new ListAliasesCommand({}))).Aliases)).toEqual([
      { AliasName: 'alias/app', AliasArn: ALIAS_ARN, TargetKeyId: b.KeyId, CreationDate: START, LastUpdatedDate: new Date('2026-04-03T00:00:00Z') },
    ]);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/app' }))).KeyMetadata?.KeyId).toBe(b.KeyId);
  });

  it('the key the alias left is not affected (API Reference, UpdateAlias: aliases are not a property of the key)', async () => {
    const { kms, a, b } = await setup();
    const before = (await kms.send(new DescribeKeyCommand({ KeyId: a.KeyId }))).KeyMetadata;
    await kms.send(new UpdateAliasCommand({ AliasName: 'alias/app', TargetKeyId: b.Arn }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: a.KeyId }))).KeyMetadata).toEqual(before);
    expect((await kms.send(new ListAliasesCommand({ KeyId: a.KeyId }))).Aliases).toEqual([]);
  });

  it('TargetKeyId takes a key id or key ARN, not an alias name or alias ARN: NotFoundException (API Reference, UpdateAlias TargetKeyId)', async () => {
    const { kms, b } = await setup();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/other', TargetKeyId: b.KeyId }));
    const before = await vaultView(kms);
    for (const target of ['alias/other', `arn:aws:kms:us-east-1:${ACCOUNT}:alias/other`]) {
      await expectKmsError(kms.send(new UpdateAliasCommand({ AliasName: 'alias/app', TargetKeyId: target })), {
        type: NotFoundException,
        status: 400,
        message: `Invalid keyId '${target}'`,
      });
    }
    expect(await vaultView(kms)).toEqual(before);
  });

  it('an alias that does not exist gives NotFoundException with the alias ARN; UpdateAlias does not create aliases (API Reference, UpdateAlias errors)', async () => {
    const { kms, b } = await setup();
    const before = await vaultView(kms);
    await expectKmsError(kms.send(new UpdateAliasCommand({ AliasName: 'alias/missing', TargetKeyId: b.KeyId })), {
      type: NotFoundException,
      status: 400,
      message: `Alias arn:aws:kms:us-east-1:${ACCOUNT}:alias/missing is not found.`,
    });
    expect(await vaultView(kms)).toEqual(before);
  });

  it('AliasName must begin with alias/ and may not begin with alias/aws/ (API Reference, UpdateAlias AliasName)', async () => {
    const { kms, b } = await setup();
    const before = await vaultView(kms);
    await expectKmsError(kms.send(new UpdateAliasCommand({ AliasName: 'app', TargetKeyId: b.KeyId })), {
      type: 'ValidationException',
      status: 400,
      message: 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    });
    await expectKmsError(kms.send(new UpdateAliasCommand({ AliasName: 'alias/aws/ebs', TargetKeyId: b.KeyId })), {
      type: 'NotAuthorizedException',
      status: 400,
      message: 'UnknownError',
    });
    expect(await vaultView(kms)).toEqual(before);
  });

  it.each<[string, CreateKeyCommandInput]>([
    ['an HMAC key (another key type)', { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }],
    ['an asymmetric key (another key type)', { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }],
  ])(
    "a symmetric encryption key's alias cannot move to %s: ValidationException, alias unchanged (API Reference, UpdateAlias: same type and key usage)",
    async (_, spec) => {
      const { kms } = await setup();
      const other = (await kms.send(new CreateKeyCommand(spec))).KeyMetadata as { KeyId: string };
      const before = await vaultView(kms);
      // AWS's message for this refusal is not on record; the class and status are what callers branch on.
      await expectKmsError(kms.send(new UpdateAliasCommand({ AliasName: 'alias/app', TargetKeyId: other.KeyId })), {
        type: 'ValidationException',
        status: 400,
      });
      expect(await vaultView(kms)).toEqual(before);
    },
  );

  it('between asymmetric keys the key usage must match, not the key spec (API Reference, UpdateAlias: same type and key usage)', async () => {
    const { kms } = await setup();
    const rsaSign = (await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }))).KeyMetadata as { KeyId: string };
    const eccSign = (await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }))).KeyMetadata as { KeyId: string };
    const rsaEncrypt = (await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }))).KeyMetadata as { KeyId: string };
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/signer', TargetKeyId: rsaSign.KeyId }));
    await kms.send(new UpdateAliasCommand({ AliasName: 'alias/signer', TargetKeyId: eccSign.KeyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/signer' }))).KeyMetadata?.KeyId).toBe(eccSign.KeyId);
    await expectKmsError(kms.send(new UpdateAliasCommand({ AliasName: 'alias/signer', TargetKeyId: rsaEncrypt.KeyId })), {
      type: 'ValidationException',
      status: 400,
    });
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/signer' }))).KeyMetadata?.KeyId).toBe(eccSign.KeyId);
  });

  it('a new target pending deletion gives KMSInvalidStateException "<key ARN> is pending deletion.", alias unchanged (Developer Guide, key states: UpdateAlias footnote)', async () => {
    const { kms, b } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: b.KeyId }));
    const before = await vaultView(kms);
    await expectKmsError(kms.send(new UpdateAliasCommand({ AliasName: 'alias/app', TargetKeyId: b.KeyId })), {
      type: KMSInvalidStateException,
      status: 400,
      message: `${b.Arn} is pending deletion.`,
    });
    expect(await vaultView(kms)).toEqual(before);
  });

  it('an alias whose current key is pending deletion can be moved to another key (Developer Guide, key states: UpdateAlias footnote)', async () => {
    const { kms, a, b } = await setup();
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: a.KeyId }));
    await kms.send(new UpdateAliasCommand({ AliasName: 'alias/app', TargetKeyId: b.KeyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/app' }))).KeyMetadata).toMatchObject({ KeyId: b.KeyId, KeyState: 'Enabled' });
  });

  it('a Disabled key can become the target (Developer Guide, key states: UpdateAlias on Disabled)', async () => {
    const { kms, b } = await setup();
    await kms.send(new DisableKeyCommand({ KeyId: b.KeyId }));
    await kms.send(new UpdateAliasCommand({ AliasName: 'alias/app', TargetKeyId: b.KeyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/app' }))).KeyMetadata).toMatchObject({ KeyId: b.KeyId, KeyState: 'Disabled' });
  });

  it('a TargetKeyId that names no key, or a key ARN of another Region, gives NotFoundException, alias unchanged (API Reference, UpdateAlias: same account and Region)', async () => {
    const { kms, b } = await setup();
    const before = await vaultView(kms);
    const missing = '0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9';
    await expectKmsError(kms.send(new UpdateAliasCommand({ AliasName: 'alias/app', TargetKeyId: missing })), {
      type: NotFoundException,
      status: 400,
      message: `Key 'arn:aws:kms:us-east-1:${ACCOUNT}:key/${missing}' does not exist`,
    });
    await expectKmsError(kms.send(new UpdateAliasCommand({ AliasName: 'alias/app', TargetKeyId: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${b.KeyId}` })), {
      type: NotFoundException,
      status: 400,
      message: 'Invalid arn eu-west-1',
    });
    expect(await vaultView(kms)).toEqual(before);
  });
});
