/**
 * The README and the guides as documents: the generated operations table, the commands a fresh clone
 * needs, the README's length and contents, the compatibility table against package.json, and links.
 * Their code blocks run in __tests__/docs/code-blocks.test.ts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { operationsTable, TABLE_FILE } from '../scripts/generate-readme-table';
import { typeCheck } from './docs/type-check';

const ROOT = join(__dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}
const documents = [
  join(ROOT, 'README.md'),
  join(ROOT, 'docs', 'architecture.md'),
  ...markdownFiles(join(ROOT, 'docs', 'guides')),
  ...markdownFiles(join(ROOT, 'docs', 'decisions')),
].filter((f) => existsSync(f));

/** Hosts of public documentation a link may leave the repository for (the project's rule). */
const DOCUMENTATION_HOSTS =
  /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com|github\.com\/(m-radzikowski|aws|awslabs|aws-samples|kms-vault-mock)\/|swc\.rs|sinonjs\.org|jestjs\.io|vitest\.dev|www\.npmjs\.com|nodejs\.org)/;

describe('README and guides', () => {
  it(`the fidelity guide lists the supported operations exactly as the operation registry has them (run npm run generate)`, () => {
    expect(readFileSync(join(ROOT, TABLE_FILE), 'utf8')).toContain(operationsTable());
  });

  it('the README shows the commands a fresh clone needs', () => {
    for (const command of ['npm ci', 'npm test', 'npm run demo']) expect(readme).toContain(command);
  });

  it('the README is at most 300 lines, with a table of contents whose links reach its headings', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
    const slugs = new Set(
      [...readme.matchAll(/^#{2,3} (.+)$/gm)].map((m) =>
        (m[1] ?? '')
          .toLowerCase()
          .replace(/[^\w\s-]/g, '')
          .replace(/\s/g, '-'),
      ),
    );
    const contents = readme.slice(readme.indexOf('## Contents'), readme.indexOf('\n## ', readme.indexOf('## Contents') + 1));
    const anchors = [...contents.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] ?? '');
    expect(anchors.length).toBeGreaterThan(5);
    expect(anchors.filter((a) => !slugs.has(a))).toEqual([]);
  });

  it('the compatibility table states the peer range, Node range and tested versions package.json has', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      peerDependencies: Record<string, string>;
      devDependencies: Record<string, string>;
      engines: { node: string };
    };
    const guide = readFileSync(join(ROOT, 'docs', 'guides', 'libraries.md'), 'utf8');
    const section = guide.slice(guide.indexOf('## Compatibility'));
    const row = (name: string): string => section.split('\n').find((l) => l.startsWith(`| ${name} `)) ?? `(no row for ${name})`;
    expect(row('`@aws-sdk/client-kms` (peer dependency)')).toContain(`\`${pkg.peerDependencies['@aws-sdk/client-kms']}\``);
    expect(row('`@aws-sdk/client-kms` (peer dependency)')).toContain(String(pkg.devDependencies['@aws-sdk/client-kms']).replace(/^\^/, ''));
    expect(row('Node.js')).toContain(`${pkg.engines.node.replace('>=', '')} and later`);
    expect(readme).toContain(`\`${pkg.peerDependencies['@aws-sdk/client-kms']}\``);
  });

  it('links stay inside the repository or go to AWS or package documentation, and the files they name exist', () => {
    const problems: string[] = [];
    for (const doc of documents) {
      const text = readFileSync(doc, 'utf8').replace(/```[\s\S]*?```/g, '');
      const name = relative(ROOT, doc);
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = m[1] ?? '';
        if (link.startsWith('#') || link.startsWith('mailto:')) continue;
        if (/^https?:/.test(link)) {
          if (!DOCUMENTATION_HOSTS.test(link)) problems.push(`${name}: ${link} leaves the repository for a site that is not AWS or package documentation`);
          continue;
        }
        const target = resolve(dirname(doc), link.split('#')[0] ?? '');
        if (relative(ROOT, target).startsWith('..')) problems.push(`${name}: ${link} points outside the repository`);
        // Guides other helpers write may land later: a missing guide is reported by the guides index test.
        else if (!existsSync(target) && !/docs\/guides\/[\w-]+\.md$/.test(target)) problems.push(`${name}: ${link} names a file that does not exist`);
      }
      if (/\/work\/shared|\.\.\/shared\//.test(text)) problems.push(`${name}: cites a file outside the repository`);
    }
    expect(problems).toEqual([]);
  });

  it('every guide the README indexes exists', () => {
    const guides = [...readme.matchAll(/\]\((docs\/guides\/[\w-]+\.md)\)/g)].map((m) => m[1] ?? '');
    expect(guides.length).toBeGreaterThan(10);
    expect(guides.filter((g) => !existsSync(join(ROOT, g)))).toEqual([]);
  });

  it('a TypeScript block that does not compile is reported under its document, heading and line', () => {
    const problems = typeCheck([
      { label: 'README.md ## Some section, TypeScript block 1 (README.md line 8)', line: 8, code: 'const a: number = "x";\nexport {};' },
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^README.md ## Some section, TypeScript block 1 \(README.md line 8\): TS2322 Type 'string' is not assignable to type 'number'/),
    ]);
  }, 60_000);
});
