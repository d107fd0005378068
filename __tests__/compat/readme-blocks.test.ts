/**
 * Runs the README's TypeScript blocks as they are written (the README test type-checks them): a
 * block that declares jest tests (`it(...)`) contributes those tests; any other block runs as one
 * test, top-level `await` included. Each block gets its own module registry, so a block that mocks
 * `KMSClient` or registers matchers does not reach the next one. Blocks for vitest are only
 * type-checked.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { typescriptBlocks } from '../helpers/readme-blocks';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

type BlockBody = (require: NodeJS.Require, module: { exports: unknown }, exports: unknown) => Promise<void>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => BlockBody;

function compile(code: string): BlockBody {
  const { outputText } = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  return new AsyncFunction('require', 'module', 'exports', outputText);
}

interface Evaluated {
  readonly running: Promise<void>;
  /** The matchers the block registered (its own copy of kms-vault-mock/jest), to register again before its tests. */
  readonly matchers?: Parameters<typeof expect.extend>[0];
}

/** Evaluates a block with a fresh module registry; its top-level code runs up to its first `await` before this returns. */
function evaluate(code: string): Evaluated {
  let evaluated: Evaluated = { running: Promise.resolve() };
  jest.isolateModules(() => {
    const module = { exports: {} };
    const running = compile(code)(require, module, module.exports);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the copy in this block's module registry
    const matchers = /kms-vault-mock\/jest'/.test(code) ? (require('kms-vault-mock/jest') as typeof import('kms-vault-mock/jest')).kmsVaultMatchers : undefined;
    evaluated = { running, ...(matchers ? { matchers } : {}) };
  });
  return evaluated;
}

// Blocks name files as a project would (`fixtures/orders.yaml`): they run in a directory that has them.
const workDir = mkdtempSync(join(tmpdir(), 'kvm-readme-'));
mkdirSync(join(workDir, 'fixtures'));
writeFileSync(join(workDir, 'fixtures', 'orders.yaml'), 'name: orders-file\nkeys:\n  - ref: archive\n    aliases: [alias/archive]\n');
const startDir = process.cwd();
beforeAll(() => process.chdir(workDir));
afterAll(() => process.chdir(startDir));

const runnable = typescriptBlocks(readme).filter((b) => !/from 'vitest(\/config)?'|import 'vitest'/.test(b.code));

describe.each(runnable.map((b) => [`${b.heading}, TypeScript block ${b.indexInSection} (README.md line ${b.line})`, b] as const))('README %s', (_name, block) => {
  if (/^\s*(it|test|describe)\(/m.test(block.code)) {
    // Registers its tests (and hooks) now, as a test file's top level does.
    const { running, matchers } = evaluate(block.code);
    if (matchers) beforeEach(() => expect.extend(matchers));
    it('loads without an error', () => running);
  } else {
    it('runs as written', async () => {
      await evaluate(block.code).running;
    }, 30_000);
  }
});
