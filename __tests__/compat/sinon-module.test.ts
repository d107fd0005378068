/**
 * aws-sdk-client-mock's own tests read whether `send` is mocked through `MaybeSinonProxy`, from its
 * `sinon` module. With only the package name switched they import it from `kms-vault-mock` or from
 * `kms-vault-mock/sinon`: both must have it, with the same meaning.
 */
import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { isSinonStub, mockClient, type MaybeSinonProxy } from 'kms-vault-mock';
import * as sinonModule from 'kms-vault-mock/sinon';

describe('kms-vault-mock/sinon and MaybeSinonProxy', () => {
  it('send is a Sinon proxy while a mock is in place, and no longer once it is restored', async () => {
    const kms = new KMSClient({ region: 'us-east-1' });
    const mock = mockClient(kms);
    mock.on(ListKeysCommand).resolves({ Keys: [] });
    expect((kms.send as MaybeSinonProxy).isSinonProxy).toBe(true);
    expect(isSinonStub(kms.send)).toBe(true);
    await expect(kms.send(new ListKeysCommand({}))).resolves.toEqual({ Keys: [] });
    mock.restore();
    expect((kms.send as MaybeSinonProxy).isSinonProxy).toBeUndefined();
    expect(isSinonStub(kms.send)).toBe(false);
  });

  it('kms-vault-mock/sinon exports the same function as the main entry, and the type', () => {
    const proxy: sinonModule.MaybeSinonProxy = { isSinonProxy: true };
    expect(sinonModule.isSinonStub).toBe(isSinonStub);
    expect(sinonModule.isSinonStub(proxy)).toBe(false);
    expect(isSinonStub(() => undefined)).toBe(false);
  });
});
