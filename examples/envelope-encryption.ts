/**
 * The demo behind `npm run demo`: envelope encryption with a data key, ReEncrypt to a new key,
 * decryption, and one expected failure, all against the in-memory vault through a real KMSClient.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyCommand,
  GenerateDataKeyCommand,
  IncorrectKeyException,
  KMSClient,
  ReEncryptCommand,
} from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin } from '../src';

const log = (step: string, detail: string): void => console.log(`${step.padEnd(28)} ${detail}`);
const b64 = (bytes: Uint8Array | undefined): string => Buffer.from(bytes ?? []).toString('base64');

async function main(): Promise<void> {
  const vault = new KmsVault({ seed: 'demo' });
  const kms = new KMSClient({ region: 'eu-west-1' });
  kms.middlewareStack.use(vaultPlugin(vault));

  const { KeyMetadata: oldKey } = await kms.send(new CreateKeyCommand({ Description: 'orders key (2024)' }));
  const { KeyMetadata: newKey } = await kms.send(new CreateKeyCommand({ Description: 'orders key (2025)' }));
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: oldKey?.KeyId }));
  log('CreateKey', `${oldKey?.Arn} (alias/orders)`);
  log('CreateKey', `${newKey?.Arn}`);

  // Envelope encryption: a data key from KMS encrypts the record locally; only its ciphertext is kept.
  const context = { tenant: 'acme', purpose: 'orders' };
  const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/orders', KeySpec: 'AES_256', EncryptionContext: context }));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey.Plaintext as Uint8Array, iv);
  const record = Buffer.concat([cipher.update('order #1042: 3 widgets', 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  log('GenerateDataKey', `${dataKey.CiphertextBlob?.length}-byte encrypted data key under ${dataKey.KeyId}`);
  log('  header + CMS blob', `${b64(dataKey.CiphertextBlob).slice(0, 48)}...`);

  // Move the encrypted data key to the new KMS key without ever seeing its plaintext.
  const moved = await kms.send(
    new ReEncryptCommand({
      CiphertextBlob: dataKey.CiphertextBlob,
      SourceEncryptionContext: context,
      DestinationKeyId: newKey?.KeyId,
      DestinationEncryptionContext: context,
    }),
  );
  log('ReEncrypt', `from ${moved.SourceKeyId}`);
  log('', `to   ${moved.KeyId}`);

  // Retire the old key; the re-encrypted data key still opens the record.
  await kms.send(new DisableKeyCommand({ KeyId: oldKey?.KeyId }));
  const opened = await kms.send(new DecryptCommand({ CiphertextBlob: moved.CiphertextBlob, EncryptionContext: context }));
  const decipher = createDecipheriv('aes-256-gcm', opened.Plaintext as Uint8Array, iv);
  decipher.setAuthTag(tag);
  const plaintext = Buffer.concat([decipher.update(record), decipher.final()]).toString('utf8');
  log('Decrypt + local AES-GCM', `"${plaintext}" (key ${opened.KeyId?.split('/')[1]})`);

  // The expected failure: naming the old key for a ciphertext of the new one.
  try {
    await kms.send(new DecryptCommand({ CiphertextBlob: moved.CiphertextBlob, EncryptionContext: context, KeyId: oldKey?.KeyId }));
    throw new Error('Decrypt with the wrong KeyId should have failed');
  } catch (error) {
    if (!(error instanceof IncorrectKeyException)) throw error;
    log('Decrypt with the old KeyId', `${error.name} (HTTP ${error.$metadata.httpStatusCode}): ${error.message}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
