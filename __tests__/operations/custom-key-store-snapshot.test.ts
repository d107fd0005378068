import {
  ConnectCustomKeyStoreCommand,
  CreateCustomKeyStoreCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeCustomKeyStoresCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisconnectCustomKeyStoreCommand,
  EncryptCommand,
} from '@aws-sdk/client-kms';
import { KmsVault } from '../../src';
import { adapterClient } from '../helpers/adapters';
import { vaultClient } from '../helpers/vault-client';

const CREDENTIAL = { AccessKeyId: 'ABCDE234567EXAMPLEAB', RawSecretAccessKey: 'DXjSUawnel2fr6SKC7G25CNxTyWKE5PF9XX6H/u9pSo=' };

function xksStore(name: string, endpoint: string): CreateCustomKeyStoreCommand {
  return new CreateCustomKeyStoreCommand({
    CustomKeyStoreName: name,
    CustomKeyStoreType: 'EXTERNAL_KEY_STORE',
    XksProxyConnectivity: 'PUBLIC_ENDPOINT',
    XksProxyUriEndpoint: endpoint,
    XksProxyUriPath: '/kms/xks/v1',
    XksProxyAuthenticationCredential: CREDENTIAL,
  });
}

describe('custom key stores in the state document (vault.snapshot / vault.load)', () => {
  it('round-trips stores in every connection state, clusters, proxies and their keys; old ciphertexts of external keys still decrypt', async () => {
    const { vault, kms } = vaultClient({ seed: 'cks-snapshot', clock: new Date('2026-02-01T00:00:00Z') });
    const { trustAnchorCertificate } = vault.addCloudHsmCluster('cluster-234a5bcdefg', { kmsuserPassword: 'kmsPswd' });
    vault.addCloudHsmCluster('cluster-restored234', { backupOf: 'cluster-234a5bcdefg', hsms: 3 });
    vault.addXksProxy('https://failing.example.com', { connectionErrorCode: 'XKS_PROXY_TIMED_OUT' });
    const { CustomKeyStoreId: hsm } = await kms.send(
      new CreateCustomKeyStoreCommand({
        CustomKeyStoreName: 'hsm',
        CloudHsmClusterId: 'cluster-234a5bcdefg',
        TrustAnchorCertificate: trustAnchorCertificate,
        KeyStorePassword: 'kmsPswd',
      }),
    );
    const { CustomKeyStoreId: xks } = await kms.send(xksStore('xks', 'https://xks.example.com'));
    const { CustomKeyStoreId: failed } = await kms.send(xksStore('failed', 'https://failing.example.com'));
    const { CustomKeyStoreId: connecting } = await kms.send(xksStore('connecting', 'https://slow.example.com'));
    for (const id of [hsm, xks, failed]) await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    vault.clock.advance({ minutes: 20 });
    await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: connecting }));
    const { KeyMetadata: hsmKey } = await kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: hsm }));
    const { KeyMetadata: xksKey } = await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: xks, XksKeyId: 'external-1' }));
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: xksKey?.KeyId, Plaintext: Buffer.from('before the snapshot') }));
    await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: hsm }));
    await kms.send(new DisableKeyCommand({ KeyId: hsmKey?.KeyId }));

    const document = JSON.parse(JSON.stringify(vault.snapshot())) as ReturnType<KmsVault['snapshot']>;
    const copy = new KmsVault({ clock: vault.clock.now() });
    copy.load(document);
    const copyKms = adapterClient(copy, { region: 'us-east-1' });

    const stores = async (client: typeof kms) => (await client.send(new DescribeCustomKeyStoresCommand({}))).CustomKeyStores;
    expect(await stores(copyKms)).toEqual(await stores(kms));
    expect((await stores(copyKms))?.map((s) => s.ConnectionState)).toEqual(['DISCONNECTED', 'CONNECTED', 'FAILED', 'CONNECTING']);
    for (const keyId of [hsmKey?.KeyId, xksKey?.KeyId]) {
      expect((await copyKms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata).toEqual(
        (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata,
      );
    }
    expect(JSON.parse(JSON.stringify(copy.snapshot()))).toEqual(document);
    const { Plaintext } = await copyKms.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(Plaintext as Uint8Array).toString()).toBe('before the snapshot');

    // What was in progress goes on: the connecting store connects; the CloudHSM key comes back Disabled.
    copy.clock.advance({ minutes: 1 });
    expect((await stores(copyKms))?.[3]?.ConnectionState).toBe('CONNECTED');
    await copyKms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: hsm }));
    copy.clock.advance({ minutes: 20 });
    expect((await copyKms.send(new DescribeKeyCommand({ KeyId: hsmKey?.KeyId }))).KeyMetadata?.KeyState).toBe('Disabled');
  });
});
