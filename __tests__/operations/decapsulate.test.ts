import { CreateKeyCommand, DecapsulateCommand, EncapsulateCommand, GetPublicKeyCommand, InvalidCiphertextException } from '@aws-sdk/client-kms';
import { ml_kem1024 } from '@noble/post-quantum/ml-kem.js';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('Decapsulate (API Reference, Decapsulate)', () => {
  const { kms } = vaultClient({ seed: 'decapsulate' });
  let keyId: string;
  beforeAll(async () => {
    keyId = (await kms.send(new CreateKeyCommand({ KeySpec: 'ML_KEM_1024', KeyUsage: 'ENCAPSULATE_DECAPSULATE' }))).KeyMetadata?.KeyId as string;
  });

  it('recovers the shared secret Encapsulate returned', async () => {
    const e = await kms.send(new EncapsulateCommand({ KeyId: keyId, EncapsulationAlgorithm: 'ML_KEM' }));
    const d = await kms.send(
      new DecapsulateCommand({ KeyId: keyId, EncapsulationAlgorithm: 'ML_KEM', SharedSecretCiphertextBlob: e.SharedSecretCiphertextBlob }),
    );
    expect(Buffer.from(d.SharedSecret as Uint8Array)).toEqual(Buffer.from(e.SharedSecret as Uint8Array));
    expect(d).toMatchObject({ EncapsulationAlgorithm: 'ML_KEM' });
  });

  it('recovers a secret encapsulated outside KMS to its public key (FIPS 203 interoperability)', async () => {
    const spki = Buffer.from((await kms.send(new GetPublicKeyCommand({ KeyId: keyId }))).PublicKey as Uint8Array);
    const { cipherText, sharedSecret } = ml_kem1024.encapsulate(spki.subarray(spki.length - (ml_kem1024.lengths.publicKey as number)));
    const d = await kms.send(new DecapsulateCommand({ KeyId: keyId, EncapsulationAlgorithm: 'ML_KEM', SharedSecretCiphertextBlob: cipherText }));
    expect(Buffer.from(d.SharedSecret as Uint8Array)).toEqual(Buffer.from(sharedSecret));
  });

  it('a ciphertext whose length does not fit the key spec is InvalidCiphertextException', async () => {
    expect(
      await kmsErrorOf(kms.send(new DecapsulateCommand({ KeyId: keyId, EncapsulationAlgorithm: 'ML_KEM', SharedSecretCiphertextBlob: Buffer.alloc(1088) }))),
    ).toBeInstanceOf(InvalidCiphertextException);
  });

  it('an altered ciphertext of the right length yields another secret, not an error (ML-KEM implicit rejection)', async () => {
    const e = await kms.send(new EncapsulateCommand({ KeyId: keyId, EncapsulationAlgorithm: 'ML_KEM' }));
    const altered = Buffer.from(e.SharedSecretCiphertextBlob as Uint8Array);
    altered[10] = (altered[10] ?? 0) ^ 1;
    const d = await kms.send(new DecapsulateCommand({ KeyId: keyId, EncapsulationAlgorithm: 'ML_KEM', SharedSecretCiphertextBlob: altered }));
    expect(d.SharedSecret).toHaveLength(32);
    expect(Buffer.from(d.SharedSecret as Uint8Array)).not.toEqual(Buffer.from(e.SharedSecret as Uint8Array));
  });
});
