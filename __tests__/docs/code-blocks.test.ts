/**
 * Runs every code block of README.md, docs/architecture.md and docs/guides/**.md as
 * docs/guides/CONVENTIONS.md says: TypeScript programs type-checked and run with tsx, jest and vitest
 * blocks as test files of a consumer project under the README's configuration, shell and Python
 * blocks against a real `kms-vault-mock serve`. Output is captured and shown only when a block fails.
 */
import { readFileSync, readdirSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { codeBlocks, type CodeBlock } from '../helpers/readme-blocks';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';
import { blockEnv, createConsumerProject, freePort, limiter, ROOT, run, toolPath, type RunResult } from './consumer-project';
import { typeCheck } from './type-check';

jest.setTimeout(300_000);

interface DocBlock extends CodeBlock {
  readonly file: string;
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

export const DOCUMENTS = [join(ROOT, 'README.md'), join(ROOT, 'docs', 'architecture.md'), ...markdownFiles(join(ROOT, 'docs', 'guides'))].filter((f) => existsSync(f));
const blocks: DocBlock[] = DOCUMENTS.flatMap((f) => codeBlocks(readFileSync(f, 'utf8')).map((b) => ({ ...b, file: relative(ROOT, f) })));
const where = (b: DocBlock): string => `${b.file}:${b.line} ${b.heading}`;

const NOT_RUN = new Set(['text', 'console', 'diff', 'hcl']);
const CONFIG_FILES = new Set(['jest.config.js', 'vitest.config.ts']);
function kind(b: DocBlock): string | undefined {
  if (NOT_RUN.has(b.lang) && b.tag === '') return 'not-run';
  if (b.lang === 'ts' && b.tag === '') return 'program';
  if (b.lang === 'ts' && (b.tag === 'jest' || b.tag === 'vitest')) return b.tag;
  if ((b.lang === 'ts' || b.lang === 'js') && CONFIG_FILES.has(b.tag)) return b.file === 'README.md' ? 'config' : undefined;
  if (b.lang === 'sh' && (b.tag === '' || b.tag === 'server' || b.tag === 'install')) return `sh-${b.tag || 'shared'}`;
  if (b.lang === 'python' && b.tag === '') return 'python';
  if ((b.lang === 'yaml' || b.lang === 'json') && b.tag === '') return 'data';
  return undefined;
}
const of = (k: string): DocBlock[] => blocks.filter((b) => kind(b) === k);

const project = createConsumerProject();
afterAll(() => project.remove());
const limit = limiter(2);
const show = (r: RunResult): string => `exit ${String(r.code)}${r.timedOut ? ' (timed out)' : ''}\n${r.output.slice(-6000)}`;

describe('documentation code blocks (docs/guides/CONVENTIONS.md)', () => {
  it('every block has an info string the conventions define', () => {
    expect(blocks.filter((b) => kind(b) === undefined).map((b) => `${where(b)}: \`\`\`${b.lang} ${b.tag}`)).toEqual([]);
    expect(of('program').length + of('jest').length).toBeGreaterThan(10);
  });

  it('every TypeScript block type-checks as pasted (strict, imports included, an ES module)', () => {
    const ts = blocks.filter((b) => b.lang === 'ts');
    expect(typeCheck(ts.map((b) => ({ ...b, label: `${b.file} ${b.heading}, TypeScript block ${b.indexInSection} (${b.file} line ${b.line})` })))).toEqual([]);
  });

  it('YAML and JSON blocks parse', () => {
    for (const b of of('data')) {
      try {
        if (b.lang === 'json') JSON.parse(b.code);
        else parseYaml(b.code);
      } catch (error) {
        throw new Error(`${where(b)}: ${String(error)}`);
      }
    }
  });

  it('install commands install only packages this repository depends on (the tested list)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const known = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies), 'kms-vault-mock']);
    const unknown: string[] = [];
    for (const b of of('sh-install')) {
      for (const line of b.code.split('\n')) {
        const m = /\bnpm (?:install|i)\b(.*)/.exec(line.replace(/#.*/, ''));
        for (const word of (m?.[1] ?? '').split(/\s+/).filter((w) => w && !w.startsWith('-') && !w.endsWith('.tgz') && !w.includes(':') && !w.startsWith('.'))) {
          const name = word.startsWith('@') ? word.split('@').slice(0, 2).join('@') : (word.split('@')[0] ?? word);
          if (!known.has(name)) unknown.push(`${where(b)}: ${name}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  describe('TypeScript programs (tsx)', () => {
    const programs = of('program');
    const results = new Map<DocBlock, Promise<RunResult>>();
    beforeAll(() => {
      for (const b of programs) {
        const dir = project.freshDir(`${b.file}-${b.line}`);
        writeFileSync(join(dir, 'example.mts'), b.code);
        results.set(b, limit(() => run(process.execPath, ['--import', join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs'), 'example.mts'], { cwd: dir, env: blockEnv(), timeoutMs: 120_000 })));
      }
    });
    it.each(programs.map((b) => [where(b), b] as const))('%s runs and exits 0', async (_name, b) => {
      const r = await results.get(b);
      if (r?.code !== 0) throw new Error(`${where(b)} failed: ${r ? show(r) : 'not run'}`);
    });
  });

  describe.each([
    ['jest', 'jest.config.js'],
    ['vitest', 'vitest.config.ts'],
  ] as const)('%s test files (the README configuration)', (runner, configName) => {
    const files = of(runner);
    let report: Promise<{ result: RunResult; byFile: Map<string, { status: string; message: string; tests: number }> }>;
    beforeAll(() => {
      if (files.length === 0) return;
      const dir = join(project.dir, `${runner}-project`);
      mkdirSync(dir);
      symlinkSync(join(project.dir, 'node_modules'), join(dir, 'node_modules'));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `${runner}-consumer`, private: true }));
      const config = blocks.find((b) => kind(b) === 'config' && b.tag === configName);
      if (config) writeFileSync(join(dir, configName), config.code);
      files.forEach((b, i) => writeFileSync(join(dir, `block-${i + 1}.test.ts`), b.code));
      const out = join(dir, 'report.json');
      const args =
        runner === 'jest'
          ? [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '-w', '1', '--json', `--outputFile=${out}`]
          : [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=json', `--outputFile=${out}`];
      report = limit(async () => {
        const result = await run(process.execPath, args, { cwd: dir, env: blockEnv({ CI: 'true' }), timeoutMs: 240_000 });
        const byFile = new Map<string, { status: string; message: string; tests: number }>();
        if (existsSync(out)) {
          const json = JSON.parse(readFileSync(out, 'utf8')) as { testResults: { name: string; status: string; message: string; assertionResults: unknown[] }[] };
          for (const t of json.testResults) byFile.set(t.name.replace(/.*\//, ''), { status: t.status, message: t.message, tests: t.assertionResults.length });
        }
        return { result, byFile };
      });
    });
    it.each(files.map((b, i) => [where(b), b, i] as const))('%s passes', async (_name, b, i) => {
      const { result, byFile } = await report;
      const file = byFile.get(`block-${i + 1}.test.ts`);
      if (file?.status !== 'passed' || file.tests === 0) throw new Error(`${where(b)} (${runner}): ${file ? file.message : show(result)}`);
    });
  });

  describe('shell and Python blocks (against a real kms-vault-mock serve)', () => {
    const shared = [...of('sh-shared'), ...of('python')];
    const own = of('sh-server');
    const python = toolPath(['python3', '/usr/bin/python3'], ['-c', 'import boto3']);
    const aws = toolPath(['aws', '/usr/bin/aws'], ['--version']);
    const missing = !python || !aws;
    if (missing && process.env['CI'] === undefined) {
      console.warn('Skipping the shell and Python blocks of the docs: python3 with boto3, or the AWS CLI, is not installed (set CI=1 to make this fail).');
    }
    let server: ServeProcess | undefined;
    const results = new Map<DocBlock, Promise<RunResult>>();
    beforeAll(async () => {
      if (missing && process.env['CI'] === undefined) return;
      if (!python || !aws) throw new Error('python3 with boto3 and the AWS CLI are needed for the docs blocks');
      const tools = join(project.dir, 'tools');
      mkdirSync(tools);
      symlinkSync(python, join(tools, 'python3'));
      symlinkSync(aws, join(tools, 'aws'));
      const PATH = `${tools}:${process.env['PATH'] ?? ''}`;
      if (shared.length > 0) server = await startServeProcess(['--port', '0']);
      const sharedEnv = blockEnv({ PATH, AWS_ENDPOINT_URL: server?.url ?? '', AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_PAGER: '' });
      // One at a time: a block may reset or replace the shared server's vault (the control endpoints).
      const oneAtATime = limiter(1);
      for (const b of shared) {
        const dir = project.freshDir(`${b.file}-${b.line}`);
        results.set(b, oneAtATime(() => (b.lang === 'python' ? run('python3', ['-'], { cwd: dir, env: sharedEnv, timeoutMs: 120_000, input: b.code }) : run('bash', ['-euo', 'pipefail', '-c', b.code], { cwd: dir, env: sharedEnv, timeoutMs: 120_000 }))));
      }
      for (const b of own) {
        const dir = project.freshDir(`${b.file}-${b.line}`);
        const port = await freePort();
        results.set(b, limit(() => run('bash', ['-euo', 'pipefail', '-c', b.code.replaceAll('4599', String(port))], { cwd: dir, env: blockEnv({ PATH, AWS_PAGER: '' }), timeoutMs: 120_000 })));
      }
    });
    afterAll(async () => {
      await Promise.allSettled(results.values());
      await server?.stop();
    });
    it.each([...shared, ...own].map((b) => [where(b), b] as const))('%s exits 0', async (_name, b) => {
      const r = results.get(b);
      if (!r) return; // tools missing on a developer's machine (warned above)
      const result = await r;
      if (result.code !== 0) throw new Error(`${where(b)} failed: ${show(result)}`);
    });
  });
});
