/** The "Migrating from aws-sdk-client-mock" example of docs/guides/jest-and-vitest.md, as written there. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KMSClient, DecryptCommand, EncryptCommand, CreateKeyCommand, KMSServiceException } from '@aws-sdk/client-kms';
import { mockClient } from 'kms-vault-mock';
import 'kms-vault-mock/jest';

/** The code under test: decrypts, retrying once on throttling. */
async function decryptWithRetry(kms: KMSClient, CiphertextBlob: Uint8Array): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob }));
      return Buffer.from(Plaintext ?? []).toString();
    } catch (error) {
      if (attempt > 1 || !(error instanceof KMSServiceException) || error.name !== 'ThrottlingException') throw error;
    }
  }
}

const kmsMock = mockClient(KMSClient, { vault: true }); // or { vault: myVault }
beforeEach(() => kmsMock.reset());
afterAll(() => kmsMock.restore());

it('retries a throttled Decrypt', async () => {
  const kms = new KMSClient({});
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({})); // answered by the vault
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata!.KeyId, Plaintext: Buffer.from('order') }));
  kmsMock.on(DecryptCommand).rejectsOnce('ThrottlingException'); // the SDK's own exception, once
  expect(await decryptWithRetry(kms, CiphertextBlob!)).toBe('order'); // your code: retries, really decrypts
  expect(kmsMock).toHaveReceivedCommandTimes(DecryptCommand, 2);
  expect(CiphertextBlob).toBeCiphertextUnder(kmsMock.vault, KeyMetadata!.KeyId!);
});

it('the jest and vitest guide shows this example as it is tested', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'docs', 'guides', 'jest-and-vitest.md'), 'utf8');
  const source = readFileSync(__filename, 'utf8');
  const example =
    source.slice(source.indexOf('/** The code under test'), source.indexOf("it('retries")) +
    source.slice(source.indexOf("it('retries"), source.indexOf('\n});\n', source.indexOf("it('retries")) + 5);
  for (const line of example.split('\n').filter((l) => l.trim())) expect(readme).toContain(line);
});
