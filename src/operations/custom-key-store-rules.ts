import type { ConnectionErrorCodeType, ConnectionStateType, CustomKeyStoresListEntry, XksProxyConnectivityType } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { proxyFor, proxyProblem, spreadHsms } from '../vault/custom-key-store-backends';
import type { CloudHsmClusterRecord, CustomKeyStoreRecord, XksSettings } from '../vault/custom-key-stores';
import { checkRealProxy, realConnectionOutcome, realProxyTarget } from '../xks/real-proxy';

/** The custom key store with this id in the caller's account and Region (no cross-account use). */
export function findCustomKeyStore(context: OperationContext, id: string): CustomKeyStoreRecord {
  const store = context.state.customKeyStores.stores.get(id);
  if (!store || store.accountId !== context.caller.accountId || store.region !== context.region)
    throw kmsError('CustomKeyStoreNotFoundException', messages.customKeyStoreNotFound(id));
  return store;
}

/**
 * GenerateRandom with CustomKeyStoreId: a CloudHSM key store that is CONNECTED (API Reference,
 * GenerateRandom CustomKeyStoreId and CustomKeyStoreInvalidStateException).
 */
export function requireRandomSource(context: OperationContext, id: string): void {
  const store = findCustomKeyStore(context, id);
  if (store.type === 'EXTERNAL_KEY_STORE') throw kmsError('UnsupportedOperationException', messages.generateRandomExternalKeyStore(store.id));
  requireConnectionState(store, ['CONNECTED']);
}

/** CustomKeyStoreInvalidStateException unless the store's connection state is one of `allowed`. */
export function requireConnectionState(store: CustomKeyStoreRecord, allowed: readonly ConnectionStateType[]): void {
  if (!allowed.includes(store.connectionState)) {
    throw kmsError('CustomKeyStoreInvalidStateException', messages.customKeyStoreInvalidState(store.id, store.connectionState, allowed.join(' or ')));
  }
}

/** CustomKeyStoreNameInUseException when another store of the account and Region has this name. */
export function requireFreeName(context: OperationContext, name: string, self?: CustomKeyStoreRecord): void {
  const taken = context.state.customKeyStores.storesOf(context.caller.accountId, context.region).some((s) => s !== self && s.name === name);
  if (taken) throw kmsError('CustomKeyStoreNameInUseException', messages.customKeyStoreNameInUse(name));
}

/**
 * The checks of a cluster that a CloudHSM key store is made over or moved to (API Reference,
 * CreateCustomKeyStore and UpdateCustomKeyStore errors): it exists, is active, and has two active HSMs
 * in different Availability Zones.
 */
export function requireUsableCluster(context: OperationContext, clusterId: string): CloudHsmClusterRecord {
  const cluster = context.state.customKeyStores.clusters.get(clusterId);
  if (!cluster) throw kmsError('CloudHsmClusterNotFoundException', messages.cloudHsmClusterNotFound(clusterId));
  if (!cluster.active) throw kmsError('CloudHsmClusterNotActiveException', messages.cloudHsmClusterNotActive(clusterId));
  requireTwoHsms(cluster);
  return cluster;
}

/** CloudHsmClusterInvalidConfigurationException unless two active HSMs are in different Availability Zones. */
export function requireTwoHsms(cluster: CloudHsmClusterRecord): void {
  if (spreadHsms(cluster) < 2) throw kmsError('CloudHsmClusterInvalidConfigurationException', messages.cloudHsmClusterTooFewHsms(cluster.clusterId, 2));
}

/**
 * The uniqueness rules of external key stores in an account and Region (API Reference,
 * CreateCustomKeyStore XksProxyUriEndpoint and XksProxyVpcEndpointServiceName): the proxy API address
 * (endpoint and path) is unique; a public endpoint is not also a VPC store's endpoint; a VPC store's
 * endpoint (private DNS name) and its VPC endpoint service are its own.
 */
export function requireUniqueProxy(context: OperationContext, settings: XksSettings, self?: CustomKeyStoreRecord): void {
  const others = context.state.customKeyStores
    .storesOf(context.caller.accountId, context.region)
    .filter((s): s is CustomKeyStoreRecord & { xks: XksSettings } => s !== self && s.xks !== undefined);
  for (const other of others) {
    if (other.xks.uriEndpoint === settings.uriEndpoint && other.xks.uriPath === settings.uriPath) {
      throw kmsError('XksProxyUriInUseException', messages.xksProxyUriInUse(`${settings.uriEndpoint}${settings.uriPath}`));
    }
  }
  for (const other of others) {
    if (other.xks.uriEndpoint !== settings.uriEndpoint) continue;
    if (other.xks.connectivity !== settings.connectivity || settings.connectivity === 'VPC_ENDPOINT_SERVICE') {
      throw kmsError('XksProxyUriEndpointInUseException', messages.xksProxyUriEndpointInUse(settings.uriEndpoint));
    }
  }
  if (settings.vpcEndpointServiceName !== undefined && others.some((o) => o.xks.vpcEndpointServiceName === settings.vpcEndpointServiceName)) {
    throw kmsError('XksProxyVpcEndpointServiceInUseException', messages.xksProxyVpcEndpointServiceInUse(settings.vpcEndpointServiceName));
  }
}

