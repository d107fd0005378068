import { X509Certificate } from 'node:crypto';
import type { CustomKeyStoreType } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { CustomKeyStoreRecord, XksSettings } from '../vault/custom-key-stores';
import { checkProxy, requireConnectivityMembers, requireFreeName, requireUniqueProxy, requireUsableCluster } from './custom-key-store-rules';

/** Custom key stores per account and Region (KMS quotas, "Custom key stores"). */
export const CUSTOM_KEY_STORE_LIMIT = 10;

const CLOUDHSM_MEMBERS = ['CloudHsmClusterId', 'TrustAnchorCertificate', 'KeyStorePassword'] as const;
const XKS_MEMBERS = ['XksProxyUriEndpoint', 'XksProxyUriPath', 'XksProxyAuthenticationCredential', 'XksProxyConnectivity'] as const;
const XKS_OPTIONAL = ['XksProxyVpcEndpointServiceName', 'XksProxyVpcEndpointServiceOwner'] as const;

type StoreInput = HandlerInput<'CreateCustomKeyStore'>;
type WithMembers<K extends keyof StoreInput> = StoreInput & { readonly [P in K]-?: Exclude<StoreInput[P], undefined> };

/** Whether every one of `members` is in the request. */
function hasMembers<K extends keyof StoreInput>(input: StoreInput, members: readonly K[]): input is WithMembers<K> {
  return members.every((member) => input[member] !== undefined);
}

/**
 * The request with the members its store type requires (optional in the model, required by the type):
 * ValidationException naming the first one absent.
 */
function requiredMembers<K extends keyof StoreInput & string>(input: StoreInput, members: readonly K[], type: CustomKeyStoreType): WithMembers<K> {
  if (hasMembers(input, members)) return input;
  const missing = members.find((member) => input[member] === undefined) ?? '';
  throw kmsError('ValidationException', messages.customKeyStoreMemberRequired(missing, type));
}

/**
 * Creates a CloudHSM key store over a cluster the vault simulates (`vault.addCloudHsmCluster`), or an
 * external key store with a simulated proxy. New stores are DISCONNECTED. An external key store with a
 * public endpoint is checked against its proxy at once; one with VPC endpoint service connectivity
 * only when it connects.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateCustomKeyStore.html
 */
export function createCustomKeyStore(context: OperationContext, input: HandlerInput<'CreateCustomKeyStore'>): HandlerOutput<'CreateCustomKeyStore'> {
  const type: CustomKeyStoreType = input.CustomKeyStoreType ?? 'AWS_CLOUDHSM';
  const members = type === 'AWS_CLOUDHSM' ? { cloudHsm: requiredMembers(input, CLOUDHSM_MEMBERS, type) } : { xks: requiredMembers(input, XKS_MEMBERS, type) };
  const foreign = type === 'AWS_CLOUDHSM' ? [...XKS_MEMBERS, ...XKS_OPTIONAL] : CLOUDHSM_MEMBERS;
  for (const member of foreign) if (input[member] !== undefined) throw kmsError('ValidationException', messages.customKeyStoreMemberNotValid(member, type));
  const name = input.CustomKeyStoreName;
  requireFreeName(context, name);
  const stores = context.state.customKeyStores;
  if (stores.storesOf(context.caller.accountId, context.region).length >= CUSTOM_KEY_STORE_LIMIT) {
    throw kmsError('LimitExceededException', messages.customKeyStoreLimit(CUSTOM_KEY_STORE_LIMIT));
  }
  const base = {
    id: `cks-${context.random.bytes(9).toString('hex').slice(0, 17)}`,
    accountId: context.caller.accountId,
    region: context.region,
    name,
    type,
    creationDate: context.now,
    connectionState: 'DISCONNECTED' as const,
  };
  let store: CustomKeyStoreRecord;
  if (members.cloudHsm !== undefined) {
    const { CloudHsmClusterId: clusterId, TrustAnchorCertificate: trustAnchorCertificate, KeyStorePassword: keyStorePassword } = members.cloudHsm;
    const cluster = stores.clusters.get(clusterId);
    if (!cluster) throw kmsError('CloudHsmClusterNotFoundException', messages.cloudHsmClusterNotFound(clusterId));
    // One CloudHSM key store per cluster in the account, and per backup history (API Reference, CloudHsmClusterInUseException).
    const inUse = [...stores.stores.values()].some(
      (s) => s.accountId === context.caller.accountId && s.cloudHsm && stores.clusters.get(s.cloudHsm.clusterId)?.lineage === cluster.lineage,
    );
    if (inUse) throw kmsError('CloudHsmClusterInUseException', messages.cloudHsmClusterInUse(clusterId));
    requireUsableCluster(context, clusterId);
    if (!sameCertificate(trustAnchorCertificate, cluster.trustAnchorCertificate))
      throw kmsError('IncorrectTrustAnchorException', messages.incorrectTrustAnchor(clusterId));
    store = { ...base, cloudHsm: { clusterId, trustAnchorCertificate, keyStorePassword } };
  } else {
    const { XksProxyConnectivity: connectivity, XksProxyUriEndpoint: uriEndpoint, XksProxyUriPath: uriPath } = members.xks;
    // The credential's own members are required by the model (checked with the structure's rules).
    const credential = members.xks.XksProxyAuthenticationCredential as { AccessKeyId: string; RawSecretAccessKey: string };
    requireConnectivityMembers(connectivity, input.XksProxyVpcEndpointServiceName);
    const xks: XksSettings = {
      connectivity,
      uriEndpoint,
      uriPath,
      accessKeyId: credential.AccessKeyId,
      rawSecretAccessKey: credential.RawSecretAccessKey,
      ...(input.XksProxyVpcEndpointServiceName !== undefined ? { vpcEndpointServiceName: input.XksProxyVpcEndpointServiceName } : {}),
      // "If not provided, the Amazon Web Services account ID calling the action will be used" (botocore model).
      ...(connectivity === 'VPC_ENDPOINT_SERVICE' ? { vpcEndpointServiceOwner: input.XksProxyVpcEndpointServiceOwner ?? context.caller.accountId } : {}),
    };
    requireUniqueProxy(context, xks);
    // A public endpoint must be reachable when the store is made: KMS sends the proxy a request then.
    if (connectivity === 'PUBLIC_ENDPOINT') checkProxy(context, xks);
    store = { ...base, xks };
  }
  stores.add(store);
  return { CustomKeyStoreId: store.id };
}

/** Whether two PEM certificates are the same certificate; text that is no certificate matches nothing. */
function sameCertificate(given: string, expected: string): boolean {
  try {
    return new X509Certificate(given).raw.equals(new X509Certificate(expected).raw);
  } catch {
    return false;
  }
}
