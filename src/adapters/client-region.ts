import type { KMSClient } from '@aws-sdk/client-kms';

const resolved = new WeakMap<object, string>();

/**
 * The region a client is configured for, or `fallback` when it has none (the SDK would fail with
 * "Region is missing"; the vault answers as the default region instead). Resolved once per client.
 */
export async function clientRegion(client: KMSClient | undefined, fallback: string): Promise<string> {
  if (!client) return fallback;
  const cached = resolved.get(client.config);
  if (cached !== undefined) return cached;
  let region = fallback;
  try {
    const value: unknown = await client.config.region();
    if (typeof value === 'string' && value.length > 0) region = value;
  } catch {
    region = fallback;
  }
  resolved.set(client.config, region);
  return region;
}

/** The cached region of a client, without waiting; undefined before its first call. */
export function cachedClientRegion(client: KMSClient | undefined): string | undefined {
  return client ? resolved.get(client.config) : undefined;
}

/** The client's maxAttempts (the SDK's default is 3). */
export async function clientMaxAttempts(client: KMSClient | undefined): Promise<number> {
  try {
    const value: unknown = await client?.config.maxAttempts();
    return typeof value === 'number' && value >= 1 ? value : 3;
  } catch {
    return 3;
  }
}
