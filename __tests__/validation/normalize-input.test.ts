import {
  CreateKeyCommand,
  DescribeKeyCommand,
  EncryptCommand,
  DecryptCommand,
  GenerateDataKeyCommand,
  ImportKeyMaterialCommand,
  KMSClient,
  ListKeysCommand,
  NotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import { OPERATION_NAMES, type OperationName } from '../../src/contract/generated';
import { normalizeInput } from '../../src/validation/normalize-input';
import { expectKmsError } from '../helpers/expect-kms-error';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';
import { asWire, wireClient } from '../helpers/wire-body';

/** A client whose request handler keeps the JSON body the SDK would have sent, and sends nothing. */
function wireJsonClient(): { client: KMSClient; body: () => unknown } {
  const { client, lastBody } = wireClient();
  return { client, body: () => JSON.parse(lastBody()) as unknown };
}

const bytes = Buffer.from('payload');
const CASES: readonly [OperationName, Record<string, unknown>][] = [
  ['Encrypt', { KeyId: 'k', Plaintext: bytes, EncryptionContext: new Date(0) }],
  [
    'Encrypt',
    { KeyId: 'k', Plaintext: bytes, EncryptionContext: { a: null, b: undefined, c: 'd', e: new Date(0), f: NaN, g: 5, h: { x: 1 } }, GrantTokens: null },
  ],
  ['Encrypt', { KeyId: 'k', Plaintext: bytes, GrantTokens: [null, 'token', undefined, Infinity, new Date(0)] }],
  ['Encrypt', { KeyId: NaN, Plaintext: 'text as a string' }],
  ['Encrypt', { KeyId: 5n, Plaintext: [1, 2], EncryptionAlgorithm: null }],
  ['Encrypt', { KeyId: new Date(0), Plaintext: { a: 1 } }],
  ['Encrypt', { KeyId: ['a'], Plaintext: new ArrayBuffer(2), EncryptionContext: ['a'] }],
  ['Encrypt', { KeyId: { a: 1 }, Plaintext: 5, EncryptionContext: new Map([['a', 'b']]) }],
  ['Encrypt', { KeyId: 'k', Plaintext: bytes, EncryptionContext: Buffer.from('ab'), Unknown: 'dropped' }],
  ['Encrypt', { KeyId: 'k', Plaintext: bytes, EncryptionContext: 'text' }],
  ['ListKeys', { Limit: NaN, Marker: null }],
  ['ListKeys', { Limit: -Infinity, Marker: 5 }],
  ['ListKeys', { Limit: 1.5, Marker: true }],
  ['ListKeys', { Limit: '5', Marker: new Date(1) }],
  ['ListKeys', { Limit: 7n }],
  ['ListKeys', { Limit: new Date(0) }],
  ['TagResource', { KeyId: 'k', Tags: [null, { TagKey: 'a', TagValue: null }, undefined, 'x', [1], new Date(0)] }],
  ['TagResource', { KeyId: 'k', Tags: { TagKey: 'a' } }],
  ['TagResource', { KeyId: 'k', Tags: 'abc' }],
  ['UntagResource', { KeyId: 'k', TagKeys: [null, 'a', NaN] }],
  ['ImportKeyMaterial', { KeyId: 'k', ImportToken: bytes, EncryptedKeyMaterial: bytes, ValidTo: 1700000000 }],
  ['ImportKeyMaterial', { KeyId: 'k', ImportToken: bytes, EncryptedKeyMaterial: bytes, ValidTo: new Date(1700000000123) }],
  ['ImportKeyMaterial', { KeyId: 'k', ImportToken: bytes, EncryptedKeyMaterial: bytes, ValidTo: '2030-01-01T00:00:00Z', ExpirationModel: null }],
  ['CreateKey', { MultiRegion: 'yes', BypassPolicyLockoutSafetyCheck: 1, KeySpec: null, CustomerMasterKeySpec: null, XksKeyId: null }],
  ['GenerateDataKey', { KeyId: 'k', NumberOfBytes: null, KeySpec: 'AES_256', Recipient: { KeyEncryptionAlgorithm: null, AttestationDocument: 'abc' } }],
  ['GenerateRandom', { Recipient: [1, 2] }],
  ['GenerateRandom', { Recipient: 'x', NumberOfBytes: Infinity }],
  ['Decrypt', { CiphertextBlob: null, KeyId: null, GrantTokens: [], DryRun: null }],
  ['ReEncrypt', { CiphertextBlob: bytes, SourceKeyId: null, DestinationKeyId: 'k', SourceEncryptionContext: { a: null } }],
];

describe('input normalization: what the SDK puts on the wire', () => {
  it.each(CASES.map(([operation, input], i) => [i, operation, input] as const))(
    'case %i, %s: normalized input equals the JSON body of @aws-sdk/client-kms',
    async (_i, operation, input) => {
      const { client, body } = wireJsonClient();
      const Command = (await import('@aws-sdk/client-kms'))[`${operation}Command`] as unknown as new (input: unknown) => Parameters<KMSClient['send']>[0];
      await expect(client.send(new Command(input))).rejects.toThrow('not sent');
      expect(asWire(normalizeInput(operation, input))).toEqual(body());
    },
  );

  it('every operation of the contract normalizes an empty input to an empty one, and keeps a non-object for validation', () => {
    for (const operation of OPERATION_NAMES) {
      expect(normalizeInput(operation, {})).toEqual({});
      expect(normalizeInput(operation, 'text')).toBe('text');
    }
  });

  it("never changes the caller's object", () => {
    const input = { KeyId: 'k', Plaintext: 'x', EncryptionContext: { a: null, b: NaN } };
    const before = JSON.stringify(input);
    normalizeInput('Encrypt', input);
    expect(JSON.stringify(input)).toBe(before);
    expect(input.EncryptionContext.b).toBeNaN();
  });
});

describe('null and undefined members are absent, as the SDK sends them', () => {
  it('GrantTokens: null, Marker: null, encryption context values null/undefined, Tags: [null], TagKeys: [null] are ignored', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: null, CustomerMasterKeySpec: null, XksKeyId: null, Tags: [null] } as never));
    const keyId = KeyMetadata?.KeyId as string;
    const context = { purpose: 'test', dropped: null, alsoDropped: undefined };
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: bytes, EncryptionContext: context, GrantTokens: null } as never));
    const { Plaintext } = await kms.send(
      new DecryptCommand({ CiphertextBlob, KeyId: null, EncryptionContext: { purpose: 'test', x: null }, GrantTokens: [null] } as never),
    );
    expect(Buffer.from(Plaintext as Uint8Array).toString()).toBe('payload');
    await kms.send(new ListKeysCommand({ Marker: null, Limit: null } as never));
    await kms.send(new TagResourceCommand({ KeyId: keyId, Tags: [null, { TagKey: 'a', TagValue: 'b' }] } as never));
    await kms.send(new UntagResourceCommand({ KeyId: keyId, TagKeys: [null, 'a'] } as never));
    expect((await kms.send(new ListResourceTagsCommand({ KeyId: keyId, Marker: null } as never))).Tags).toEqual([]);
  });

  it('GenerateDataKey with KeySpec and NumberOfBytes: null takes the KeySpec alone', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const out = await kms.send(new GenerateDataKeyCommand({ KeyId: KeyMetadata?.KeyId, KeySpec: 'AES_256', NumberOfBytes: null } as never));
    expect(out.Plaintext).toHaveLength(32);
  });

  it('ImportKeyMaterial with ValidTo: null and KEY_MATERIAL_DOES_NOT_EXPIRE is not refused for ValidTo', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL' }));
    // The import token is not the vault's: the call fails later, on the token, not on ValidTo.
    const error = await kmsErrorOf(
      kms.send(
        new ImportKeyMaterialCommand({
          KeyId: KeyMetadata?.KeyId,
          ImportToken: bytes,
          EncryptedKeyMaterial: bytes,
          ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
          ValidTo: null,
        } as never),
      ),
    );
    expect(error.name).toBe('InvalidImportTokenException');
  });
});

