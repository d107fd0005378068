import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  EncryptCommand,
  KeySpec,
  KeyUsageType,
  ListAliasesCommand,
  ListKeysCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
} from '@aws-sdk/client-kms';
import { expectKmsError } from '../helpers/expect-kms-error';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';
import { vaultView } from '../helpers/vault-view';
import { customerAliases } from '../helpers/customer-aliases';

/**
 * Input validation as AWS's JSON services report it (ValidationException, "<n> validation error(s)
 * detected: ..."), from the constraints of the KMS model and the ranges the API Reference documents.
 */

const validation = (message: string) => ({ type: 'ValidationException', status: 400, message }) as const;

/** The values listed in an enum constraint message, in the order AWS lists them. */
function enumValues(message: string): string[] {
  const m = /Member must satisfy enum value set: \[(.*)\]$/.exec(message);
  return m?.[1]?.split(', ') ?? [];
}

describe('input validation: required members', () => {
  it('a missing required member is "Value null ... Member must not be null" (API Reference, DescribeKey KeyId: Required)', async () => {
    const { kms } = vaultClient();
    await expectKmsError(
      kms.send(new DescribeKeyCommand({} as never)),
      validation("1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null"),
    );
  });

  it('several missing required members are each reported, counted and joined by "; " (API Reference, CreateAlias AliasName, TargetKeyId: Required)', async () => {
    const { kms } = vaultClient();
    await expectKmsError(
      kms.send(new CreateAliasCommand({} as never)),
      validation(
        "2 validation errors detected: Value null at 'aliasName' failed to satisfy constraint: Member must not be null; Value null at 'targetKeyId' failed to satisfy constraint: Member must not be null",
      ),
    );
  });

  it('a required member of a list item is reported with its 1-based path (API Reference, Tag TagValue: Required)', async () => {
    const { kms } = vaultClient();
    const before = await vaultView(kms);
    await expectKmsError(
      kms.send(new CreateKeyCommand({ Tags: [{ TagKey: 'team', TagValue: 'a' }, { TagKey: 'env' } as never] })),
      validation("1 validation error detected: Value null at 'tags.2.member.tagValue' failed to satisfy constraint: Member must not be null"),
    );
    expect(await vaultView(kms)).toEqual(before);
  });
});

describe('input validation: lengths', () => {
  it('KeyId must have 1 to 2048 characters; the value is echoed (API Reference, DescribeKey KeyId)', async () => {
    const { kms } = vaultClient();
    await expectKmsError(
      kms.send(new DescribeKeyCommand({ KeyId: '' })),
      validation("1 validation error detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1"),
    );
    const long = 'k'.repeat(2049);
    await expectKmsError(
      kms.send(new DescribeKeyCommand({ KeyId: long })),
      validation(`1 validation error detected: Value '${long}' at 'keyId' failed to satisfy constraint: Member must have length less than or equal to 2048`),
    );
  });

  it('Description may have up to 8192 characters, and a failed CreateKey creates nothing (API Reference, CreateKey Description)', async () => {
    const { kms } = vaultClient();
    const before = await vaultView(kms);
    const long = 'd'.repeat(8193);
    await expectKmsError(
      kms.send(new CreateKeyCommand({ Description: long })),
      validation(
        `1 validation error detected: Value '${long}' at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192`,
      ),
    );
    expect(await vaultView(kms)).toEqual(before);
    expect((await kms.send(new CreateKeyCommand({ Description: 'd'.repeat(8192) }))).KeyMetadata?.Description).toHaveLength(8192);
  });

  it('lengths of string members count characters, not UTF-16 code units (Smithy length trait, as the KMS model applies it to CreateKey Description)', async () => {
    const { kms } = vaultClient();
    const emoji = '\u{1F511}'.repeat(8192);
    expect((await kms.send(new CreateKeyCommand({ Description: emoji }))).KeyMetadata?.Description).toBe(emoji);
  });

  it('a blob member is never echoed in the message (API Reference, Encrypt Plaintext: 1 to 4096 bytes)', async () => {
    const { kms } = vaultClient();
    const key = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
    await expectKmsError(
      kms.send(new EncryptCommand({ KeyId: key?.KeyId, Plaintext: new Uint8Array(4097) })),
      validation("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096"),
    );
  });

  it('a list member and the members of its items are checked with indexed paths (API Reference, TagResource Tags; Tag TagKey: up to 128)', async () => {
    const { kms } = vaultClient();
    const key = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
    const tagKey = 'k'.repeat(129);
    await expectKmsError(
      kms.send(new TagResourceCommand({ KeyId: key?.KeyId, Tags: [{ TagKey: tagKey, TagValue: 'v' }] })),
      validation(
        `1 validation error detected: Value '${tagKey}' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128`,
      ),
    );
    await expectKmsError(
      kms.send(new EncryptCommand({ KeyId: key?.KeyId, Plaintext: Buffer.from('x'), GrantTokens: Array(11).fill('t') })),
      validation(
        "1 validation error detected: Value '[t, t, t, t, t, t, t, t, t, t, t]' at 'grantTokens' failed to satisfy constraint: Member must have length less than or equal to 10",
      ),
    );
  });
});

