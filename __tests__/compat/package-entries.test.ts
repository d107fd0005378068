import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, { import: { types: string; default: string }; require: { types: string; default: string } }>;
  typesVersions: Record<string, Record<string, string[]>>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  sideEffects: string[] | boolean;
};

describe('the kms-vault-mock/jest, kms-vault-mock/vitest and kms-vault-mock/sinon entry points', () => {
  it.each(['jest', 'vitest', 'sinon'])('./%s is exported with types for CommonJS and ESM', (entry) => {
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

  it('the jest and vitest entries and the coverage set-up entries, which act on import, are not tree-shaken away', () => {
    expect(pkg.sideEffects).toEqual([
      './dist/jest.js',
      './dist/jest.mjs',
      './dist/vitest.js',
      './dist/vitest.mjs',
      './dist/coverage-setup.js',
      './dist/coverage-setup.mjs',
      './dist/coverage-setup-vitest.js',
      './dist/coverage-setup-vitest.mjs',
    ]);
  });

  it("the SDK and its @smithy/types are peers (the mock's types must be the SDK's own copy); vitest an optional one", () => {
    expect(pkg.peerDependencies).toEqual({ '@aws-sdk/client-kms': '^3.723.0', '@smithy/types': '^4.0.0', vitest: '>=1.6.0' });
    expect(pkg.peerDependenciesMeta.vitest?.optional).toBe(true);
    expect(Object.keys(pkg.dependencies)).not.toContain('@smithy/types');
  });

  it('sinon, whose stub is the mock, and its types, which the public types use, are dependencies', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['sinon', '@types/sinon']));
  });
});
