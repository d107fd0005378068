import { execFileSync } from 'node:child_process';
import { constants, createPublicKey, publicEncrypt, privateDecrypt, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateKeyCommand, GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin } from 'kms-vault-mock';
import { cachedKeyPairFromSeed, clearKeyPairMemoryCache, keyPairCacheStats, type KeyPairCacheStats } from '../../src/crypto/key-pair-cache';
import { rsaKeyFromPrimes, rsaKeyFromSeed, rsaPrimesFromSeed, rsaPrimesMatchSeed } from '../../src/crypto/rsa-key-generation';

describe('RSA key pairs derived from a seed (docs/decisions/005)', () => {
  const seed = Buffer.alloc(32, 7);
  const key = rsaKeyFromSeed(seed, 2048);

  it('is a 2048-bit key with public exponent 65537 that openssl rsa -check accepts', () => {
    expect(key.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
    const pem = key.export({ type: 'pkcs8', format: 'pem' });
    expect(execFileSync('openssl', ['rsa', '-check', '-noout'], { input: pem }).toString()).toContain('RSA key ok');
  });

  it('is the same key for the same seed, another for another seed', () => {
    const spki = (k: typeof key) => createPublicKey(k).export({ type: 'spki', format: 'der' });
    expect(spki(rsaKeyFromSeed(Buffer.alloc(32, 7), 2048))).toEqual(spki(key));
    expect(spki(rsaKeyFromSeed(Buffer.alloc(32, 8), 2048))).not.toEqual(spki(key));
  });

  it('encrypts and decrypts', () => {
    const ciphertext = publicEncrypt(createPublicKey(key), Buffer.from('round trip'));
    expect(privateDecrypt(key, ciphertext).toString()).toBe('round trip');
  });
});

describe('the RSA primes a seed leads to, and their check when read back from a cache', () => {
  const seed = Buffer.alloc(32, 3);
  const primes = rsaPrimesFromSeed(seed, 2048);

  it('make the same key as rsaKeyFromSeed', () => {
    const spki = (k: KeyObject) => createPublicKey(k).export({ type: 'spki', format: 'der' });
    expect(spki(rsaKeyFromPrimes(primes))).toEqual(spki(rsaKeyFromSeed(seed, 2048)));
  });

  it('match their seed, and only their seed and position', () => {
    expect(rsaPrimesMatchSeed(seed, primes)).toBe(true);
    expect(rsaPrimesMatchSeed(Buffer.alloc(32, 4), primes)).toBe(false);
    expect(rsaPrimesMatchSeed(seed, { ...primes, p: primes.p + 2n })).toBe(false);
    expect(rsaPrimesMatchSeed(seed, { ...primes, pAt: { ...primes.pAt, step: primes.pAt.step + 2 } })).toBe(false);
    expect(rsaPrimesMatchSeed(seed, { ...primes, q: primes.p, qAt: primes.pAt })).toBe(false);
    expect(rsaPrimesMatchSeed(seed, { ...primes, bits: 4096 })).toBe(false);
  });
});

describe('the key pair cache: a pair is made once per process, and RSA primes once per machine', () => {
  const savedDir = process.env.KMS_VAULT_MOCK_CACHE_DIR;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-cache-'));
    process.env.KMS_VAULT_MOCK_CACHE_DIR = dir;
    clearKeyPairMemoryCache();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    if (savedDir === undefined) delete process.env.KMS_VAULT_MOCK_CACHE_DIR;
    else process.env.KMS_VAULT_MOCK_CACHE_DIR = savedDir;
  });

  const rsa2048 = { kind: 'rsa', bits: 2048 } as const;
  const delta = (before: KeyPairCacheStats): KeyPairCacheStats => {
    const now = keyPairCacheStats();
    return { memoryHits: now.memoryHits - before.memoryHits, diskHits: now.diskHits - before.diskHits, misses: now.misses - before.misses };
  };

  it('a second vault with the same seed signs with the same RSA_4096 key without making it again', async () => {
    const signWith = async (vault: KmsVault) => {
      const kms = new KMSClient({ region: 'us-east-1' });
      kms.middlewareStack.use(vaultPlugin(vault));
      const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_4096', KeyUsage: 'SIGN_VERIFY' }));
      const { Signature } = await kms.send(new SignCommand({ KeyId: KeyMetadata?.KeyId, Message: Buffer.from('m'), SigningAlgorithm: 'RSASSA_PSS_SHA_256' }));
      const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: KeyMetadata?.KeyId }));
      return { signature: Buffer.from(Signature ?? []), publicKey: Buffer.from(PublicKey ?? []) };
    };
    const first = await signWith(new KmsVault({ seed: 'rsa-cache' }));
    const before = keyPairCacheStats();
    const second = await signWith(new KmsVault({ seed: 'rsa-cache' }));
    expect(delta(before)).toEqual({ memoryHits: 1, diskHits: 0, misses: 0 });
    expect(second.publicKey).toEqual(first.publicKey);
    const publicKey = createPublicKey({ key: second.publicKey, format: 'der', type: 'spki' });
    const verify = (signature: Buffer) =>
      cryptoVerify('sha256', Buffer.from('m'), { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature);
    expect(verify(second.signature)).toBe(true);
    expect(verify(first.signature)).toBe(true);
  });

  it('a later run (an empty memory) reads the primes from disk: the same key, not made again', () => {
    const seed = Buffer.alloc(32, 5);
    let before = keyPairCacheStats();
    const made = cachedKeyPairFromSeed(rsa2048, seed);
    expect(delta(before)).toEqual({ memoryHits: 0, diskHits: 0, misses: 1 });
    expect(readdirSync(dir).filter((name) => name.endsWith('.json'))).toHaveLength(1);
    clearKeyPairMemoryCache();
    before = keyPairCacheStats();
    const read = cachedKeyPairFromSeed(rsa2048, seed);
    expect(delta(before)).toEqual({ memoryHits: 0, diskHits: 1, misses: 0 });
    expect(read.spki).toEqual(made.spki);
    expect(read.pkcs8).toEqual(made.pkcs8);
  });

  it('never trusts a damaged entry or one copied from another seed: the pair is made again, right', () => {
    const seed = Buffer.alloc(32, 6);
    const made = cachedKeyPairFromSeed(rsa2048, seed);
    const [file = ''] = readdirSync(dir).filter((name) => name.endsWith('.json'));
    const entry = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { p: string };
    writeFileSync(join(dir, file), JSON.stringify({ ...entry, p: `${entry.p.slice(0, -1)}${entry.p.endsWith('1') ? '3' : '1'}` }));
    clearKeyPairMemoryCache();
    let before = keyPairCacheStats();
    expect(cachedKeyPairFromSeed(rsa2048, seed).spki).toEqual(made.spki);
    expect(delta(before)).toEqual({ memoryHits: 0, diskHits: 0, misses: 1 });

    const other = Buffer.alloc(32, 7);
    cachedKeyPairFromSeed(rsa2048, other);
    const names = readdirSync(dir).filter((name) => name.endsWith('.json'));
    const otherFile = names.find((name) => name !== file) ?? '';
    const foreign = JSON.parse(readFileSync(join(dir, otherFile), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, file), JSON.stringify({ ...foreign, key: file.replace('.json', '') }));
    clearKeyPairMemoryCache();
    before = keyPairCacheStats();
    expect(cachedKeyPairFromSeed(rsa2048, seed).spki).toEqual(made.spki);
    expect(delta(before)).toEqual({ memoryHits: 0, diskHits: 0, misses: 1 });

    writeFileSync(join(dir, file), '{"format":');
    clearKeyPairMemoryCache();
    expect(cachedKeyPairFromSeed(rsa2048, seed).spki).toEqual(made.spki);
  });

  it('stays bounded: beyond 256 entries the least recently used go; no temporary file is left', () => {
    const old = new Date(Date.now() - 86_400_000);
    for (let i = 0; i < 300; i++) {
      const name = join(dir, `${i.toString(16).padStart(64, '0')}.json`);
      writeFileSync(name, '{}');
      utimesSync(name, old, new Date(old.getTime() + i * 1000));
    }
    cachedKeyPairFromSeed(rsa2048, Buffer.alloc(32, 8));
    const names = readdirSync(dir);
    expect(names.filter((name) => name.endsWith('.json'))).toHaveLength(256);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(names).not.toContain(`${'0'.padStart(64, '0')}.json`);
    expect(names).toContain(`${(299).toString(16).padStart(64, '0')}.json`);
  });

  it('KMS_VAULT_MOCK_CACHE_DIR=off keeps nothing on disk', () => {
    process.env.KMS_VAULT_MOCK_CACHE_DIR = 'off';
    cachedKeyPairFromSeed(rsa2048, Buffer.alloc(32, 9));
    clearKeyPairMemoryCache();
    const before = keyPairCacheStats();
    cachedKeyPairFromSeed(rsa2048, Buffer.alloc(32, 9));
    expect(delta(before)).toEqual({ memoryHits: 0, diskHits: 0, misses: 1 });
    expect(readdirSync(dir)).toEqual([]);
  });
});
