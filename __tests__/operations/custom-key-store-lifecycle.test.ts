import { X509Certificate } from 'node:crypto';
import {
  CloudHsmClusterInUseException,
  CloudHsmClusterInvalidConfigurationException,
  CloudHsmClusterNotActiveException,
  CloudHsmClusterNotFoundException,
  CloudHsmClusterNotRelatedException,
  ConnectCustomKeyStoreCommand,
  CreateCustomKeyStoreCommand,
  CustomKeyStoreInvalidStateException,
  CustomKeyStoreNameInUseException,
  CustomKeyStoreNotFoundException,
  DeleteCustomKeyStoreCommand,
  DescribeCustomKeyStoresCommand,
  DisconnectCustomKeyStoreCommand,
  IncorrectTrustAnchorException,
  InvalidMarkerException,
  type KMSClient,
  LimitExceededException,
  paginateDescribeCustomKeyStores,
  UpdateCustomKeyStoreCommand,
  XksProxyIncorrectAuthenticationCredentialException,
  XksProxyUriEndpointInUseException,
  XksProxyUriInUseException,
  XksProxyUriUnreachableException,
  XksProxyVpcEndpointServiceInUseException,
} from '@aws-sdk/client-kms';
import { CONNECT_DURATION_MS } from '../../src/vault/custom-key-stores';
import { CLUSTER, CREDENTIAL, cloudHsmStore, publicXksStore } from '../helpers/custom-key-stores';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';

function vpcXksStore(name: string, endpoint: string, service: string): CreateCustomKeyStoreCommand {
  return new CreateCustomKeyStoreCommand({
    CustomKeyStoreName: name,
    CustomKeyStoreType: 'EXTERNAL_KEY_STORE',
    XksProxyConnectivity: 'VPC_ENDPOINT_SERVICE',
    XksProxyUriEndpoint: endpoint,
    XksProxyUriPath: '/kms/xks/v1',
    XksProxyVpcEndpointServiceName: service,
    XksProxyAuthenticationCredential: CREDENTIAL,
  });
}

async function describe1(kms: KMSClient, id: string) {
  const { CustomKeyStores } = await kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: id }));
  return CustomKeyStores?.[0];
}

