import { CreateAliasCommand, CreateKeyCommand, ListAliasesCommand, ReplicateKeyCommand } from '@aws-sdk/client-kms';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';
import { vaultView } from '../helpers/vault-view';
import { customerAliases } from '../helpers/customer-aliases';

/*
 * Differences from real AWS found by running moto's KMS tests and LocalStack's recorded scenarios
 * against the server (docs/research/moto-and-localstack-qa.md). Each test names its evidence.
 */

describe('CreateAlias alias name characters', () => {
  it("rejects a colon, which the model's pattern admits: ValidationException '<name> contains invalid characters for an alias' (real AWS, terraform-provider-aws#12891)", async () => {
    const { kms } = vaultClient({ seed: 'alias-colon' });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const before = await vaultView(kms);
    await expectKmsError(kms.send(new CreateAliasCommand({ AliasName: 'alias/Service:Test', TargetKeyId: KeyMetadata?.KeyId })), {
      type: 'ValidationException',
      status: 400,
      message: 'alias/Service:Test contains invalid characters for an alias',
    });
    expect(await vaultView(kms)).toEqual(before);
    expect(customerAliases((await kms.send(new ListAliasesCommand({}))).Aliases)).toEqual([]);
  });

  it('the prefix rule comes first: a name without alias/ gets the prefix message even with a colon (recorded, LocalStack test_create_alias)', async () => {
    const { kms } = vaultClient({ seed: 'alias-colon-prefix' });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await expectKmsError(kms.send(new CreateAliasCommand({ AliasName: 'Service:Test', TargetKeyId: KeyMetadata?.KeyId })), {
      type: 'ValidationException',
      status: 400,
      message: 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    });
  });

  it('letters, digits, slashes, underscores and dashes are accepted (API Reference, CreateAlias AliasName)', async () => {
    const { kms } = vaultClient({ seed: 'alias-accepted' });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/my-alias_/Team1', TargetKeyId: KeyMetadata?.KeyId }));
    expect(customerAliases((await kms.send(new ListAliasesCommand({}))).Aliases).map((a) => a.AliasName)).toEqual(['alias/my-alias_/Team1']);
  });
});

describe('ReplicateKey response', () => {
  it('a replica created without tags has no ReplicaTags member (recorded, LocalStack test_replicate_key)', async () => {
    const { kms } = vaultClient({ seed: 'replica-no-tags' });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ MultiRegion: true }));
    const { $metadata, ...out } = await kms.send(new ReplicateKeyCommand({ KeyId: KeyMetadata?.KeyId, ReplicaRegion: 'ap-southeast-1' }));
    expect($metadata.httpStatusCode).toBe(200);
    expect(Object.keys(out).sort()).toEqual(['ReplicaKeyMetadata', 'ReplicaPolicy']);
  });

  it('a replica created with tags lists them in ReplicaTags (API Reference, ReplicateKey)', async () => {
    const { kms } = vaultClient({ seed: 'replica-tags' });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ MultiRegion: true }));
    const out = await kms.send(
      new ReplicateKeyCommand({ KeyId: KeyMetadata?.KeyId, ReplicaRegion: 'ap-southeast-1', Tags: [{ TagKey: 'team', TagValue: 'a' }] }),
    );
    expect(out.ReplicaTags).toEqual([{ TagKey: 'team', TagValue: 'a' }]);
  });
});
