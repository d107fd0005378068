/**
 * The cost of keys, per key spec: CreateKey (which only draws a seed: key pairs are made on first use)
 * and the first cryptographic call on a fresh key (which makes the key pair), against later calls
 * on the same key (the operation alone: the median of the next five). Medians over BENCH_KEY_RUNS fresh keys (default 5).
 */
import { generateKeyPairSync } from 'node:crypto';
import type { KeySpec, KeyUsageType } from '@aws-sdk/client-kms';
import { KmsVault } from '../src';
import { clearKeyPairMemoryCache, keyPairCacheStats } from '../src/crypto/key-pair-cache';
import { median } from './stats';

const RUNS = Number(process.env.BENCH_KEY_RUNS ?? 5);
const CREATES = 200;
const PEERS: Record<string, Buffer> = {};

function peer(curve: string): Buffer {
  PEERS[curve] ??= generateKeyPairSync('ec', { namedCurve: curve }).publicKey.export({ type: 'spki', format: 'der' });
  return PEERS[curve];
}

const CASES: [KeySpec, KeyUsageType, string, (vault: KmsVault, keyId: string) => unknown][] = [
  ['SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', 'Encrypt', (v, k) => v.execute('Encrypt', { KeyId: k, Plaintext: Buffer.alloc(32) })],
  ['HMAC_256', 'GENERATE_VERIFY_MAC', 'GenerateMac', (v, k) => v.execute('GenerateMac', { KeyId: k, Message: Buffer.alloc(32), MacAlgorithm: 'HMAC_SHA_256' })],
  ['RSA_2048', 'SIGN_VERIFY', 'Sign PSS', (v, k) => v.execute('Sign', { KeyId: k, Message: Buffer.alloc(32), SigningAlgorithm: 'RSASSA_PSS_SHA_256' })],
  [
    'RSA_3072',
    'ENCRYPT_DECRYPT',
    'Encrypt OAEP',
    (v, k) => v.execute('Encrypt', { KeyId: k, Plaintext: Buffer.alloc(32), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }),
  ],
  [
    'RSA_4096',
    'SIGN_VERIFY',
    'Sign PKCS1',
    (v, k) => v.execute('Sign', { KeyId: k, Message: Buffer.alloc(32), SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' }),
  ],
  ['ECC_NIST_P256', 'SIGN_VERIFY', 'Sign', (v, k) => v.execute('Sign', { KeyId: k, Message: Buffer.alloc(32), SigningAlgorithm: 'ECDSA_SHA_256' })],
  [
    'ECC_NIST_P384',
    'KEY_AGREEMENT',
    'DeriveSharedSecret',
    (v, k) => v.execute('DeriveSharedSecret', { KeyId: k, KeyAgreementAlgorithm: 'ECDH', PublicKey: peer('secp384r1') }),
  ],
  ['ECC_NIST_P521', 'SIGN_VERIFY', 'Sign', (v, k) => v.execute('Sign', { KeyId: k, Message: Buffer.alloc(32), SigningAlgorithm: 'ECDSA_SHA_512' })],
  ['ECC_SECG_P256K1', 'SIGN_VERIFY', 'Sign', (v, k) => v.execute('Sign', { KeyId: k, Message: Buffer.alloc(32), SigningAlgorithm: 'ECDSA_SHA_256' })],
  ['ECC_NIST_EDWARDS25519', 'SIGN_VERIFY', 'Sign', (v, k) => v.execute('Sign', { KeyId: k, Message: Buffer.alloc(32), SigningAlgorithm: 'ED25519_SHA_512' })],
  ['SM2', 'SIGN_VERIFY', 'Sign SM2DSA', (v, k) => v.execute('Sign', { KeyId: k, Message: Buffer.alloc(32), SigningAlgorithm: 'SM2DSA' })],
  ['SM2', 'ENCRYPT_DECRYPT', 'Encrypt SM2PKE', (v, k) => v.execute('Encrypt', { KeyId: k, Plaintext: Buffer.alloc(32), EncryptionAlgorithm: 'SM2PKE' })],
  ['ML_DSA_44', 'SIGN_VERIFY', 'Sign', (v, k) => v.execute('Sign', { KeyId: k, Message: Buffer.alloc(32), SigningAlgorithm: 'ML_DSA_SHAKE_256' })],
  ['ML_DSA_65', 'SIGN_VERIFY', 'Sign', (v, k) => v.execute('Sign', { KeyId: k, Message: Buffer.alloc(32), SigningAlgorithm: 'ML_DSA_SHAKE_256' })],
  ['ML_DSA_87', 'SIGN_VERIFY', 'Sign', (v, k) => v.execute('Sign', { KeyId: k, Message: Buffer.alloc(32), SigningAlgorithm: 'ML_DSA_SHAKE_256' })],
  ['ML_KEM_512', 'ENCAPSULATE_DECAPSULATE', 'Encapsulate', (v, k) => v.execute('Encapsulate', { KeyId: k, EncapsulationAlgorithm: 'ML_KEM' })],
  ['ML_KEM_768', 'ENCAPSULATE_DECAPSULATE', 'Encapsulate', (v, k) => v.execute('Encapsulate', { KeyId: k, EncapsulationAlgorithm: 'ML_KEM' })],
  ['ML_KEM_1024', 'ENCAPSULATE_DECAPSULATE', 'Encapsulate', (v, k) => v.execute('Encapsulate', { KeyId: k, EncapsulationAlgorithm: 'ML_KEM' })],
];

function millis(run: () => unknown): number {
  const t0 = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Prints, per key spec, the median CreateKey time, first-use time and later-use time in milliseconds. */
export function reportKeyCosts(): void {
  // SM2 keys exist only in the China Regions, ML-KEM keys only outside them.
  const others = new KmsVault();
  const china = new KmsVault({ region: 'cn-north-1' });
  const vaultFor = (spec: KeySpec): KmsVault => (spec === 'SM2' ? china : others);
  // Warm up the code paths (and the JIT of the pure-JS lattice code) outside the measurements.
  for (const [KeySpec, KeyUsage, , use] of CASES) {
    if (KeySpec === 'RSA_4096' || KeySpec === 'RSA_3072') continue;
    const vault = vaultFor(KeySpec);
    use(vault, vault.execute('CreateKey', { KeySpec, KeyUsage }).KeyMetadata?.KeyId as string);
  }
  console.log(`\nkey costs: CreateKey median of ${CREATES}; first use and later use (median of the next five calls) over ${RUNS} fresh keys, medians (ms)`);
  console.log(
    `${'key spec'.padEnd(24)}${'usage'.padEnd(26)}${'operation'.padEnd(20)}${'CreateKey'.padStart(10)}${'first use'.padStart(11)}${'next use'.padStart(10)}`,
  );
  for (const [KeySpec, KeyUsage, name, use] of CASES) {
    const vault = vaultFor(KeySpec);
    const creates: number[] = [];
    for (let i = 0; i < CREATES; i++) creates.push(millis(() => vault.execute('CreateKey', { KeySpec, KeyUsage })));
    const first: number[] = [];
    const next: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const keyId = vault.execute('CreateKey', { KeySpec, KeyUsage }).KeyMetadata?.KeyId as string;
      first.push(millis(() => use(vault, keyId)));
      // Later calls on the same key: the median of five (a key may warm a cache on its second use).
      next.push(median(Array.from({ length: 5 }, () => millis(() => use(vault, keyId)))));
    }
    console.log(
      `${KeySpec.padEnd(24)}${KeyUsage.padEnd(26)}${name.padEnd(20)}${median(creates).toFixed(3).padStart(10)}${median(first).toFixed(2).padStart(11)}${median(next).toFixed(3).padStart(10)}`,
    );
    vault.clearHistory();
  }
}

/**
 * The README's pattern, a new seeded vault per test: the first RSA_4096 Sign of a key in a vault, then
 * in a second vault with the same seed (the pair from memory), then after the memory is cleared (the
 * primes from the disk cache, as in the next run or another jest worker).
 */
export function reportSeededReuse(): void {
  const seed = `bench-reuse-${process.pid}`;
  const signIn = (vault: KmsVault): number => {
    const keyId = vault.execute('CreateKey', { KeySpec: 'RSA_4096', KeyUsage: 'SIGN_VERIFY' }).KeyMetadata?.KeyId as string;
    return millis(() => vault.execute('Sign', { KeyId: keyId, Message: Buffer.alloc(32), SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' }));
  };
  const first = signIn(new KmsVault({ seed }));
  const before = keyPairCacheStats();
  const second = signIn(new KmsVault({ seed }));
  clearKeyPairMemoryCache();
  const third = signIn(new KmsVault({ seed }));
  const after = keyPairCacheStats();
  console.log('\nseeded vaults: the first RSA_4096 Sign of the same key (ms)');
  console.log(
    `first vault (pair made) ${first.toFixed(1)}; second vault, same seed (memory) ${second.toFixed(1)}; after clearing memory (disk) ${third.toFixed(1)}; cache hits: memory ${after.memoryHits - before.memoryHits}, disk ${after.diskHits - before.diskHits}`,
  );
}
