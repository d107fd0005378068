import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromNode, keyPairFromSeed, type AsymmetricParams, type KeyPair } from './key-pair';
import { rsaKeyFromPrimes, rsaPrimesFromSeed, rsaPrimesMatchSeed, type PrimePosition, type RsaPrimes } from './rsa-key-generation';

/** Key pairs kept in memory: the most recently used, across every vault of the process. */
const MEMORY_ENTRIES = 64;
/** Files kept in the disk cache (about 1.3 KB each): the oldest used beyond this are removed. */
const DISK_ENTRIES = 256;
/** The version of the disk entries' format; entries of another version are ignored. */
const FORMAT = 'kms-vault-mock rsa primes 1';

/** How the cache served the key pairs asked of it, for tests and benchmarks. */
export interface KeyPairCacheStats {
  /** Served from memory: a pair made before in this process. */
  memoryHits: number;
  /** RSA pairs rebuilt from primes found on disk (made by an earlier run or another jest worker). */
  diskHits: number;
  /** Made from the seed. */
  misses: number;
}

const stats: KeyPairCacheStats = { memoryHits: 0, diskHits: 0, misses: 0 };
const memory = new Map<string, KeyPair>();

/** The counts so far (a copy). */
export function keyPairCacheStats(): KeyPairCacheStats {
  return { ...stats };
}

/** Forgets the pairs kept in memory (not those on disk), so that the next asks go to disk. */
export function clearKeyPairMemoryCache(): void {
  memory.clear();
}

/**
 * The directory of the disk cache: `KMS_VAULT_MOCK_CACHE_DIR`, or `node_modules/.cache/kms-vault-mock`
 * of the working directory (where tools keep caches by convention), or none (`KMS_VAULT_MOCK_CACHE_DIR=off`,
 * or no node_modules there).
 */
function cacheDir(): string | undefined {
  const configured = process.env.KMS_VAULT_MOCK_CACHE_DIR;
  if (configured === 'off' || configured === '') return undefined;
  if (configured !== undefined) return configured;
  const modules = join(process.cwd(), 'node_modules');
  try {
    return statSync(modules).isDirectory() ? join(modules, '.cache', 'kms-vault-mock') : undefined;
  } catch {
    return undefined;
  }
}

/** What identifies a pair: a hash of the parameters and the seed (never the seed itself). */
function cacheKey(params: AsymmetricParams, seed: Uint8Array): string {
  return createHash('sha256').update(JSON.stringify(params)).update('\0').update(seed).digest('hex');
}

/**
 * The key pair `seed` determines for `params`, as {@link keyPairFromSeed} makes it, but made once:
 * a new vault per test (same seed, same keys) would otherwise pay for every RSA key again, about half
 * a second for RSA_4096. Pairs are kept in memory for the process; the primes of RSA pairs also on
 * disk, for the next run and for parallel jest workers, and checked against the seed when read back.
 */
export function cachedKeyPairFromSeed(params: AsymmetricParams, seed: Uint8Array): KeyPair {
  const key = cacheKey(params, seed);
  const kept = memory.get(key);
  if (kept) {
    stats.memoryHits++;
    // Map order is insertion order: moving the entry to the end keeps the least recently used first.
    memory.delete(key);
    memory.set(key, kept);
    return kept;
  }
  const pair = params.kind === 'rsa' ? rsaPair(params, seed, key) : miss(() => keyPairFromSeed(params, seed));
  memory.set(key, pair);
  if (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value as string);
  return pair;
}

function miss<T>(make: () => T): T {
  stats.misses++;
  return make();
}

function rsaPair(params: Extract<AsymmetricParams, { kind: 'rsa' }>, seed: Uint8Array, key: string): KeyPair {
  const dir = cacheDir();
  const file = dir === undefined ? undefined : join(dir, `${key}.json`);
  const stored = file === undefined ? undefined : readPrimes(file, key, params.bits);
  if (stored && rsaPrimesMatchSeed(seed, stored)) {
    stats.diskHits++;
    return fromNode(params, rsaKeyFromPrimes(stored), {});
  }
  const primes = miss(() => rsaPrimesFromSeed(seed, params.bits));
  if (dir !== undefined && file !== undefined) writePrimes(dir, file, key, primes);
  return fromNode(params, rsaKeyFromPrimes(primes), {});
}

interface StoredPrimes {
  readonly format: string;
  readonly key: string;
  readonly bits: number;
  readonly p: string;
  readonly q: string;
  readonly pAt: PrimePosition;
  readonly qAt: PrimePosition;
}

/** The primes of a cache file, or undefined when it is missing, unreadable or not this entry. */
function readPrimes(file: string, key: string, bits: RsaPrimes['bits']): RsaPrimes | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredPrimes>;
    if (entry.format !== FORMAT || entry.key !== key || entry.bits !== bits) return undefined;
    if (typeof entry.p !== 'string' || typeof entry.q !== 'string' || !/^[0-9a-f]+$/.test(entry.p + entry.q) || !entry.pAt || !entry.qAt) return undefined;
    // Touched on use, so that eviction removes the entries used least recently.
    const now = new Date();
    utimesSync(file, now, now);
    return { bits, p: BigInt(`0x${entry.p}`), q: BigInt(`0x${entry.q}`), pAt: entry.pAt, qAt: entry.qAt };
  } catch {
    return undefined;
  }
}

/**
 * Writes an entry as a whole or not at all (a temporary file renamed into place, so parallel jest
 * workers never read half a file), then removes the least recently used entries beyond the bound.
 * The cache only saves time: any failure (read-only disk, a race with another worker) is ignored.
 */
function writePrimes(dir: string, file: string, key: string, primes: RsaPrimes): void {
  const entry: StoredPrimes = { format: FORMAT, key, bits: primes.bits, p: primes.p.toString(16), q: primes.q.toString(16), pAt: primes.pAt, qAt: primes.qAt };
  const temporary = join(dir, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, JSON.stringify(entry));
    renameSync(temporary, file);
    evictBeyondBound(dir);
  } catch {
    rmSync(temporary, { force: true });
  }
}

function evictBeyondBound(dir: string): void {
  const names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  if (names.length <= DISK_ENTRIES) return;
  const used = names.map((name) => {
    try {
      return { name, time: statSync(join(dir, name)).mtimeMs };
    } catch {
      return { name, time: 0 };
    }
  });
  used.sort((a, b) => a.time - b.time);
  for (const { name } of used.slice(0, used.length - DISK_ENTRIES)) rmSync(join(dir, name), { force: true });
}
