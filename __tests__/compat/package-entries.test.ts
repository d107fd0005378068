import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, { import: { types: string; default: string }; require: { types: string; default: string } }>;
  typesVersions: Record<string, Record<string, string[]>>;
  dependencies: Record<string, string>;
  sideEffects: string[] | boolean;
};

describe('the kms-vault-mock/jest and kms-vault-mock/vitest entry points', () => {
  it.each(['jest', 'vitest'])('./%s is exported with types for CommonJS and ESM', (entry) => {
    expect(pkg.exports[`./${entry}`]).toEqual({
      import: { types: `./dist/${entry}.d.mts`, default: `./dist/${entry}.mjs` },
      require: { types: `./dist/${entry}.d.ts`, default: `./dist/${entry}.js` },
    });
    expect(pkg.typesVersions['*']?.[entry]).toEqual([`./dist/${entry}.d.ts`]);
  });

  it('tsup builds both, sharing one copy of the code (AwsStub) with the main entry', () => {
    const config = readFileSync(join(root, 'tsup.config.ts'), 'utf8');
    expect(config).toContain("jest: 'src/matchers/jest.ts'");
    expect(config).toContain("vitest: 'src/matchers/vitest.ts'");
    expect(config).toMatch(/splitting: true/);
  });

  it('the jest entry, which registers matchers on import, is not tree-shaken away', () => {
    expect(pkg.sideEffects).toEqual(['./dist/jest.js', './dist/jest.mjs']);
  });

  it('sinon, whose stub is the mock, and its types, which the public types use, are dependencies', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['sinon', '@types/sinon']));
  });
});
