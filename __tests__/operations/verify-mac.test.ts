import { CreateKeyCommand, GenerateMacCommand, InvalidKeyUsageException, KMSInvalidMacException, VerifyMacCommand } from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('VerifyMac (API Reference, VerifyMac)', () => {
  const { kms } = vaultClient();
  let keyId: string;
  let mac: Uint8Array;
  beforeAll(async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }));
    keyId = KeyMetadata?.KeyId as string;
    mac = (await kms.send(new GenerateMacCommand({ KeyId: keyId, Message: Buffer.from('some important message'), MacAlgorithm: 'HMAC_SHA_256' })))
      .Mac as Uint8Array;
  });

  it('answers MacValid: true for the tag GenerateMac made', async () => {
    expect(
      await kms.send(new VerifyMacCommand({ KeyId: keyId, Message: Buffer.from('some important message'), MacAlgorithm: 'HMAC_SHA_256', Mac: mac })),
    ).toMatchObject({ MacValid: true, MacAlgorithm: 'HMAC_SHA_256' });
  });

  it('another message fails with KMSInvalidMacException (recorded, empty message)', async () => {
    const error = await kmsErrorOf(
      kms.send(new VerifyMacCommand({ KeyId: keyId, Message: Buffer.from('some different important message'), MacAlgorithm: 'HMAC_SHA_256', Mac: mac })),
    );
    expect(error).toBeInstanceOf(KMSInvalidMacException);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('a truncated tag fails with KMSInvalidMacException', async () => {
    expect(
      await kmsErrorOf(
        kms.send(
          new VerifyMacCommand({ KeyId: keyId, Message: Buffer.from('some important message'), MacAlgorithm: 'HMAC_SHA_256', Mac: mac.subarray(0, 16) }),
        ),
      ),
    ).toBeInstanceOf(KMSInvalidMacException);
  });

  it('another MAC algorithm is InvalidKeyUsageException "Algorithm HMAC_SHA_512 is incompatible with key spec HMAC_256." (recorded)', async () => {
    const error = await kmsErrorOf(
      kms.send(new VerifyMacCommand({ KeyId: keyId, Message: Buffer.from('some important message'), MacAlgorithm: 'HMAC_SHA_512', Mac: mac })),
    );
    expect(error).toBeInstanceOf(InvalidKeyUsageException);
    expect(error.message).toBe('Algorithm HMAC_SHA_512 is incompatible with key spec HMAC_256.');
  });

  it('a malformed key id is NotFoundException "Invalid keyId \'key_id\'" (recorded)', async () => {
    const error = await kmsErrorOf(kms.send(new VerifyMacCommand({ KeyId: 'key_id', Message: Buffer.from('m'), MacAlgorithm: 'HMAC_SHA_256', Mac: mac })));
    expect(error).toMatchObject({ name: 'NotFoundException', message: "Invalid keyId 'key_id'" });
  });

  it('an unknown MacAlgorithm is a ValidationException listing the values in the order AWS prints them (recorded, LocalStack snapshot test_invalid_verify_mac)', async () => {
    const error = await kmsErrorOf(
      kms.send(new VerifyMacCommand({ KeyId: keyId, Message: Buffer.from('some important message'), MacAlgorithm: 'INVALID' as never, Mac: mac })),
    );
    expect(error).toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'INVALID' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]",
    });
  });
});
