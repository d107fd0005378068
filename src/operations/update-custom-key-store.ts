import type { UpdateCustomKeyStoreRequest } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { keysIn, type XksSettings } from '../vault/custom-key-stores';
import {
  checkProxy,
  findCustomKeyStore,
  requireConnectionState,
  requireConnectivityMembers,
  requireFreeName,
  requireUniqueProxy,
  requireUsableCluster,
} from './custom-key-store-rules';

const CLOUDHSM_MEMBERS = ['KeyStorePassword', 'CloudHsmClusterId'] as const;
const XKS_MEMBERS = [
  'XksProxyUriEndpoint',
  'XksProxyUriPath',
  'XksProxyVpcEndpointServiceName',
  'XksProxyVpcEndpointServiceOwner',
  'XksProxyAuthenticationCredential',
  'XksProxyConnectivity',
] as const;
/** What an external key store may change while CONNECTED (API Reference, UpdateCustomKeyStore). */
const XKS_WHILE_CONNECTED = new Set<string>(['NewCustomKeyStoreName', 'XksProxyAuthenticationCredential', 'XksProxyUriPath']);

/**
 * Changes a custom key store's properties. A CloudHSM key store must be DISCONNECTED for any change
 * (a new cluster must share the old one's backup history); an external key store may change its name,
 * proxy credential and path while CONNECTED or DISCONNECTED, anything else only while DISCONNECTED.
 * Settings a connected or public-endpoint proxy must accept are checked with it.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateCustomKeyStore.html
 */
export function updateCustomKeyStore(context: OperationContext, input: HandlerInput<'UpdateCustomKeyStore'>): HandlerOutput<'UpdateCustomKeyStore'> {
  const store = findCustomKeyStore(context, input.CustomKeyStoreId);
  const foreign = store.type === 'AWS_CLOUDHSM' ? XKS_MEMBERS : CLOUDHSM_MEMBERS;
  for (const member of foreign)
    if (input[member] !== undefined) throw kmsError('ValidationException', messages.customKeyStoreMemberNotValid(member, store.type));
  const changed = Object.keys(input).filter((m) => m !== 'CustomKeyStoreId' && (input as unknown as Record<string, unknown>)[m] !== undefined);
  if (store.type === 'AWS_CLOUDHSM' || changed.some((m) => !XKS_WHILE_CONNECTED.has(m))) requireConnectionState(store, ['DISCONNECTED']);
  else requireConnectionState(store, ['DISCONNECTED', 'CONNECTED']);
  if (input.NewCustomKeyStoreName !== undefined) requireFreeName(context, input.NewCustomKeyStoreName, store);

  if (store.cloudHsm) {
    const current = store.cloudHsm;
    const clusterId = input.CloudHsmClusterId;
    if (clusterId !== undefined && clusterId !== current.clusterId) {
      const stores = context.state.customKeyStores;
      const cluster = stores.clusters.get(clusterId);
      if (!cluster) throw kmsError('CloudHsmClusterNotFoundException', messages.cloudHsmClusterNotFound(clusterId));
      if (cluster.lineage !== stores.clusters.get(current.clusterId)?.lineage)
        throw kmsError('CloudHsmClusterNotRelatedException', messages.cloudHsmClusterNotRelated(clusterId, current.clusterId));
      requireUsableCluster(context, clusterId);
    }
    if (input.NewCustomKeyStoreName !== undefined) store.name = input.NewCustomKeyStoreName;
    if (input.KeyStorePassword !== undefined) current.keyStorePassword = input.KeyStorePassword;
    if (clusterId !== undefined && clusterId !== current.clusterId) {
      current.clusterId = clusterId;
      for (const key of keysIn(store, context.state.peek(store.accountId, store.region)))
        if (key.customKeyStore) key.customKeyStore.cloudHsmClusterId = clusterId;
    }
    return {};
  }

  const current = store.xks as XksSettings;
  const next = nextXksSettings(current, input, context.caller.accountId);
  if (next.uriEndpoint !== current.uriEndpoint || next.uriPath !== current.uriPath || next.vpcEndpointServiceName !== current.vpcEndpointServiceName)
    requireUniqueProxy(context, next, store);
  const proxyChanged =
    next.uriEndpoint !== current.uriEndpoint ||
    next.uriPath !== current.uriPath ||
    next.accessKeyId !== current.accessKeyId ||
    next.rawSecretAccessKey !== current.rawSecretAccessKey;
  if (proxyChanged && (store.connectionState === 'CONNECTED' || next.connectivity === 'PUBLIC_ENDPOINT')) checkProxy(context, next);
  if (input.NewCustomKeyStoreName !== undefined) store.name = input.NewCustomKeyStoreName;
  Object.assign(current, next);
  if (next.vpcEndpointServiceName === undefined) delete current.vpcEndpointServiceName;
  if (next.vpcEndpointServiceOwner === undefined) delete current.vpcEndpointServiceOwner;
  return {};
}

/**
 * The proxy settings an update asks for. Changing the connectivity needs a new endpoint, and a VPC
 * endpoint service name for VPC_ENDPOINT_SERVICE or none (null or empty) for PUBLIC_ENDPOINT.
 */
function nextXksSettings(current: XksSettings, input: UpdateCustomKeyStoreRequest, accountId: string): XksSettings {
  const connectivity = input.XksProxyConnectivity ?? current.connectivity;
  const clearsVpc = connectivity === 'PUBLIC_ENDPOINT';
  const vpcEndpointServiceName = clearsVpc ? undefined : (input.XksProxyVpcEndpointServiceName ?? current.vpcEndpointServiceName);
  const vpcEndpointServiceOwner = clearsVpc ? undefined : (input.XksProxyVpcEndpointServiceOwner ?? current.vpcEndpointServiceOwner ?? accountId);
  if (connectivity !== current.connectivity) {
    if (input.XksProxyUriEndpoint === undefined || input.XksProxyUriEndpoint === current.uriEndpoint) {
      throw kmsError('ValidationException', messages.xksConnectivityNeedsEndpoint(connectivity));
    }
  }
  if (clearsVpc && input.XksProxyVpcEndpointServiceName) throw kmsError('ValidationException', messages.xksVpcServiceOnPublic());
  requireConnectivityMembers(connectivity, vpcEndpointServiceName);
  const credential = input.XksProxyAuthenticationCredential;
  return {
    connectivity,
    uriEndpoint: input.XksProxyUriEndpoint ?? current.uriEndpoint,
    uriPath: input.XksProxyUriPath ?? current.uriPath,
    accessKeyId: credential?.AccessKeyId ?? current.accessKeyId,
    rawSecretAccessKey: credential?.RawSecretAccessKey ?? current.rawSecretAccessKey,
    ...(vpcEndpointServiceName !== undefined ? { vpcEndpointServiceName } : {}),
    ...(vpcEndpointServiceOwner !== undefined ? { vpcEndpointServiceOwner } : {}),
  };
}
