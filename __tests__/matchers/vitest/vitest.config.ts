import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const src = join(__dirname, '..', '..', '..', 'src');

// The vitest half of the drop-in parity suite, run by ../vitest-run.test.ts: the package's entries
// resolve to the sources, as jest's moduleNameMapper does.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^kms-vault-mock\/vitest$/, replacement: join(src, 'matchers', 'vitest.ts') },
      { find: /^kms-vault-mock$/, replacement: join(src, 'index.ts') },
    ],
  },
  test: {
    root: __dirname,
    include: ['**/*.vitest.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    pool: 'threads',
    poolOptions: { threads: { singleThread: true } },
  },
});