/**
 * What KMS finds when it sends the proxy a request (GetHealthStatus) with these settings: the
 * exception CreateCustomKeyStore or UpdateCustomKeyStore answers, or nothing when the proxy accepts it.
 */
export function checkProxy(context: OperationContext, settings: XksSettings): void {
  const real = realProxyTarget(context, settings, context.region);
  if (real) return checkRealProxy(context, real);
  const problem = proxyProblem(proxyFor(context.state.customKeyStores, settings.uriEndpoint), settings.uriPath, settings);
  if (problem === 'credential') throw kmsError('XksProxyIncorrectAuthenticationCredentialException', messages.xksProxyIncorrectCredential());
  if (problem) throw kmsError('XksProxyUriUnreachableException', messages.xksProxyUriUnreachable(`${settings.uriEndpoint}${settings.uriPath}`));
}

/** The ValidationException of a connectivity without its VPC endpoint service name, or a public one with one. */
export function requireConnectivityMembers(connectivity: XksProxyConnectivityType, vpcEndpointServiceName: string | undefined): void {
  if (connectivity === 'VPC_ENDPOINT_SERVICE' && vpcEndpointServiceName === undefined)
    throw kmsError('ValidationException', messages.xksProxyVpcConnectivity('XksProxyVpcEndpointServiceName'));
  if (connectivity === 'PUBLIC_ENDPOINT' && vpcEndpointServiceName !== undefined) throw kmsError('ValidationException', messages.xksProxyPublicConnectivity());
}

/**
 * How a connection attempt begun now will end, decided from what the store's backing key store is
 * like (the simulated cluster or proxy and its injected failure): a ConnectionErrorCode, or undefined
 * for CONNECTED.
 */
export function connectionOutcome(context: OperationContext, store: CustomKeyStoreRecord): ConnectionErrorCodeType | undefined {
  const stores = context.state.customKeyStores;
  if (store.cloudHsm) {
    const cluster = stores.clusters.get(store.cloudHsm.clusterId);
    if (!cluster) return 'CLUSTER_NOT_FOUND';
    if (cluster.connectionErrorCode) return cluster.connectionErrorCode;
    if (cluster.hsms < 1) return 'INSUFFICIENT_CLOUDHSM_HSMS';
    if (cluster.kmsuserPassword !== undefined && cluster.kmsuserPassword !== store.cloudHsm.keyStorePassword) return 'INVALID_CREDENTIALS';
    return undefined;
  }
  const xks = store.xks as XksSettings;
  const proxy = proxyFor(stores, xks.uriEndpoint);
  if (proxy.connectionErrorCode) return proxy.connectionErrorCode;
  const real = realProxyTarget(context, xks, store.region);
  if (real) return realConnectionOutcome(context, real);
  const problem = proxyProblem(proxy, xks.uriPath, xks);
  if (problem === 'unreachable') return 'XKS_PROXY_NOT_REACHABLE';
  if (problem === 'path') return 'XKS_PROXY_INVALID_CONFIGURATION';
  if (problem === 'credential') return 'INVALID_CREDENTIALS';
  return undefined;
}

/** A store as DescribeCustomKeyStores lists it: the fields of its type only, ConnectionErrorCode only while FAILED. */
export function customKeyStoreEntry(store: CustomKeyStoreRecord): CustomKeyStoresListEntry {
  const entry: CustomKeyStoresListEntry = {
    CustomKeyStoreId: store.id,
    CustomKeyStoreName: store.name,
    ConnectionState: store.connectionState,
    CreationDate: new Date(store.creationDate.getTime()),
    CustomKeyStoreType: store.type,
  };
  if (store.connectionState === 'FAILED' && store.connectionErrorCode) entry.ConnectionErrorCode = store.connectionErrorCode;
  if (store.cloudHsm) {
    entry.CloudHsmClusterId = store.cloudHsm.clusterId;
    entry.TrustAnchorCertificate = store.cloudHsm.trustAnchorCertificate;
  }
  if (store.xks) {
    entry.XksProxyConfiguration = {
      Connectivity: store.xks.connectivity,
      AccessKeyId: store.xks.accessKeyId,
      UriEndpoint: store.xks.uriEndpoint,
      UriPath: store.xks.uriPath,
      ...(store.xks.vpcEndpointServiceName !== undefined ? { VpcEndpointServiceName: store.xks.vpcEndpointServiceName } : {}),
      ...(store.xks.vpcEndpointServiceOwner !== undefined ? { VpcEndpointServiceOwner: store.xks.vpcEndpointServiceOwner } : {}),
    };
  }
  return entry;
}
