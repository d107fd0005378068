import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/scenarios/cli.ts', jest: 'src/matchers/jest.ts', vitest: 'src/matchers/vitest.ts' },
  // One copy of shared code (the AwsStub class the matchers recognise) for every entry, in CommonJS too.
  splitting: true,
  format: ['cjs', 'esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  external: ['@aws-sdk/client-kms'],
  // @noble/* ship ES modules only: bundled, so the CommonJS build loads under jest (which does not
  // transform node_modules) and on every Node 20 (require(esm) needs 20.19). See docs/decisions/004.
  noExternal: [/^@noble\//],
});
