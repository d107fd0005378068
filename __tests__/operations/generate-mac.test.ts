import { createHmac } from 'node:crypto';
import {
  CreateKeyCommand,
  DisableKeyCommand,
  DisabledException,
  GenerateMacCommand,
  InvalidKeyUsageException,
  type KeySpec,
  type MacAlgorithmSpec,
} from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('GenerateMac (API Reference, GenerateMac)', () => {
  it.each<[KeySpec, MacAlgorithmSpec, number]>([
    ['HMAC_224', 'HMAC_SHA_224', 28],
    ['HMAC_256', 'HMAC_SHA_256', 32],
    ['HMAC_384', 'HMAC_SHA_384', 48],
    ['HMAC_512', 'HMAC_SHA_512', 64],
  ])('a %s key makes %s tags of %i bytes, the same for the same message', async (KeySpec, MacAlgorithm, length) => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage: 'GENERATE_VERIFY_MAC' }));
    const first = await kms.send(new GenerateMacCommand({ KeyId: KeyMetadata?.KeyId, Message: Buffer.from('m'), MacAlgorithm }));
    expect(first).toMatchObject({ KeyId: KeyMetadata?.Arn, MacAlgorithm });
    expect(first.Mac).toHaveLength(length);
    const again = await kms.send(new GenerateMacCommand({ KeyId: KeyMetadata?.KeyId, Message: Buffer.from('m'), MacAlgorithm }));
    expect(Buffer.from(again.Mac as Uint8Array)).toEqual(Buffer.from(first.Mac as Uint8Array));
  });

  it('computes HMAC (RFC 2104) with the key secret: matches node:crypto given the same key material', async () => {
    const { kms, vault } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC' }));
    const secret = vault.state.peek(vault.accountId, vault.region)?.keys.get(KeyMetadata?.KeyId as string)?.currentMaterial.secret as Buffer;
    expect(secret).toHaveLength(48);
    const { Mac } = await kms.send(new GenerateMacCommand({ KeyId: KeyMetadata?.KeyId, Message: Buffer.from('hello'), MacAlgorithm: 'HMAC_SHA_384' }));
    expect(Buffer.from(Mac as Uint8Array)).toEqual(createHmac('sha384', secret).update('hello').digest());
  });

  it('rejects a MAC algorithm of another key spec: InvalidKeyUsageException "Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224." (recorded)', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_224', KeyUsage: 'GENERATE_VERIFY_MAC' }));
    const error = await kmsErrorOf(kms.send(new GenerateMacCommand({ KeyId: KeyMetadata?.KeyId, Message: Buffer.from('m'), MacAlgorithm: 'HMAC_SHA_256' })));
    expect(error).toBeInstanceOf(InvalidKeyUsageException);
    expect(error.message).toBe('Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.');
  });

  it('refuses a symmetric encryption key: "<arn> key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac." (recorded)', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const error = await kmsErrorOf(kms.send(new GenerateMacCommand({ KeyId: KeyMetadata?.KeyId, Message: Buffer.from('m'), MacAlgorithm: 'HMAC_SHA_256' })));
    expect(error.message).toBe(`${KeyMetadata?.Arn} key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.`);
  });

  it('fails with DisabledException on a disabled HMAC key', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }));
    await kms.send(new DisableKeyCommand({ KeyId: KeyMetadata?.KeyId }));
    expect(
      await kmsErrorOf(kms.send(new GenerateMacCommand({ KeyId: KeyMetadata?.KeyId, Message: Buffer.from('m'), MacAlgorithm: 'HMAC_SHA_256' }))),
    ).toBeInstanceOf(DisabledException);
  });

  it('validates MacAlgorithm against the enum, listing the values in the order AWS prints them (recorded ValidationException, LocalStack snapshot test_invalid_generate_mac)', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }));
    const error = await kmsErrorOf(
      kms.send(new GenerateMacCommand({ KeyId: KeyMetadata?.KeyId, Message: Buffer.from('m'), MacAlgorithm: 'INVALID' as never })),
    );
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe(
      "1 validation error detected: Value 'INVALID' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]",
    );
  });
});
