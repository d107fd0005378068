import { CreateCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import type { KmsVault } from '../../src';

/** A CloudHSM cluster id in the form the API Reference's examples use. */
export const CLUSTER = 'cluster-234a5bcdefg';
/** An XKS proxy credential of valid shape (the API Reference's XksProxyAuthenticationCredentialType). */
export const CREDENTIAL = { AccessKeyId: 'ABCDE234567EXAMPLEAB', RawSecretAccessKey: 'DXjSUawnel2fr6SKC7G25CNxTyWKE5PF9XX6H/u9pSo=' };

/** CreateCustomKeyStore for a CloudHSM cluster the vault simulates (registered here), with its trust anchor. */
export function cloudHsmStore(vault: KmsVault, name = 'ExampleCloudHSMKeyStore', clusterId = CLUSTER): CreateCustomKeyStoreCommand {
  const { trustAnchorCertificate } = vault.addCloudHsmCluster(clusterId);
  return new CreateCustomKeyStoreCommand({
    CustomKeyStoreName: name,
    CloudHsmClusterId: clusterId,
    TrustAnchorCertificate: trustAnchorCertificate,
    KeyStorePassword: 'kmsPswd',
  });
}

/** CreateCustomKeyStore for an external key store reached over a public endpoint. */
export function publicXksStore(
  name = 'ExamplePublicEndpointXKS',
  endpoint = 'https://myproxy.xks.example.com',
  path = '/example-prefix/kms/xks/v1',
): CreateCustomKeyStoreCommand {
  return new CreateCustomKeyStoreCommand({
    CustomKeyStoreName: name,
    CustomKeyStoreType: 'EXTERNAL_KEY_STORE',
    XksProxyConnectivity: 'PUBLIC_ENDPOINT',
    XksProxyUriEndpoint: endpoint,
    XksProxyUriPath: path,
    XksProxyAuthenticationCredential: CREDENTIAL,
  });
}
