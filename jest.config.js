// Node 20 is supported by this project; the SDK's notice that its 2027 releases will need Node 22
// would otherwise print once per test file and bury the results.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * The adapters the behaviour suite (__tests__/operations) runs through, each as a jest project; the
 * first runs every test. Each name has its client factory in __tests__/helpers/adapters.ts.
 */
const ADAPTER_NAMES = ['middleware', 'request-handler', 'server'];

const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
    // @noble/* (ML-DSA, ML-KEM, prehashed ECDSA, Ed25519ph) ship ES modules only; jest loads CommonJS.
    '/node_modules/@noble/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@noble/)'],
  moduleNameMapper: {
    '^kms-vault-mock$': '<rootDir>/src/index.ts',
    '^kms-vault-mock/jest$': '<rootDir>/src/matchers/jest.ts',
    '^kms-vault-mock/vitest$': '<rootDir>/src/matchers/vitest.ts',
    '^kms-vault-mock/sinon$': '<rootDir>/src/sinon.ts',
  },
};

/**
 * `--selectProjects` takes every argument after it, so `jest --selectProjects middleware some/file.test.ts`
 * would read the path as a project name and run the whole project. Arguments after it that are paths
 * on disk are taken as the test files to run instead.
 */
const SELECTED_PATHS = (() => {
  const at = process.argv.indexOf('--selectProjects');
  if (at < 0) return [];
  const fs = require('node:fs');
  const path = require('node:path');
  const after = [];
  for (const arg of process.argv.slice(at + 1)) {
    if (arg.startsWith('-')) break;
    if (!ADAPTER_NAMES.includes(arg) && fs.existsSync(arg)) after.push(path.resolve(arg));
  }
  return after;
})();
if (SELECTED_PATHS.length > 0) {
  base.testMatch = SELECTED_PATHS.map((p) => (require('node:fs').statSync(p).isDirectory() ? `${p}/**/*.test.ts` : p));
}

/** @type {import('jest').Config} */
module.exports = {
  projects: ADAPTER_NAMES.map((name, i) => ({
    ...base,
    displayName: name,
    ...(i === 0
      ? {}
      : {
          testMatch:
            SELECTED_PATHS.length > 0
              ? base.testMatch.filter((p) => p.includes(`${require('node:path').sep}__tests__${require('node:path').sep}operations`))
              : ['<rootDir>/__tests__/operations/**/*.test.ts'],
          setupFilesAfterEnv: ['<rootDir>/__tests__/helpers/wire-project-setup.ts'],
        }),
    globals: { KMS_VAULT_MOCK_ADAPTER: name },
  })),
};
