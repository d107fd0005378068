import { CreateKeyCommand, DisableKeyCommand, DisabledException, EncapsulateCommand, InvalidKeyUsageException, type KeySpec } from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('Encapsulate (API Reference, Encapsulate)', () => {
  const { kms } = vaultClient({ seed: 'kem' });

  it.each<[KeySpec, number]>([
    ['ML_KEM_512', 768],
    ['ML_KEM_768', 1088],
    ['ML_KEM_1024', 1568],
  ])('%s: a 32-byte shared secret and a %i-byte encapsulated form', async (KeySpec, ciphertextLength) => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage: 'ENCAPSULATE_DECAPSULATE' }));
    const out = await kms.send(new EncapsulateCommand({ KeyId: KeyMetadata?.KeyId, EncapsulationAlgorithm: 'ML_KEM' }));
    expect(out).toMatchObject({ KeyId: KeyMetadata?.Arn, EncapsulationAlgorithm: 'ML_KEM' });
    expect(out.SharedSecret).toHaveLength(32);
    expect(out.SharedSecretCiphertextBlob).toHaveLength(ciphertextLength);
  });

  it('encapsulates a fresh random secret on every call', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ML_KEM_768', KeyUsage: 'ENCAPSULATE_DECAPSULATE' }));
    const a = await kms.send(new EncapsulateCommand({ KeyId: KeyMetadata?.KeyId, EncapsulationAlgorithm: 'ML_KEM' }));
    const b = await kms.send(new EncapsulateCommand({ KeyId: KeyMetadata?.KeyId, EncapsulationAlgorithm: 'ML_KEM' }));
    expect(Buffer.from(a.SharedSecret as Uint8Array)).not.toEqual(Buffer.from(b.SharedSecret as Uint8Array));
    expect(Buffer.from(a.SharedSecretCiphertextBlob as Uint8Array)).not.toEqual(Buffer.from(b.SharedSecretCiphertextBlob as Uint8Array));
  });

  it('refuses keys whose usage is not ENCAPSULATE_DECAPSULATE with InvalidKeyUsageException', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    expect(await kmsErrorOf(kms.send(new EncapsulateCommand({ KeyId: KeyMetadata?.KeyId, EncapsulationAlgorithm: 'ML_KEM' })))).toBeInstanceOf(
      InvalidKeyUsageException,
    );
  });

  it('fails with DisabledException on a disabled key', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ML_KEM_512', KeyUsage: 'ENCAPSULATE_DECAPSULATE' }));
    await kms.send(new DisableKeyCommand({ KeyId: KeyMetadata?.KeyId }));
    expect(await kmsErrorOf(kms.send(new EncapsulateCommand({ KeyId: KeyMetadata?.KeyId, EncapsulationAlgorithm: 'ML_KEM' })))).toBeInstanceOf(
      DisabledException,
    );
  });
});
