/**
 * Type parity with aws-sdk-client-mock and aws-sdk-client-mock-jest, as their own type tests check
 * it: the fixtures in ./types compile (each `@ts-expect-error` in them must still be an error), once
 * as a jest user's program (@types/jest globals) and once as a vitest user's (no jest types at all).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const tsc = require.resolve('typescript/bin/tsc');

async function compile(project: string): Promise<string> {
  try {
    await run(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', project], { cwd: root });
    return '';
  } catch (error) {
    return String((error as { stdout?: unknown }).stdout ?? error);
  }
}

describe('the public types, compiled as a user compiles them', () => {
  jest.setTimeout(180_000);

  it.each(['jest', 'vitest'])('mockClient and the kms-vault-mock/%s matchers type-check as aws-sdk-client-mock\'s do', async (framework) => {
    expect(await compile(join(__dirname, 'types', `tsconfig.${framework}.json`))).toBe('');
  });

  it('a wrong expectation fails to compile (the check can fail)', async () => {
    const dir = mkdtempSync(join(__dirname, 'types', 'tmp-'));
    try {
      writeFileSync(join(dir, 'wrong.types.ts'), [
        "import { EncryptCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';",
        "import { mockClient } from 'kms-vault-mock';",
        "import { expectTypeOf } from '../expect-type';",
        'expectTypeOf(mockClient(KMSClient).commandCall(0, EncryptCommand).args[0]).toBe<ListKeysCommand>();',
        '',
      ].join('\n'));
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../../../tsconfig.json', include: [], files: ['wrong.types.ts'] }));
      expect(await compile(join(dir, 'tsconfig.json'))).toMatch(/wrong\.types\.ts\(4,\d+\): error TS2554/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
