/**
 * `npm run bench`: per-call time of Encrypt (32 bytes), Decrypt, ReEncrypt and GenerateDataKey
 * through the vault middleware of the built package, against two references measured in the same process and run:
 *   floor: the same KMSClient with a middleware at the same step that returns a constant answer;
 *   client-mock: aws-sdk-client-mock returning a canned answer.
 * A third reference, aes, is the floor plus the AES-256-GCM work the operation needs at the least (a
 * seal for Encrypt, an open for Decrypt, both for ReEncrypt): what any middleware doing real
 * cryptography with node:crypto costs before it parses, authorizes or records anything.
 * Prints the median microseconds per call of each, and the medians of the per-round ratios
 * vault/floor and vault/client-mock (rounds alternate, so background load affects all alike).
 * Then the cost of keys per key spec (bench/key-costs.ts): CreateKey, first use, next use; and the
 * server over loopback against moto_server (bench/server.ts); and start-up in fresh processes
 * (bench/startup.ts).
 */
import { CreateKeyCommand, DecryptCommand, EncryptCommand, GenerateDataKeyCommand, KMSClient, ReEncryptCommand } from '@aws-sdk/client-kms';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mockClient } from 'aws-sdk-client-mock';
// The package as users load it: the CommonJS build in dist/ (`npm run bench` builds it first), reached
// through the package's own name and exports map; kept external when the bench is bundled.
import { KmsVault, vaultMiddlewareOptions, vaultPlugin } from 'kms-vault-mock';
import { reportKeyCosts, reportSeededReuse } from './key-costs';
import { median, medianRatios } from './stats';
import { reportServerBench } from './server';
import { reportStartup } from './startup';
import { reportServeStartup } from './serve-startup';
import { reportJestSuite } from './jest-suite';
import { reportPersistence } from './persistence';

type Send = (client: KMSClient) => Promise<unknown>;

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);
const CALLS = Number(process.env.BENCH_CALLS ?? 1000);

async function roundMicros(client: KMSClient, send: Send): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) await send(client);
  return Number(process.hrtime.bigint() - t0) / 1000 / CALLS;
}

/**
 * Median µs per call of each client, and `ratio(a, b)`: the median of the per-round ratios of client a
 * to client b. Rounds alternate between the clients, so drift and background load hit all of them alike.
 */
async function compare(clients: KMSClient[], send: Send, forget: () => void): Promise<{ micros: number[]; ratio: (a: number, b: number) => number }> {
  for (const c of clients) for (let i = 0; i < 300; i++) await send(c);
  const samples: number[][] = clients.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    // Both the vault and aws-sdk-client-mock keep every call; a round starts with neither holding
    // the previous rounds' calls, as a test file starts with fresh mocks.
    forget();
    for (const [i, c] of clients.entries()) samples[i]?.push(await roundMicros(c, send));
  }
  return {
    micros: samples.map(median),
    ratio: medianRatios(samples),
  };
}

