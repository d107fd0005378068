import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    cli: 'src/scenarios/cli.ts',
    jest: 'src/matchers/jest.ts',
    vitest: 'src/matchers/vitest.ts',
    sinon: 'src/sinon.ts',
    'coverage-reporter': 'src/coverage/jest-reporter.ts',
    'coverage-reporter-vitest': 'src/coverage/vitest-reporter.ts',
    'coverage-setup': 'src/coverage/jest-setup.ts',
    'coverage-setup-vitest': 'src/coverage/vitest-setup.ts',
    // Worker programs, started by file name from dist/ (src/xks/worker-file.ts knows these names).
    'xks-sync-http-worker': 'src/xks/workers/sync-http-worker.ts',
    'xks-proxy-worker': 'src/xks/workers/xks-proxy-worker.ts',
    // The @noble libraries, required by path on first use (src/crypto/noble.ts, docs/decisions/016).
    'noble-modules': 'src/crypto/noble-modules.ts',
  },
  // One copy of shared code (the AwsStub class the matchers recognise) for every entry, in CommonJS too.
  splitting: true,
  format: ['cjs', 'esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // __filename in the ESM build, and the build's format, for src/lazy-require.ts.
  shims: true,
  esbuildOptions(options, { format }) {
    options.define = { ...options.define, 'process.env.KMS_VAULT_MOCK_BUILD_FORMAT': JSON.stringify(format) };
    // tsup turns split ES chunks into CommonJS with sucrase, which rewrites every `a?.b` and `a ?? b`
    // into helper calls that allocate an array and closures per evaluation. Lowered by esbuild first
    // (plain conditionals), they leave sucrase nothing to rewrite (docs/decisions/021).
    if (format === 'cjs') options.supported = { ...options.supported, 'optional-chain': false, 'nullish-coalescing': false, 'logical-assignment': false };
  },
  external: ['@aws-sdk/client-kms', 'vitest'],
  // @noble/* ship ES modules only: bundled, so the CommonJS build loads under jest (which does not
  // transform node_modules) and on every Node 20 (require(esm) needs 20.19). See docs/decisions/004.
  noExternal: [/^@noble\//],
});
