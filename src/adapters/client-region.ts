import { configValue, type ClientConfig } from './client-config';

const resolved = new WeakMap<object, string>();

/**
 * The Region a client's configuration names, or `fallback` when it has none (the SDK would fail with
 * "Region is missing"; the vault answers as its default Region instead). Resolved once per
 * configuration.
 */
export async function clientRegion(config: ClientConfig | undefined, fallback: string): Promise<string> {
  if (!config) return fallback;
  const cached = resolved.get(config);
  if (cached !== undefined) return cached;
  let region = fallback;
  try {
    const value = await configValue(config.region);
    if (typeof value === 'string' && value.length > 0) region = value;
  } catch {
    region = fallback;
  }
  resolved.set(config, region);
  return region;
}

/** The cached Region of a configuration, without waiting; undefined before its first call. */
export function cachedClientRegion(config: ClientConfig | undefined): string | undefined {
  return config ? resolved.get(config) : undefined;
}

/** The client's maxAttempts (the SDK's default is 3). */
export async function clientMaxAttempts(config: ClientConfig | undefined): Promise<number> {
  try {
    const value = await configValue(config?.maxAttempts);
    return typeof value === 'number' && value >= 1 ? value : 3;
  } catch {
    return 3;
  }
}