describe('CreateCustomKeyStore and DescribeCustomKeyStores', () => {
  it('creates a CloudHSM key store (type AWS_CLOUDHSM by default) that is DISCONNECTED, with a cks- id (API Reference, CreateCustomKeyStore)', async () => {
    const { vault, kms } = vaultClient({ clock: new Date('2026-01-01T00:00:00Z') });
    const cluster = vault.addCloudHsmCluster(CLUSTER);
    expect(new X509Certificate(cluster.trustAnchorCertificate).ca).toBe(true);
    const { CustomKeyStoreId, $metadata } = await kms.send(cloudHsmStore(vault));
    expect($metadata.httpStatusCode).toBe(200);
    expect(CustomKeyStoreId).toMatch(/^cks-[0-9a-f]{17}$/);
    expect(await describe1(kms, CustomKeyStoreId as string)).toEqual({
      CustomKeyStoreId,
      CustomKeyStoreName: 'ExampleCloudHSMKeyStore',
      CloudHsmClusterId: CLUSTER,
      TrustAnchorCertificate: cluster.trustAnchorCertificate,
      ConnectionState: 'DISCONNECTED',
      CreationDate: new Date('2026-01-01T00:00:00Z'),
      CustomKeyStoreType: 'AWS_CLOUDHSM',
    });
  });

  it('creates external key stores with public endpoint and VPC endpoint service connectivity; the configuration shows no secret (XksProxyConfigurationType)', async () => {
    const { kms } = vaultClient();
    const { CustomKeyStoreId: pub } = await kms.send(publicXksStore());
    const { CustomKeyStoreId: vpc } = await kms.send(
      vpcXksStore('ExampleVPCEndpointXKS', 'https://myproxy-private.xks.example.com', 'com.amazonaws.vpce.us-east-1.vpce-svc-example1'),
    );
    expect((await describe1(kms, pub as string))?.XksProxyConfiguration).toEqual({
      Connectivity: 'PUBLIC_ENDPOINT',
      AccessKeyId: CREDENTIAL.AccessKeyId,
      UriEndpoint: 'https://myproxy.xks.example.com',
      UriPath: '/example-prefix/kms/xks/v1',
    });
    const entry = await describe1(kms, vpc as string);
    expect(entry?.CustomKeyStoreType).toBe('EXTERNAL_KEY_STORE');
    expect(entry?.XksProxyConfiguration?.VpcEndpointServiceName).toBe('com.amazonaws.vpce.us-east-1.vpce-svc-example1');
    // The owner of the VPC endpoint service defaults to the caller's account (XksProxyVpcEndpointServiceOwner).
    expect(entry?.XksProxyConfiguration?.VpcEndpointServiceOwner).toBe('111122223333');
    expect(entry).not.toHaveProperty('CloudHsmClusterId');
  });

  it('finds a store by name; an unknown id or name is CustomKeyStoreNotFoundException; both at once is a ValidationException', async () => {
    const { vault, kms } = vaultClient();
    const { CustomKeyStoreId } = await kms.send(cloudHsmStore(vault));
    const { CustomKeyStores } = await kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreName: 'ExampleCloudHSMKeyStore' }));
    expect(CustomKeyStores?.map((s) => s.CustomKeyStoreId)).toEqual([CustomKeyStoreId]);
    await expectKmsError(kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: 'cks-1234567890abcdef0' })), {
      type: CustomKeyStoreNotFoundException,
      status: 400,
      message: "Custom key store 'cks-1234567890abcdef0' does not exist",
    });
    await expectKmsError(kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreName: 'nope' })), { type: CustomKeyStoreNotFoundException, status: 400 });
    await expectKmsError(kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreName: 'nope', CustomKeyStoreId: CustomKeyStoreId })), {
      type: 'ValidationException',
      status: 400,
    });
  });

  it('pages with Limit and Marker, and the SDK paginator walks every store; a foreign marker is InvalidMarkerException', async () => {
    const { kms } = vaultClient();
    for (let i = 0; i < 5; i++) await kms.send(publicXksStore(`store-${i}`, `https://proxy${i}.example.com`));
    const first = await kms.send(new DescribeCustomKeyStoresCommand({ Limit: 2 }));
    expect(first.CustomKeyStores?.map((s) => s.CustomKeyStoreName)).toEqual(['store-0', 'store-1']);
    expect(first.Truncated).toBe(true);
    const names: string[] = [];
    for await (const p of paginateDescribeCustomKeyStores({ client: kms, pageSize: 2 }, {}))
      names.push(...(p.CustomKeyStores ?? []).map((s) => s.CustomKeyStoreName as string));
    expect(names).toEqual(['store-0', 'store-1', 'store-2', 'store-3', 'store-4']);
    await expectKmsError(kms.send(new DescribeCustomKeyStoresCommand({ Marker: 'bm90LWEtbWFya2Vy' })), {
      type: InvalidMarkerException,
      status: 400,
      message: 'Invalid marker',
    });
  });

  it('only lists the stores of the caller account and Region', async () => {
    const { vault, kms } = vaultClient();
    await kms.send(publicXksStore());
    vault.execute('CreateCustomKeyStore', publicXksStore('elsewhere', 'https://other.example.com').input, { region: 'eu-west-1' });
    const { CustomKeyStores } = await kms.send(new DescribeCustomKeyStoresCommand({}));
    expect(CustomKeyStores?.map((s) => s.CustomKeyStoreName)).toEqual(['ExamplePublicEndpointXKS']);
  });

  it('names are unique in the account and Region (CustomKeyStoreNameInUseException)', async () => {
    const { kms } = vaultClient();
    await kms.send(publicXksStore('same'));
    await expectKmsError(kms.send(publicXksStore('same', 'https://another.example.com')), { type: CustomKeyStoreNameInUseException, status: 400 });
  });

  it('validates the cluster: unknown (CloudHsmClusterNotFoundException), inactive, too few HSMs, wrong trust anchor, already used or a backup of a used one', async () => {
    const { vault, kms } = vaultClient();
    let n = 0;
    const create = (clusterId: string, anchor: string) =>
      kms.send(
        new CreateCustomKeyStoreCommand({
          CustomKeyStoreName: `store-${n++}`,
          CloudHsmClusterId: clusterId,
          TrustAnchorCertificate: anchor,
          KeyStorePassword: 'kmsPswd',
        }),
      );
    const a = vault.addCloudHsmCluster('cluster-aaaaaaaaaaa');
    await expectKmsError(create('cluster-bbbbbbbbbbb', a.trustAnchorCertificate), { type: CloudHsmClusterNotFoundException, status: 400 });
    vault.addCloudHsmCluster('cluster-ccccccccccc', { active: false });
    await expectKmsError(create('cluster-ccccccccccc', a.trustAnchorCertificate), { type: CloudHsmClusterNotActiveException, status: 400 });
    const one = vault.addCloudHsmCluster('cluster-ddddddddddd', { hsms: 1 });
    await expectKmsError(create('cluster-ddddddddddd', one.trustAnchorCertificate), { type: CloudHsmClusterInvalidConfigurationException, status: 400 });
    await expectKmsError(create('cluster-aaaaaaaaaaa', one.trustAnchorCertificate), { type: IncorrectTrustAnchorException, status: 400 });
    await expectKmsError(create('cluster-aaaaaaaaaaa', 'not a certificate'), { type: IncorrectTrustAnchorException, status: 400 });
    await create('cluster-aaaaaaaaaaa', a.trustAnchorCertificate);
    await expectKmsError(create('cluster-aaaaaaaaaaa', a.trustAnchorCertificate), { type: CloudHsmClusterInUseException, status: 400 });
    const backup = vault.addCloudHsmCluster('cluster-eeeeeeeeeee', { backupOf: 'cluster-aaaaaaaaaaa' });
    expect(backup.trustAnchorCertificate).toBe(a.trustAnchorCertificate);
    await expectKmsError(create('cluster-eeeeeeeeeee', a.trustAnchorCertificate), { type: CloudHsmClusterInUseException, status: 400 });
  });

  it('requires the members of its type and refuses those of the other type (ValidationException)', async () => {
    const { kms } = vaultClient();
    await expectKmsError(kms.send(new CreateCustomKeyStoreCommand({ CustomKeyStoreName: 'x', CloudHsmClusterId: CLUSTER, KeyStorePassword: 'kmsPswd' })), {
      type: 'ValidationException',
      status: 400,
      message: 'TrustAnchorCertificate is required for a custom key store with a CustomKeyStoreType of AWS_CLOUDHSM.',
    });
    const { input } = publicXksStore();
    await expectKmsError(kms.send(new CreateCustomKeyStoreCommand({ ...input, KeyStorePassword: 'kmsPswd' })), { type: 'ValidationException', status: 400 });
    await expectKmsError(kms.send(new CreateCustomKeyStoreCommand({ ...input, XksProxyConnectivity: 'VPC_ENDPOINT_SERVICE' })), {
      type: 'ValidationException',
      status: 400,
    });
  });

  it('keeps proxy addresses unique: endpoint and path, a public endpoint used by a VPC store, a VPC endpoint service', async () => {
    const { kms } = vaultClient();
    await kms.send(publicXksStore('a'));
    await expectKmsError(kms.send(publicXksStore('b')), { type: XksProxyUriInUseException, status: 400 });
    await kms.send(publicXksStore('c', 'https://myproxy.xks.example.com', '/other/kms/xks/v1'));
    await kms.send(vpcXksStore('d', 'https://private.example.com', 'com.amazonaws.vpce.us-east-1.vpce-svc-example1'));
    await expectKmsError(kms.send(publicXksStore('e', 'https://private.example.com', '/x/kms/xks/v1')), {
      type: XksProxyUriEndpointInUseException,
      status: 400,
    });
    await expectKmsError(kms.send(vpcXksStore('f', 'https://private2.example.com', 'com.amazonaws.vpce.us-east-1.vpce-svc-example1')), {
      type: XksProxyVpcEndpointServiceInUseException,
      status: 400,
    });
  });

  it('checks a public endpoint proxy at creation: unreachable or wrong path (XksProxyUriUnreachableException), wrong credential', async () => {
    const { vault, kms } = vaultClient();
    vault.addXksProxy('https://down.example.com', { reachable: false });
    await expectKmsError(kms.send(publicXksStore('a', 'https://down.example.com')), { type: XksProxyUriUnreachableException, status: 400 });
    vault.addXksProxy('https://strict.example.com', {
      uriPath: '/kms/xks/v1',
      credential: { accessKeyId: 'OTHERACCESSKEY234567', rawSecretAccessKey: CREDENTIAL.RawSecretAccessKey },
    });
    await expectKmsError(kms.send(publicXksStore('b', 'https://strict.example.com', '/p/kms/xks/v1')), { type: XksProxyUriUnreachableException, status: 400 });
    await expectKmsError(kms.send(publicXksStore('c', 'https://strict.example.com', '/kms/xks/v1')), {
      type: XksProxyIncorrectAuthenticationCredentialException,
      status: 400,
    });
    // A VPC endpoint service store is not checked until it connects.
    await kms.send(vpcXksStore('d', 'https://down.example.com', 'com.amazonaws.vpce.us-east-1.vpce-svc-example2'));
  });

  it('allows 10 custom key stores per account and Region (LimitExceededException)', async () => {
    const { kms } = vaultClient();
    for (let i = 0; i < 10; i++) await kms.send(publicXksStore(`s${i}`, `https://p${i}.example.com`));
    await expectKmsError(kms.send(publicXksStore('s10', 'https://p10.example.com')), { type: LimitExceededException, status: 400 });
  });
});