async function main(): Promise<void> {
  // `npm run bench -- persistence` (or BENCH_ONLY=persistence) runs that section alone; `-- per-call` the first.
  const only = process.argv[2] ?? process.env.BENCH_ONLY;
  if (only === 'persistence') return reportPersistence();
  const vault = new KmsVault();
  const vaultClient = new KMSClient({ region: 'us-east-1' });
  vaultClient.middlewareStack.use(vaultPlugin(vault));

  const { KeyMetadata } = await vaultClient.send(new CreateKeyCommand({}));
  const { KeyMetadata: other } = await vaultClient.send(new CreateKeyCommand({}));
  const keyId = KeyMetadata?.KeyId as string;
  const plaintext = new Uint8Array(32).fill(7);
  const { CiphertextBlob } = await vaultClient.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext }));

  const canned = {
    CiphertextBlob,
    KeyId: KeyMetadata?.Arn,
    Plaintext: plaintext,
    SourceKeyId: KeyMetadata?.Arn,
    EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' as const,
  };

  const floorClient = new KMSClient({ region: 'us-east-1' });
  floorClient.middlewareStack.add(() => async () => ({ output: { ...canned, $metadata: { httpStatusCode: 200 } }, response: undefined }), {
    ...vaultMiddlewareOptions,
    name: 'constantAnswer',
  });

  // The least real cryptography each operation needs, on top of the floor: one AES-256-GCM seal
  // (Encrypt), one open (Decrypt), an open and a seal (ReEncrypt), a random data key and a seal
  // (GenerateDataKey). What any middleware that really encrypts must pay with node:crypto.
  const aesKey = randomBytes(32);
  const aesIv = randomBytes(12);
  const seal = (data: Uint8Array): { sealed: Buffer; tag: Buffer } => {
    const cipher = createCipheriv('aes-256-gcm', aesKey, aesIv);
    const sealed = Buffer.concat([cipher.update(data), cipher.final()]);
    return { sealed, tag: cipher.getAuthTag() };
  };
  const sample = seal(plaintext);
  const open = (): Buffer => {
    const decipher = createDecipheriv('aes-256-gcm', aesKey, aesIv);
    decipher.setAuthTag(sample.tag);
    return Buffer.concat([decipher.update(sample.sealed), decipher.final()]);
  };
  const leastCrypto: Record<string, () => unknown> = {
    EncryptCommand: () => seal(plaintext),
    DecryptCommand: open,
    ReEncryptCommand: () => seal(open()),
    GenerateDataKeyCommand: () => seal(randomBytes(32)),
  };
  const aesClient = new KMSClient({ region: 'us-east-1' });
  aesClient.middlewareStack.add(
    (_next, context) => async () => {
      leastCrypto[context.commandName ?? '']?.();
      return { output: { ...canned, $metadata: { httpStatusCode: 200 } }, response: undefined };
    },
    { ...vaultMiddlewareOptions, name: 'constantAnswerAfterLeastCrypto' },
  );

  const mockedClient = new KMSClient({ region: 'us-east-1' });
  const mock = mockClient(mockedClient);
  mock.onAnyCommand().resolves(canned);

  // The issue's targets for vault/floor (#13); GenerateDataKey has none.
  const cases: [string, Send, number | undefined][] = [
    ['Encrypt (32 B)', (c) => c.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext })), 1.25],
    ['Decrypt', (c) => c.send(new DecryptCommand({ CiphertextBlob })), 1.25],
    ['ReEncrypt', (c) => c.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: other?.KeyId })), 1.45],
    ['GenerateDataKey', (c) => c.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' })), undefined],
  ];

  console.log(`kms-vault-mock bench: median of ${ROUNDS} rounds x ${CALLS} sequential calls, node ${process.version}`);
  console.log(
    `${'operation'.padEnd(18)}${'vault µs'.padStart(10)}${'floor µs'.padStart(10)}${'aes µs'.padStart(9)}${'mock µs'.padStart(10)}${'vault/floor'.padStart(13)}${'aes/floor'.padStart(11)}${'target'.padStart(8)}${'vault/mock'.padStart(12)}`,
  );
  for (const [name, send, target] of cases) {
    const { micros, ratio } = await compare([vaultClient, floorClient, mockedClient, aesClient], send, () => {
      vault.clearHistory();
      mock.resetHistory();
    });
    const [vaulted = NaN, floor = NaN, mocked = NaN, aes = NaN] = micros;
    console.log(
      `${name.padEnd(18)}${vaulted.toFixed(1).padStart(10)}${floor.toFixed(1).padStart(10)}${aes.toFixed(1).padStart(9)}${mocked.toFixed(1).padStart(10)}${ratio(0, 1).toFixed(2).padStart(13)}${ratio(3, 1).toFixed(2).padStart(11)}${(target === undefined ? '-' : `<=${target.toFixed(2)}`).padStart(8)}${ratio(0, 2).toFixed(2).padStart(12)}`,
    );
  }
  console.log('aes: the floor plus the least AES-256-GCM work of the operation (node:crypto), before any parsing, authorization or record keeping.');
  mock.restore();
  if (only === 'per-call') return;
  reportKeyCosts();
  reportSeededReuse();
  reportStartup();
  await reportServeStartup();
  reportJestSuite();
  await reportServerBench();
  await reportPersistence();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
