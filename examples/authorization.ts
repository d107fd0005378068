/**
 * Authorization as KMS decides it: a role whose identity policy allows Decrypt only for one tenant's
 * encryption context, a denial with AWS's message and the statements that decided, and a grant whose
 * token works before the grant has propagated.
 * Run: npx tsx examples/authorization.ts
 */
import assert from 'node:assert/strict';
import { CreateGrantCommand, CreateKeyCommand, DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin } from 'kms-vault-mock';

function clientOf(vault: KmsVault, credentials?: { accessKeyId: string; secretAccessKey: string }): KMSClient {
  const kms = new KMSClient({ region: 'us-east-1', ...(credentials ? { credentials } : {}) });
  kms.middlewareStack.use(vaultPlugin(vault));
  return kms;
}

async function main(): Promise<void> {
  const vault = new KmsVault({ seed: 'authorization-example', grantPropagationSeconds: 60 });
  const admin = clientOf(vault); // the account root
  const { KeyMetadata } = await admin.send(new CreateKeyCommand({ Description: 'tenant data' }));
  const KeyId = KeyMetadata?.Arn;

  const role = vault.addPrincipal('arn:aws:iam::111122223333:role/app', {
    policies: [
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:EncryptionContext:tenant': 'blue' } } }],
      },
    ],
  });
  const app = clientOf(vault, role.credentials);
  const blue = await admin.send(new EncryptCommand({ KeyId, Plaintext: Buffer.from('blue data'), EncryptionContext: { tenant: 'blue' } }));
  const red = await admin.send(new EncryptCommand({ KeyId, Plaintext: Buffer.from('red data'), EncryptionContext: { tenant: 'red' } }));

  const allowed = await app.send(new DecryptCommand({ CiphertextBlob: blue.CiphertextBlob, EncryptionContext: { tenant: 'blue' } }));
  assert.equal(Buffer.from(allowed.Plaintext ?? []).toString(), 'blue data');
  console.log('role/app, tenant=blue   Decrypt allowed');

  const denied = await app.send(new DecryptCommand({ CiphertextBlob: red.CiphertextBlob, EncryptionContext: { tenant: 'red' } })).then(
    () => assert.fail('expected AccessDeniedException'),
    (error: unknown) => error as Error & { $metadata: { httpStatusCode?: number } },
  );
  assert.equal(denied.name, 'AccessDeniedException');
  assert.equal(denied.$metadata.httpStatusCode, 400);
  assert.match(denied.message, /role\/app is not authorized to perform: kms:Decrypt/);
  assert.equal(vault.history.at(-1)?.caller, role.arn);
  console.log(`role/app, tenant=red    ${denied.name}: ${denied.message}`);

  const worker = vault.addPrincipal('arn:aws:iam::111122223333:role/worker');
  const { GrantToken } = await admin.send(new CreateGrantCommand({ KeyId, GranteePrincipal: worker.arn, Operations: ['Encrypt'] }));
  const workerClient = clientOf(vault, worker.credentials);
  const encrypt = (GrantTokens?: string[]) =>
    workerClient.send(new EncryptCommand({ KeyId, Plaintext: Buffer.from('w'), ...(GrantTokens ? { GrantTokens } : {}) }));
  await assert.rejects(encrypt(), { name: 'AccessDeniedException' });
  console.log('role/worker, no token   AccessDeniedException (the grant has not propagated)');
  await encrypt([GrantToken ?? '']);
  console.log('role/worker, its token  Encrypt allowed at once');
  vault.clock.advance({ seconds: 60 });
  await encrypt();
  console.log('role/worker, 60 s later Encrypt allowed without the token');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