describe('values the SDK sends as something else', () => {
  it('a Date as EncryptionContext is sent as a string: SerializationException, not an empty context', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: bytes, EncryptionContext: new Date(0) } as never)), {
      type: 'SerializationException',
      status: 400,
    });
  });

  it('NaN as KeyId is sent as the string "NaN": NotFoundException for that key id', async () => {
    const { kms } = vaultClient();
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: NaN } as never)), { type: NotFoundException, status: 400, message: "Invalid keyId 'NaN'" });
  });

  it('a BigInt where a string is expected is sent as a number: SerializationException', async () => {
    const { kms } = vaultClient();
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: 5n } as never)), { type: 'SerializationException', status: 400 });
  });

  it('a BigInt inside a map, which the SDK cannot serialize, is a SerializationException, not an internal error', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: bytes, EncryptionContext: { a: 5n } } as never)), {
      type: 'SerializationException',
      status: 400,
    });
  });

  it('a string Plaintext is its UTF-8 bytes, as the SDK base64-encodes it', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: 'héllo' } as never));
    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(Plaintext as Uint8Array).toString('utf8')).toBe('héllo');
  });
});

describe('grant tokens', () => {
  it('DescribeKey with GrantTokens does not answer InvalidGrantTokenException, which DescribeKey does not document', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const out = await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId, GrantTokens: ['not-a-token-the-vault-issued'] }));
    expect(out.KeyMetadata?.KeyId).toBe(KeyMetadata?.KeyId);
  });
});

describe('map keys', () => {
  it('an encryption context key "__proto__" (as JSON.parse makes it) stays a key of the map', () => {
    const input = JSON.parse('{"KeyId":"k","Plaintext":"eA==","EncryptionContext":{"__proto__":"a","b":"c"}}') as Record<string, unknown>;
    const normalized = normalizeInput('Encrypt', input) as { EncryptionContext: Record<string, string> };
    expect(Object.entries(normalized.EncryptionContext)).toEqual([
      ['__proto__', 'a'],
      ['b', 'c'],
    ]);
  });
});
