import { configValue, type ClientConfig } from './client-config';

const accessKeyIds = new WeakMap<object, string | null>();

/**
 * The access key id of the credentials a client configuration carries, when they can be had without
 * searching: credentials given to the client in code (the SDK marks them), or in the environment
 * (`AWS_ACCESS_KEY_ID`). The SDK's default chain is not walked otherwise, since its last link asks the
 * EC2 instance metadata service and waits for it. Read once per configuration.
 */
export async function clientAccessKeyId(config: ClientConfig | undefined): Promise<string | undefined> {
  if (!config) return undefined;
  const cached = accessKeyIds.get(config);
  if (cached !== undefined) return cached ?? undefined;
  let id: string | null = null;
  const provider = config.credentials;
  const given = typeof provider === 'function' && (provider as { attributed?: unknown }).attributed === true;
  if (given || process.env.AWS_ACCESS_KEY_ID) {
    try {
      const value = await configValue(provider);
      const key: unknown = (value as { accessKeyId?: unknown } | undefined)?.accessKeyId;
      if (typeof key === 'string') id = key;
    } catch {
      id = null;
    }
  }
  accessKeyIds.set(config, id);
  return id ?? undefined;
}