describe('ConnectCustomKeyStore and DisconnectCustomKeyStore', () => {
  it('connecting takes time on the vault clock: CONNECTING, then CONNECTED (API Reference, ConnectCustomKeyStore)', async () => {
    const { vault, kms } = vaultClient({ clock: new Date('2026-01-01T00:00:00Z') });
    const { CustomKeyStoreId: id } = await kms.send(cloudHsmStore(vault));
    const answer = await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect((await describe1(kms, id as string))?.ConnectionState).toBe('CONNECTING');
    vault.clock.advance({ milliseconds: CONNECT_DURATION_MS.AWS_CLOUDHSM - 1 });
    expect((await describe1(kms, id as string))?.ConnectionState).toBe('CONNECTING');
    vault.clock.advance({ milliseconds: 1 });
    expect((await describe1(kms, id as string))?.ConnectionState).toBe('CONNECTED');
    // Connecting a connected store again changes nothing.
    await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    expect((await describe1(kms, id as string))?.ConnectionState).toBe('CONNECTED');
    await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    expect((await describe1(kms, id as string))?.ConnectionState).toBe('DISCONNECTED');
  });

  it('external key stores connect in CONNECT_DURATION_MS.EXTERNAL_KEY_STORE', async () => {
    const { vault, kms } = vaultClient();
    const { CustomKeyStoreId: id } = await kms.send(publicXksStore());
    await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    vault.clock.advance({ milliseconds: CONNECT_DURATION_MS.EXTERNAL_KEY_STORE });
    expect((await describe1(kms, id as string))?.ConnectionState).toBe('CONNECTED');
  });

  it.each([
    ['USER_LOGGED_IN', { connectionErrorCode: 'USER_LOGGED_IN' as const }],
    ['USER_LOCKED_OUT', { connectionErrorCode: 'USER_LOCKED_OUT' as const }],
    ['USER_NOT_FOUND', { connectionErrorCode: 'USER_NOT_FOUND' as const }],
    ['SUBNET_NOT_FOUND', { connectionErrorCode: 'SUBNET_NOT_FOUND' as const }],
    ['INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET', { connectionErrorCode: 'INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET' as const }],
    ['NETWORK_ERRORS', { connectionErrorCode: 'NETWORK_ERRORS' as const }],
    ['INTERNAL_ERROR', { connectionErrorCode: 'INTERNAL_ERROR' as const }],
    ['INSUFFICIENT_CLOUDHSM_HSMS', { hsms: 0 }],
    ['INVALID_CREDENTIALS', { kmsuserPassword: 'changed-password' }],
  ])('a CloudHSM connection fails with %s: FAILED, and ConnectionErrorCode only while FAILED (CustomKeyStoresListEntry)', async (code, change) => {
    const { vault, kms } = vaultClient();
    const { CustomKeyStoreId: id } = await kms.send(cloudHsmStore(vault));
    vault.addCloudHsmCluster(CLUSTER, change);
    await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    expect(await describe1(kms, id as string)).not.toHaveProperty('ConnectionErrorCode');
    vault.clock.advance({ milliseconds: CONNECT_DURATION_MS.AWS_CLOUDHSM });
    const entry = await describe1(kms, id as string);
    expect(entry?.ConnectionState).toBe('FAILED');
    expect(entry?.ConnectionErrorCode).toBe(code);
    // A FAILED store must be disconnected before it connects again (CustomKeyStoreInvalidStateException).
    await expectKmsError(kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id })), { type: CustomKeyStoreInvalidStateException, status: 400 });
    await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    expect(await describe1(kms, id as string)).not.toHaveProperty('ConnectionErrorCode');
  });

  it('a CloudHSM store whose cluster is gone fails with CLUSTER_NOT_FOUND; an inactive cluster is CloudHsmClusterNotActiveException at once', async () => {
    const { vault, kms } = vaultClient();
    const { CustomKeyStoreId: id } = await kms.send(cloudHsmStore(vault));
    vault.addCloudHsmCluster(CLUSTER, { active: false });
    await expectKmsError(kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id })), { type: CloudHsmClusterNotActiveException, status: 400 });
    vault.state.customKeyStores.clusters.delete(CLUSTER);
    await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    vault.clock.advance({ minutes: 20 });
    expect((await describe1(kms, id as string))?.ConnectionErrorCode).toBe('CLUSTER_NOT_FOUND');
  });

  it.each([
    ['XKS_PROXY_NOT_REACHABLE', { reachable: false }],
    ['XKS_PROXY_INVALID_CONFIGURATION', { uriPath: '/another/kms/xks/v1' }],
    ['INVALID_CREDENTIALS', { credential: { accessKeyId: 'OTHERACCESSKEY234567', rawSecretAccessKey: CREDENTIAL.RawSecretAccessKey } }],
    ['XKS_PROXY_TIMED_OUT', { connectionErrorCode: 'XKS_PROXY_TIMED_OUT' as const }],
    ['XKS_PROXY_ACCESS_DENIED', { connectionErrorCode: 'XKS_PROXY_ACCESS_DENIED' as const }],
    ['XKS_PROXY_INVALID_RESPONSE', { connectionErrorCode: 'XKS_PROXY_INVALID_RESPONSE' as const }],
    ['XKS_PROXY_INVALID_TLS_CONFIGURATION', { connectionErrorCode: 'XKS_PROXY_INVALID_TLS_CONFIGURATION' as const }],
    ['XKS_VPC_ENDPOINT_SERVICE_NOT_FOUND', { connectionErrorCode: 'XKS_VPC_ENDPOINT_SERVICE_NOT_FOUND' as const }],
    ['XKS_VPC_ENDPOINT_SERVICE_INVALID_CONFIGURATION', { connectionErrorCode: 'XKS_VPC_ENDPOINT_SERVICE_INVALID_CONFIGURATION' as const }],
  ])('an external key store connection fails with %s', async (code, change) => {
    const { vault, kms } = vaultClient();
    const { CustomKeyStoreId: id } = await kms.send(vpcXksStore('vpc', 'https://private.example.com', 'com.amazonaws.vpce.us-east-1.vpce-svc-example1'));
    vault.addXksProxy('https://private.example.com', change);
    await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    vault.clock.advance({ minutes: 1 });
    expect(await describe1(kms, id as string)).toMatchObject({ ConnectionState: 'FAILED', ConnectionErrorCode: code });
  });

  it('disconnecting a DISCONNECTED store is CustomKeyStoreInvalidStateException; an unknown store is CustomKeyStoreNotFoundException', async () => {
    const { vault, kms } = vaultClient();
    const { CustomKeyStoreId: id } = await kms.send(cloudHsmStore(vault));
    await expectKmsError(kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: id })), { type: CustomKeyStoreInvalidStateException, status: 400 });
    await expectKmsError(kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: 'cks-00000000000000000' })), {
      type: CustomKeyStoreNotFoundException,
      status: 400,
    });
  });

  it('a store of another account is not found (no cross-account use)', async () => {
    const { vault, kms } = vaultClient();
    const { CustomKeyStoreId } = vault.execute('CreateCustomKeyStore', publicXksStore().input, { accountId: '444455556666' });
    await expectKmsError(kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId })), { type: CustomKeyStoreNotFoundException, status: 400 });
  });
});

