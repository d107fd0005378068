/**
 * Runs the vitest half of the drop-in parity suite (./vitest/*.vitest.ts) with vitest itself, since
 * kms-vault-mock/vitest registers its matchers with vitest's own expect, which exists only there.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

interface VitestReport {
  readonly success: boolean;
  readonly numTotalTests: number;
  readonly numFailedTests: number;
  readonly testResults: { readonly assertionResults: { readonly fullName: string; readonly status: string; readonly failureMessages: string[] }[] }[];
}

describe('kms-vault-mock/vitest under vitest', () => {
  jest.setTimeout(120_000);

  it('the vitest parity suite passes: matchers registered on import, their messages, ordinalOf, the ciphertext matchers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-vault-mock-vitest-'));
    const output = join(dir, 'report.json');
    try {
      const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
      await run(process.execPath, [vitest, 'run', '--config', join(__dirname, 'vitest', 'vitest.config.ts'), '--reporter=json', `--outputFile=${output}`], {
        cwd: root,
        env: { ...process.env, CI: 'true' },
      }).catch((error: unknown) => error);
      const report = JSON.parse(readFileSync(output, 'utf8')) as VitestReport;
      const failed = report.testResults.flatMap((file) => file.assertionResults.filter((test) => test.status !== 'passed'));
      expect(failed.map((test) => `${test.fullName}: ${test.failureMessages.join('\n')}`)).toEqual([]);
      expect(report.numTotalTests).toBeGreaterThanOrEqual(27);
      expect(report.success).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
