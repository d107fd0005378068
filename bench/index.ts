/**
 * `npm run bench`: per-call time of Encrypt (32 bytes), Decrypt, ReEncrypt and GenerateDataKey
 * through the vault middleware, against two references measured in the same process and run:
 *   floor: the same KMSClient with a middleware at the same step that returns a constant answer;
 *   client-mock: aws-sdk-client-mock returning a canned answer.
 * Prints the median microseconds per call of each, and the medians of the per-round ratios
 * vault/floor and vault/client-mock (rounds alternate, so background load affects all alike).
 */
import {
  CreateKeyCommand,
  DecryptCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  KMSClient,
  ReEncryptCommand,
} from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { KmsVault, vaultMiddlewareOptions, vaultPlugin } from '../src';

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
async function compare(clients: KMSClient[], send: Send): Promise<{ micros: number[]; ratios: number[] }> {
  for (const c of clients) for (let i = 0; i < 300; i++) await send(c);
  const samples: number[][] = clients.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
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
  console.log(`${'operation'.padEnd(18)}${'vault µs'.padStart(10)}${'floor µs'.padStart(10)}${'mock µs'.padStart(10)}${'vault/floor'.padStart(13)}${'vault/mock'.padStart(12)}`);
  for (const [name, send] of cases) {
    const { micros, ratios } = await compare([vaultClient, floorClient, mockedClient], send);
    const [vaulted = NaN, floor = NaN, mocked = NaN] = micros;
    const [, perFloor = NaN, perMock = NaN] = ratios;
    console.log(
      `${name.padEnd(18)}${vaulted.toFixed(1).padStart(10)}${floor.toFixed(1).padStart(10)}${mocked.toFixed(1).padStart(10)}${perFloor.toFixed(2).padStart(13)}${perMock.toFixed(2).padStart(12)}`,
    );
  }
  mock.restore();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