describe('input validation: ranges', () => {
  it('ListKeys Limit must be 1 to 1000 (API Reference, ListKeys Limit)', async () => {
    const { kms } = vaultClient();
    await expectKmsError(
      kms.send(new ListKeysCommand({ Limit: 0 })),
      validation("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"),
    );
    await expectKmsError(
      kms.send(new ListKeysCommand({ Limit: 1001 })),
      validation("1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000"),
    );
    expect((await kms.send(new ListKeysCommand({ Limit: 1000 }))).Truncated).toBe(false);
  });

  it("ListAliases Limit must be 1 to 100, stricter than the model's 1 to 1000 (API Reference, ListAliases Limit)", async () => {
    const { kms } = vaultClient();
    await expectKmsError(
      kms.send(new ListAliasesCommand({ Limit: 101 })),
      validation("1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100"),
    );
    await expectKmsError(
      kms.send(new ListAliasesCommand({ Limit: 0 })),
      validation("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"),
    );
    for (const Limit of [1, 100]) expect(customerAliases((await kms.send(new ListAliasesCommand({ Limit }))).Aliases)).toEqual([]);
  });

  it("ScheduleKeyDeletion PendingWindowInDays must be 7 to 30, stricter than the model's 1 to 365: KMS checks it itself, with its own message; the key stays as it was (API Reference, ScheduleKeyDeletion PendingWindowInDays)", async () => {
    const { kms } = vaultClient();
    const key = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
    const before = await vaultView(kms);
    await expectKmsError(
      kms.send(new ScheduleKeyDeletionCommand({ KeyId: key?.KeyId, PendingWindowInDays: 1 })),
      validation('PendingWindowInDays must be between 7 and 30'),
    );
    await expectKmsError(
      kms.send(new ScheduleKeyDeletionCommand({ KeyId: key?.KeyId, PendingWindowInDays: 365 })),
      validation('PendingWindowInDays must be between 7 and 30'),
    );
    await expectKmsError(
      kms.send(new ScheduleKeyDeletionCommand({ KeyId: key?.KeyId, PendingWindowInDays: 366 })),
      validation(
        "1 validation error detected: Value '366' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 365",
      ),
    );
    expect(await vaultView(kms)).toEqual(before);
  });
});

describe('input validation: enums', () => {
  it('an unknown KeySpec lists every KeySpec value of the API (API Reference, CreateKey KeySpec: Valid Values)', async () => {
    const { kms } = vaultClient();
    const error = await expectKmsError(kms.send(new CreateKeyCommand({ KeySpec: 'AES_256' as KeySpec })), { type: 'ValidationException', status: 400 });
    expect(error.message).toMatch(
      /^1 validation error detected: Value 'AES_256' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: \[[A-Z0-9_, ]+\]$/,
    );
    expect(enumValues(error.message).sort()).toEqual(Object.values(KeySpec).sort());
  });

  it('an unknown KeyUsage lists every KeyUsage value of the API (API Reference, CreateKey KeyUsage: Valid Values)', async () => {
    const { kms } = vaultClient();
    const error = await kmsErrorOf(kms.send(new CreateKeyCommand({ KeyUsage: 'ENCRYPT' as KeyUsageType })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(
      /^1 validation error detected: Value 'ENCRYPT' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: \[/,
    );
    expect(enumValues(error.message).sort()).toEqual(Object.values(KeyUsageType).sort());
  });
});

describe('input validation: patterns', () => {
  it('AliasName must match ^[a-zA-Z0-9:/_-]+$, and nothing is created (API Reference, CreateAlias AliasName: Pattern)', async () => {
    const { kms } = vaultClient();
    const key = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
    const before = await vaultView(kms);
    await expectKmsError(
      kms.send(new CreateAliasCommand({ AliasName: 'alias/bad name!', TargetKeyId: key?.KeyId })),
      validation(
        "1 validation error detected: Value 'alias/bad name!' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$",
      ),
    );
    expect(await vaultView(kms)).toEqual(before);
  });

  it('a Marker must consist of characters U+0020 to U+00FF (API Reference, ListKeys Marker: Pattern)', async () => {
    const { kms } = vaultClient();
    await expectKmsError(
      kms.send(new ListKeysCommand({ Marker: 'mark\u0101' })),
      validation(
        "1 validation error detected: Value 'mark\u0101' at 'marker' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\u0020-\\u00FF]*$",
      ),
    );
  });
});

describe('input validation: several errors and precedence', () => {
  it('reports every violated constraint in one ValidationException, in member order (API Reference, ListAliases Limit, Marker)', async () => {
    const { kms } = vaultClient();
    await expectKmsError(
      kms.send(new ListAliasesCommand({ Limit: 0, Marker: '' })),
      validation(
        "2 validation errors detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1; Value '' at 'marker' failed to satisfy constraint: Member must have length greater than or equal to 1",
      ),
    );
    const { kms: other } = vaultClient();
    await expectKmsError(
      other.send(new EncryptCommand({ KeyId: '', Plaintext: new Uint8Array(0) })),
      validation(
        "2 validation errors detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1; Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1",
      ),
    );
  });

  it('input is validated before the key is looked up: a bad PendingWindowInDays for a key that does not exist is a ValidationException, not NotFoundException (AWS JSON protocol validation)', async () => {
    const { kms } = vaultClient();
    await expectKmsError(
      kms.send(new ScheduleKeyDeletionCommand({ KeyId: 'no-such-key', PendingWindowInDays: 0 })),
      validation(
        "1 validation error detected: Value '0' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value greater than or equal to 1",
      ),
    );
  });

  it('a member of the wrong JSON type is a SerializationException, never a TypeError (AWS JSON protocol)', async () => {
    const { kms } = vaultClient();
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: 42 as unknown as string })), {
      type: 'SerializationException',
      status: 400,
      message: "Unexpected value type at 'keyId'",
    });
  });
});