describe('UpdateCustomKeyStore and DeleteCustomKeyStore', () => {
  it('a CloudHSM key store changes only while DISCONNECTED: name, password, a related cluster (CloudHsmClusterNotRelatedException otherwise)', async () => {
    const { vault, kms } = vaultClient();
    const { CustomKeyStoreId: id } = await kms.send(cloudHsmStore(vault));
    await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    await expectKmsError(kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: id, NewCustomKeyStoreName: 'renamed' })), {
      type: CustomKeyStoreInvalidStateException,
      status: 400,
    });
    await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    vault.addCloudHsmCluster('cluster-unrelated23');
    await expectKmsError(kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: id, CloudHsmClusterId: 'cluster-unrelated23' })), {
      type: CloudHsmClusterNotRelatedException,
      status: 400,
    });
    await expectKmsError(kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: id, CloudHsmClusterId: 'cluster-nowhere2345' })), {
      type: CloudHsmClusterNotFoundException,
      status: 400,
    });
    vault.addCloudHsmCluster('cluster-restored234', { backupOf: CLUSTER });
    const answer = await kms.send(
      new UpdateCustomKeyStoreCommand({
        CustomKeyStoreId: id,
        CloudHsmClusterId: 'cluster-restored234',
        NewCustomKeyStoreName: 'renamed',
        KeyStorePassword: 'newPassword',
      }),
    );
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(await describe1(kms, id as string)).toMatchObject({ CloudHsmClusterId: 'cluster-restored234', CustomKeyStoreName: 'renamed' });
    await expectKmsError(kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: id, XksProxyUriPath: '/kms/xks/v1' })), {
      type: 'ValidationException',
      status: 400,
    });
  });

  it('an external key store changes name, credential and path while CONNECTED, the endpoint only while DISCONNECTED', async () => {
    const { vault, kms } = vaultClient();
    const { CustomKeyStoreId: id } = await kms.send(publicXksStore());
    await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    vault.clock.advance({ minutes: 1 });
    const credential = { AccessKeyId: 'NEWACCESSKEYID234567', RawSecretAccessKey: CREDENTIAL.RawSecretAccessKey };
    await kms.send(
      new UpdateCustomKeyStoreCommand({
        CustomKeyStoreId: id,
        NewCustomKeyStoreName: 'renamed',
        XksProxyUriPath: '/kms/xks/v1',
        XksProxyAuthenticationCredential: credential,
      }),
    );
    expect(await describe1(kms, id as string)).toMatchObject({
      CustomKeyStoreName: 'renamed',
      ConnectionState: 'CONNECTED',
      XksProxyConfiguration: { AccessKeyId: 'NEWACCESSKEYID234567', UriPath: '/kms/xks/v1' },
    });
    await expectKmsError(kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: id, XksProxyUriEndpoint: 'https://moved.example.com' })), {
      type: CustomKeyStoreInvalidStateException,
      status: 400,
    });
    // The proxy must accept the new credential: one it rejects is XksProxyIncorrectAuthenticationCredentialException and changes nothing.
    vault.addXksProxy('https://myproxy.xks.example.com', {
      credential: { accessKeyId: 'NEWACCESSKEYID234567', rawSecretAccessKey: CREDENTIAL.RawSecretAccessKey },
    });
    await expectKmsError(kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: id, XksProxyAuthenticationCredential: CREDENTIAL })), {
      type: XksProxyIncorrectAuthenticationCredentialException,
      status: 400,
    });
    expect((await describe1(kms, id as string))?.XksProxyConfiguration?.AccessKeyId).toBe('NEWACCESSKEYID234567');
    await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    await kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: id, XksProxyUriEndpoint: 'https://moved.example.com' }));
    expect((await describe1(kms, id as string))?.XksProxyConfiguration?.UriEndpoint).toBe('https://moved.example.com');
    // Changing to VPC endpoint service connectivity needs a new endpoint and the service name.
    await expectKmsError(kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: id, XksProxyConnectivity: 'VPC_ENDPOINT_SERVICE' })), {
      type: 'ValidationException',
      status: 400,
    });
    await kms.send(
      new UpdateCustomKeyStoreCommand({
        CustomKeyStoreId: id,
        XksProxyConnectivity: 'VPC_ENDPOINT_SERVICE',
        XksProxyUriEndpoint: 'https://private.example.com',
        XksProxyVpcEndpointServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-example1',
      }),
    );
    expect((await describe1(kms, id as string))?.XksProxyConfiguration).toMatchObject({
      Connectivity: 'VPC_ENDPOINT_SERVICE',
      VpcEndpointServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-example1',
    });
  });

  it('a new name must be free (CustomKeyStoreNameInUseException)', async () => {
    const { kms } = vaultClient();
    await kms.send(publicXksStore('a'));
    const { CustomKeyStoreId: id } = await kms.send(publicXksStore('b', 'https://b.example.com'));
    await expectKmsError(kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: id, NewCustomKeyStoreName: 'a' })), {
      type: CustomKeyStoreNameInUseException,
      status: 400,
    });
  });

  it('deletes only a DISCONNECTED store; it is gone afterwards', async () => {
    const { vault, kms } = vaultClient();
    const { CustomKeyStoreId: id } = await kms.send(cloudHsmStore(vault));
    await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    await expectKmsError(kms.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId: id })), { type: CustomKeyStoreInvalidStateException, status: 400 });
    await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    const answer = await kms.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    expect(answer.$metadata.httpStatusCode).toBe(200);
    await expectKmsError(kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: id })), { type: CustomKeyStoreNotFoundException, status: 400 });
    // The cluster is free again.
    await kms.send(cloudHsmStore(vault, 'again'));
  });
});
