/**
 * Type parity with aws-sdk-client-mock and aws-sdk-client-mock-jest, as their own type tests check
 * it: the fixtures in ./types compile (each `@ts-expect-error` in them must still be an error), once
 * as a jest user's program (@types/jest globals) and once as a vitest user's (no jest types at all).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  // The three programs compile at once: each loads the SDK's declarations, which takes seconds.
  let outputs: Promise<Record<'jest' | 'vitest' | 'wrong', string>>;
  beforeAll(() => {
    outputs = Promise.all([
      compile(join(__dirname, 'types', 'tsconfig.jest.json')),
      compile(join(__dirname, 'types', 'tsconfig.vitest.json')),
      compileWrongExpectation(),
    ]).then(([jest, vitest, wrong]) => ({ jest, vitest, wrong }));
  });

  it.each(['jest', 'vitest'] as const)("mockClient and the kms-vault-mock/%s matchers type-check as aws-sdk-client-mock's do", async (framework) => {
    expect((await outputs)[framework]).toBe('');
  });

  it('a wrong expectation fails to compile (the check can fail)', async () => {
    expect((await outputs).wrong).toMatch(/wrong\.types\.ts\(4,\d+\): error TS2554/);
  });
});

/** A fixture expecting the wrong command type, compiled outside the repository (a temp dir that sees its node_modules). */
async function compileWrongExpectation(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-types-'));
  try {
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    copyFileSync(join(__dirname, 'types', 'expect-type.ts'), join(dir, 'expect-type.ts'));
    writeFileSync(
      join(dir, 'wrong.types.ts'),
      [
        "import { EncryptCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';",
        "import { mockClient } from 'kms-vault-mock';",
        "import { expectTypeOf } from './expect-type';",
        'expectTypeOf(mockClient(KMSClient).commandCall(0, EncryptCommand).args[0]).toBe<ListKeysCommand>();',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(root, 'tsconfig.json'),
        compilerOptions: { types: ['node'], paths: { 'kms-vault-mock': [join(root, 'src', 'index.ts')] } },
        include: [],
        files: ['wrong.types.ts'],
      }),
    );
    return await compile(join(dir, 'tsconfig.json'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
