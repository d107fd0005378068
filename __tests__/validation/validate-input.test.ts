import { CreateAliasCommand, CreateKeyCommand, DescribeKeyCommand, EncryptCommand, TagResourceCommand } from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

/** Input validation derived from the KMS model (kms-contract.json), worded as AWS words it. */
describe('input validation (AWS JSON protocol ValidationException)', () => {
  it('shows the value of string members, and not of blobs', async () => {
    const { kms } = vaultClient();
    const error = await kmsErrorOf(kms.send(new DescribeKeyCommand({ KeyId: '' })));
    expect(error.message).toBe("1 validation error detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1");
    expect(error.$fault).toBe('client');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('counts length in characters for strings (KeyId up to 2048)', async () => {
    const { kms } = vaultClient();
    const long = 'k'.repeat(2049);
    const error = await kmsErrorOf(kms.send(new DescribeKeyCommand({ KeyId: long })));
    expect(error.message).toBe(`1 validation error detected: Value '${long}' at 'keyId' failed to satisfy constraint: Member must have length less than or equal to 2048`);
  });

  it('reports several errors at once, joined by "; "', async () => {
    const { kms } = vaultClient();
    const error = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: '', Plaintext: new Uint8Array(0) })));
    expect(error.message).toBe(
      "2 validation errors detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1; Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('checks list members and nested structures with indexed paths (tags.1.member.tagKey)', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const error = await kmsErrorOf(kms.send(new TagResourceCommand({ KeyId: KeyMetadata?.KeyId, Tags: [{ TagKey: 'k'.repeat(129), TagValue: 'v' }] })));
    expect(error.message).toBe(`1 validation error detected: Value '${'k'.repeat(129)}' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128`);
    const tokens = await kmsErrorOf(kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.from('x'), GrantTokens: Array(11).fill('t') })));
    expect(tokens.message).toBe("1 validation error detected: Value '[t, t, t, t, t, t, t, t, t, t, t]' at 'grantTokens' failed to satisfy constraint: Member must have length less than or equal to 10");
  });

  it('checks patterns (AliasName) and leaves the vault unchanged', async () => {
    const { kms, vault } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await kmsErrorOf(kms.send(new CreateAliasCommand({ AliasName: 'alias/bad name!', TargetKeyId: KeyMetadata?.KeyId })));
    expect(vault.execute('ListAliases', {}).Aliases).toEqual([]);
  });

  it('a member of the wrong JSON type is a SerializationException, never a TypeError', async () => {
    const { kms } = vaultClient();
    const error = await kmsErrorOf(kms.send(new DescribeKeyCommand({ KeyId: 42 as unknown as string })));
    expect(error.name).toBe('SerializationException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});
