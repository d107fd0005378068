/**
 * `npm run bench`: per-call time of Encrypt (32 bytes), Decrypt, ReEncrypt and GenerateDataKey
 * through the vault middleware, against two references measured in the same process and run:
 *   floor: the same KMSClient with a middleware at the same step that returns a constant answer;
 *   client-mock: aws-sdk-client-mock returning a canned answer.
 * A third reference, aes-floor, is the floor plus one AES-256-GCM encryption of 32 bytes: the least
 * any middleware doing real cryptography can cost.
 * Prints the median microseconds per call of each, and the medians of the per-round ratios
 * vault/floor and vault/client-mock (rounds alternate, so background load affects all alike).
 * Then the cost of keys per key spec (bench/key-costs.ts): CreateKey, first use, next use; and the
 * server over loopback against moto_server (bench/server.ts); and start-up in fresh processes
 * (bench/startup.ts).
 */
import {
  CreateKeyCommand,
  DecryptCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  KMSClient,
  ReEncryptCommand,
} from '@aws-sdk/client-kms';
import { createCipheriv, randomBytes } from 'node:crypto';
import { mockClient } from 'aws-sdk-client-mock';
import { KmsVault, vaultMiddlewareOptions, vaultPlugin } from '../src';
import { reportKeyCosts, reportSeededReuse } from './key-costs';
import { reportServerBench } from './server';
import { reportStartup } from './startup';

type Send = (client: KMSClient) => Promise<unknown>;

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);
const CALLS = Number(process.env.BENCH_CALLS ?? 1000);

async function roundMicros(client: KMSClient, send: Send): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) await send(client);
  return Number(process.hrtime.bigint() - t0) / 1000 / CALLS;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * Median µs per call of each client, and the median of the per-round ratios to the first client.
 * Rounds alternate between the clients, so drift and background load hit all of them alike.
 */
async function compare(clients: KMSClient[], send: Send, forget: () => void): Promise<{ micros: number[]; ratios: number[] }> {
  for (const c of clients) for (let i = 0; i < 300; i++) await send(c);
  const samples: number[][] = clients.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    // Both the vault and aws-sdk-client-mock keep every call; a round starts with neither holding
    // the previous rounds' calls, as a test file starts with fresh mocks.
    forget();
    for (const [i, c] of clients.entries()) samples[i]?.push(await roundMicros(c, send));
  }
  const first = samples[0] ?? [];
  return {
    micros: samples.map(median),
    ratios: samples.map((s) => median(first.map((v, r) => v / (s[r] ?? NaN)))),
  };
}

async function main(): Promise<void> {
  const vault = new KmsVault();
  const vaultClient = new KMSClient({ region: 'us-east-1' });
  vaultClient.middlewareStack.use(vaultPlugin(vault));

  const { KeyMetadata } = await vaultClient.send(new CreateKeyCommand({}));
  const { KeyMetadata: other } = await vaultClient.send(new CreateKeyCommand({}));
  const keyId = KeyMetadata?.KeyId as string;
  const plaintext = new Uint8Array(32).fill(7);
  const { CiphertextBlob } = await vaultClient.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext }));

  const canned = { CiphertextBlob, KeyId: KeyMetadata?.Arn, Plaintext: plaintext, SourceKeyId: KeyMetadata?.Arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' as const };

  const floorClient = new KMSClient({ region: 'us-east-1' });
  floorClient.middlewareStack.add(
    () => async () => ({ output: { ...canned, $metadata: { httpStatusCode: 200 } }, response: undefined }),
    { ...vaultMiddlewareOptions, name: 'constantAnswer' },
  );

  const aesKey = randomBytes(32);
  const aesIv = randomBytes(12);
  const aesClient = new KMSClient({ region: 'us-east-1' });
  aesClient.middlewareStack.add(
    () => async () => {
      const cipher = createCipheriv('aes-256-gcm', aesKey, aesIv);
      cipher.update(plaintext);
      cipher.final();
      cipher.getAuthTag();
      return { output: { ...canned, $metadata: { httpStatusCode: 200 } }, response: undefined };
    },
    { ...vaultMiddlewareOptions, name: 'constantAnswerAfterAes' },
  );

  const mockedClient = new KMSClient({ region: 'us-east-1' });
  const mock = mockClient(mockedClient);
  mock.onAnyCommand().resolves(canned);

  const cases: [string, Send][] = [
    ['Encrypt (32 B)', (c) => c.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext }))],
    ['Decrypt', (c) => c.send(new DecryptCommand({ CiphertextBlob }))],
    ['ReEncrypt', (c) => c.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: other?.KeyId }))],
    ['GenerateDataKey', (c) => c.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }))],
  ];

  console.log(`kms-vault-mock bench: median of ${ROUNDS} rounds x ${CALLS} sequential calls, node ${process.version}`);
  console.log(`${'operation'.padEnd(18)}${'vault µs'.padStart(10)}${'floor µs'.padStart(10)}${'aes µs'.padStart(9)}${'mock µs'.padStart(10)}${'vault/floor'.padStart(13)}${'aes/floor'.padStart(11)}${'vault/mock'.padStart(12)}`);
  for (const [name, send] of cases) {
    const { micros, ratios } = await compare([vaultClient, floorClient, mockedClient, aesClient], send, () => {
      vault.clearHistory();
      mock.resetHistory();
    });
    const [vaulted = NaN, floor = NaN, mocked = NaN, aes = NaN] = micros;
    const [, perFloor = NaN, perMock = NaN, perAes = NaN] = ratios;
    const aesPerFloor = perFloor / perAes;
    console.log(
      `${name.padEnd(18)}${vaulted.toFixed(1).padStart(10)}${floor.toFixed(1).padStart(10)}${aes.toFixed(1).padStart(9)}${mocked.toFixed(1).padStart(10)}${perFloor.toFixed(2).padStart(13)}${aesPerFloor.toFixed(2).padStart(11)}${perMock.toFixed(2).padStart(12)}`,
    );
  }
  mock.restore();
  reportKeyCosts();
  reportSeededReuse();
  reportStartup();
  await reportServerBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
