/**
 * A test fixture kept as a YAML scenario file (examples/fixtures/orders.yaml): keys, aliases, a
 * disabled key, a ciphertext made before a rotation, and a fault. The file is checked when it loads:
 * a misspelt field or value is an error that names the file, the path and what is allowed.
 * Run: npx tsx examples/scenario-file.ts
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DecryptCommand, DescribeKeyCommand, DisabledException, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { KmsVault, KmsVaultMockError, loadScenarioFile, vaultPlugin } from 'kms-vault-mock';

const FIXTURE = join(__dirname, 'fixtures', 'orders.yaml');

async function main(): Promise<void> {
  const vault = new KmsVault({ seed: 'fixture' });
  const { keys, ciphertexts } = vault.load(loadScenarioFile(FIXTURE));
  const kms = new KMSClient({ region: vault.region });
  kms.middlewareStack.use(vaultPlugin(vault));
  console.log(`loaded                  keys ${Object.keys(keys).join(', ')}; ciphertexts ${Object.keys(ciphertexts).join(', ')}`);

  // The fixture's fault: the first Decrypt is throttled, the SDK retries it, the second one succeeds.
  const decrypted = await kms.send(new DecryptCommand({ CiphertextBlob: ciphertexts['last-year'], EncryptionContext: { tenant: 'acme' } }));
  assert.equal(Buffer.from(decrypted.Plaintext ?? []).toString(), '{"order":1,"total":42}');
  assert.equal(decrypted.$metadata.attempts, 2);
  assert.equal(decrypted.KeyId, keys.orders?.arn);
  console.log(`Decrypt                 ${decrypted.$metadata.attempts} attempts (one throttled), made under the oldest material`);

  const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/orders-signing' }));
  assert.equal(KeyMetadata?.KeySpec, 'ECC_NIST_P256');
  await assert.rejects(kms.send(new EncryptCommand({ KeyId: 'alias/orders-legacy', Plaintext: Buffer.from('x') })), DisabledException);
  console.log('alias/orders-legacy     DisabledException, as the fixture says');

  // A fixture with a typo does not load quietly.
  const dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-example-'));
  const broken = join(dir, 'orders.yaml');
  writeFileSync(broken, readFileSync(FIXTURE, 'utf8').replace('keySpec: ECC_NIST_P256', 'keyspec: ECC_NIST_P256').replace('state: Disabled', 'state: Disabld'));
  assert.throws(
    () => loadScenarioFile(broken),
    (error: unknown) => {
      assert.ok(error instanceof KmsVaultMockError);
      assert.match(error.message, /keys\[1\]\.state: "Disabld" is not an allowed value; allowed: .*Disabled, Enabled, .* \(did you mean Disabled\?\)/);
      assert.match(error.message, /keys\[2\]\.keyspec: is not a field here; .* \(did you mean keySpec\?\)/);
      console.log(`a fixture with typos    ${error.message.split('\n').join('\n                        ')}`);
      return true;
    },
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
