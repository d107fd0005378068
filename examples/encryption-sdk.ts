/**
 * The AWS Encryption SDK for JavaScript (@aws-crypto/client-node) against the in-memory vault.
 *
 * The Encryption SDK does not take a `KMSClient`: its KMS keyring asks a `clientProvider` for the
 * aggregated `KMS` class of @aws-sdk/client-kms, one per Region, and calls `generateDataKey`,
 * `encrypt` and `decrypt` on it. Those methods send commands through the client's middleware stack,
 * so the vault plugin on that stack answers them. Run: npx tsx examples/encryption-sdk.ts
 */
import assert from 'node:assert/strict';
import { KMS } from '@aws-sdk/client-kms';
import { buildClient, CommitmentPolicy, KmsKeyringNode } from '@aws-crypto/client-node';
import { KmsVault, vaultPlugin } from 'kms-vault-mock';

async function main(): Promise<void> {
  const vault = new KmsVault({ seed: 'encryption-sdk' });

  // One vault-backed KMS client per Region, as the keyring asks for them.
  const clients = new Map<string, KMS>();
  const clientProvider = (region: string): KMS => {
    let kms = clients.get(region);
    if (!kms) {
      kms = new KMS({ region });
      kms.middlewareStack.use(vaultPlugin(vault));
      clients.set(region, kms);
    }
    return kms;
  };

  const east = await clientProvider('us-east-1').createKey({ Description: 'orders (us-east-1)' });
  const west = await clientProvider('eu-west-1').createKey({ Description: 'orders (eu-west-1)' });
  const eastArn = east.KeyMetadata?.Arn ?? '';
  const westArn = west.KeyMetadata?.Arn ?? '';

  const { encrypt, decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);
  const context = { tenant: 'acme', purpose: 'orders' };

  // The data key is generated under the us-east-1 key and also encrypted under the eu-west-1 key.
  const writer = new KmsKeyringNode({ generatorKeyId: eastArn, keyIds: [westArn], clientProvider });
  const { result: message } = await encrypt(writer, 'order #1: 3 widgets', { encryptionContext: context });
  console.log(`encrypted message       ${message.length} bytes, data key under 2 KMS keys`);

  // A reader that only knows the eu-west-1 key decrypts it through a eu-west-1 client.
  const reader = new KmsKeyringNode({ keyIds: [westArn], clientProvider });
  const { plaintext, messageHeader } = await decrypt(reader, message);
  assert.equal(plaintext.toString(), 'order #1: 3 widgets');
  assert.equal(messageHeader.encryptionContext.tenant, 'acme');
  assert.equal(messageHeader.encryptedDataKeys.length, 2);
  console.log(`decrypted in eu-west-1  ${plaintext.toString()}`);

  // The vault saw the calls a real KMS would have seen, in the Regions of their keys.
  const calls = vault.history.map((c) => `${c.operation}@${c.region}`);
  assert.deepEqual(calls.slice(2), ['GenerateDataKey@us-east-1', 'Encrypt@eu-west-1', 'Decrypt@eu-west-1']);
  console.log(`KMS calls               ${calls.slice(2).join(', ')}`);

  // With the eu-west-1 key disabled, that reader fails: KMS's DisabledException reaches the SDK.
  await clientProvider('eu-west-1').disableKey({ KeyId: westArn });
  await assert.rejects(decrypt(reader, message), (error: Error) => {
    console.log(`after DisableKey        ${error.message.split('\n')[0]}`);
    return true;
  });
  const failed = vault.history.at(-1);
  assert.equal(failed?.operation, 'Decrypt');
  assert.equal(failed?.error?.name, 'DisabledException');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
