/** Alone in its file: the order in which the library patches KMSClient.prototype.send matters here. */
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { KmsVault, mockClient, vaultPlugin } from 'kms-vault-mock';

it('a client given vaultPlugin while its class is mocked sees the keys of its own region once the mock is restored', async () => {
  const kmsMock = mockClient(KMSClient);
  const kms = new KMSClient({ region: 'eu-north-1' });
  kms.middlewareStack.use(vaultPlugin(new KmsVault()));
  kmsMock.restore();
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  expect(KeyMetadata?.Arn).toContain(':eu-north-1:');
});
