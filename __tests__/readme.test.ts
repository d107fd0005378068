import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { operationsTable } from '../scripts/generate-readme-table';
import { typescriptBlocks, type ReadmeBlock } from './helpers/readme-blocks';

const ROOT = join(__dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/**
 * Type-checks every block as its own ES module file in the repository, with the project's compiler
 * options, where `kms-vault-mock` and its subpaths resolve to their sources (tsconfig paths) and
 * everything else to node_modules, as in a project that installed the package. ES module, because
 * the README's examples may use top-level await.
 */
function typeCheck(blocks: readonly ReadmeBlock[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('cannot read tsconfig.json');
  const options: ts.CompilerOptions = {
    ...config.options,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    noEmit: true,
  };
  const files = new Map(blocks.map((b, i) => [join(ROOT, '__readme__', `block-${i + 1}.ts`), b]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => files.has(f) || fileExists.call(host, f);
  host.readFile = (f) => files.get(f)?.code ?? readFile.call(host, f);
  host.getSourceFile = (f, language, ...rest) => {
    const block = files.get(f);
    return block ? ts.createSourceFile(f, block.code, language, true) : getSourceFile.call(host, f, language, ...rest);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const problems: string[] = [];
  for (const [file, block] of files) {
    const source = program.getSourceFile(file);
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
      problems.push(`README ${block.heading}, TypeScript block ${block.indexInSection} (README.md line ${block.line + at}): TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    }
  }
  return problems;
}

describe('README', () => {
  it('lists the supported operations exactly as the operation registry has them (run npm run generate)', () => {
    expect(readme).toContain(operationsTable());
  });

  it('shows the commands a fresh clone needs', () => {
    for (const command of ['npm ci', 'npm test', 'npm run demo']) expect(readme).toContain(command);
  });

  it('every TypeScript block compiles as pasted (imports included, in an ES module)', () => {
    const blocks = typescriptBlocks(readme);
    expect(blocks.length).toBeGreaterThan(5);
    expect(typeCheck(blocks)).toEqual([]);
  }, 60_000);

  it('a block that does not compile is reported under its heading', () => {
    const problems = typeCheck(typescriptBlocks('# Title\n\n## Some section\n\ntext\n\n```ts\nconst a: number = "x";\n```\n'));
    expect(problems).toEqual([expect.stringMatching(/^README ## Some section, TypeScript block 1 \(README.md line 8\): TS2322 Type 'string' is not assignable to type 'number'/)]);
  }, 60_000);

  it('the compatibility table states the peer range, Node range and tested versions package.json has', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      peerDependencies: Record<string, string>; devDependencies: Record<string, string>; engines: { node: string };
    };
    const section = readme.slice(readme.indexOf('## Compatibility'), readme.indexOf('\n## ', readme.indexOf('## Compatibility') + 1));
    const row = (name: string): string => section.split('\n').find((l) => l.startsWith(`| ${name} `)) ?? `(no row for ${name})`;
    expect(row('`@aws-sdk/client-kms` (peer dependency)')).toContain(`\`${pkg.peerDependencies['@aws-sdk/client-kms']}\``);
    expect(row('`@aws-sdk/client-kms` (peer dependency)')).toContain(String(pkg.devDependencies['@aws-sdk/client-kms']).replace(/^\^/, ''));
    expect(row('Node.js')).toContain(`${pkg.engines.node.replace('>=', '')} and later`);
  });

  it('links stay inside the repository (or go to public documentation), and files it links to exist', () => {
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
    const local = links.filter((l) => !/^(https?:|mailto:|#)/.test(l));
    for (const link of local) {
      expect([link, link.startsWith('../') || link.startsWith('/')]).toEqual([link, false]);
      expect([link, ts.sys.fileExists(join(ROOT, link.split('#')[0] ?? '')) || ts.sys.directoryExists(join(ROOT, link.split('#')[0] ?? ''))]).toEqual([link, true]);
    }
    expect(readme).not.toMatch(/\.\.\/shared\//);
  });
});
