import {
  CreateKeyCommand,
  DecryptCommand,
  EncryptCommand,
  IncorrectKeyException,
  InvalidCiphertextException,
  KMSClient,
  NotFoundException,
  ReEncryptCommand,
  ReplicateKeyCommand,
} from '@aws-sdk/client-kms';
import { vaultPlugin, type KmsVault } from '../../src';
import { expectKmsError, INCORRECT_KEY_MESSAGE, INVALID_CIPHERTEXT_MESSAGE } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';

function clientIn(vault: KmsVault, region: string): KMSClient {
  const client = new KMSClient({ region });
  client.middlewareStack.use(vaultPlugin(vault));
  return client;
}

const plaintext = Buffer.from('regional');
const INVALID_CIPHERTEXT = { type: InvalidCiphertextException, status: 400, message: INVALID_CIPHERTEXT_MESSAGE } as const;

/**
 * KMS keys are regional (Developer Guide, "AWS KMS keys are Regional"; multi-Region keys: "the related
 * key in that Region"): Decrypt and ReEncrypt find the key a ciphertext names in the caller's Region
 * only. A ciphertext from another Region is InvalidCiphertextException, as users meet it with a client
 * configured for the wrong Region (awslabs/aws-lambda-redshift-loader#16).
 */
describe('keys are regional: Decrypt and ReEncrypt', () => {
  it('a ciphertext of a single-Region key in us-east-1 does not decrypt through a client in eu-west-1: InvalidCiphertextException', async () => {
    const { vault, kms } = vaultClient();
    const west = clientIn(vault, 'eu-west-1');
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: plaintext }));
    const before = JSON.stringify(vault.snapshot());
    await expectKmsError(west.send(new DecryptCommand({ CiphertextBlob })), INVALID_CIPHERTEXT);
    expect(JSON.stringify(vault.snapshot())).toBe(before);
    expect(Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob }))).Plaintext ?? []).equals(plaintext)).toBe(true);
  });

  it('ReEncrypt in eu-west-1 of a us-east-1 ciphertext: InvalidCiphertextException, even to a key in eu-west-1', async () => {
    const { vault, kms } = vaultClient();
    const west = clientIn(vault, 'eu-west-1');
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const destination = (await west.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId;
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: plaintext }));
    await expectKmsError(west.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: destination })), INVALID_CIPHERTEXT);
  });

  it('naming a key of the caller\'s Region that did not make the ciphertext: IncorrectKeyException; naming the other Region\'s key ARN: NotFoundException "Invalid arn <region>" (recorded)', async () => {
    const { vault, kms } = vaultClient();
    const west = clientIn(vault, 'eu-west-1');
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const local = (await west.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId;
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: plaintext }));
    await expectKmsError(west.send(new DecryptCommand({ CiphertextBlob, KeyId: local })), {
      type: IncorrectKeyException,
      status: 400,
      message: INCORRECT_KEY_MESSAGE,
    });
    await expectKmsError(west.send(new DecryptCommand({ CiphertextBlob, KeyId: KeyMetadata?.Arn })), {
      type: NotFoundException,
      status: 400,
      message: 'Invalid arn us-east-1',
    });
  });

  it("a multi-Region key's ciphertext decrypts only where a related key exists: InvalidCiphertextException before ReplicateKey, the replica after", async () => {
    const { vault, kms } = vaultClient();
    const west = clientIn(vault, 'eu-west-1');
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ MultiRegion: true }));
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: plaintext }));
    await expectKmsError(west.send(new DecryptCommand({ CiphertextBlob })), INVALID_CIPHERTEXT);
    const { ReplicaKeyMetadata } = await kms.send(new ReplicateKeyCommand({ KeyId: KeyMetadata?.KeyId, ReplicaRegion: 'eu-west-1' }));
    vault.clock.advance({ minutes: 5 });
    const opened = await west.send(new DecryptCommand({ CiphertextBlob }));
    expect(opened.KeyId).toBe(ReplicaKeyMetadata?.Arn);
    expect(Buffer.from(opened.Plaintext ?? []).equals(plaintext)).toBe(true);
    const moved = await west.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: ReplicaKeyMetadata?.Arn }));
    expect(moved.SourceKeyId).toBe(ReplicaKeyMetadata?.Arn);
  });
});
