/**
 * Rewrites the table of supported operations in README.md (between the `operations-table` markers)
 * from the operation registry, so the README cannot drift from the code. `npm run generate`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATION_NAMES } from '../src/contract/generated';
import { isImplemented } from '../src/operations/registry';

const START = '<!-- operations-table:start -->';
const END = '<!-- operations-table:end -->';

export function operationsTable(): string {
  const rows = OPERATION_NAMES.map((op) => {
    const link = `[${op}](https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html)`;
    return `| ${link} | ${isImplemented(op) ? '✅ supported' : '— not yet (fails with `KmsVaultMockError`)'} |`;
  });
  const count = OPERATION_NAMES.filter(isImplemented).length;
  return [`${count} of ${OPERATION_NAMES.length} KMS operations are implemented.`, '', '| operation | status |', '|---|---|', ...rows].join('\n');
}

if (require.main === module) {
  const path = join(__dirname, '..', 'README.md');
  const readme = readFileSync(path, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} ... ${END} markers`);
  writeFileSync(path, `${readme.slice(0, start + START.length)}\n${operationsTable()}\n${readme.slice(end)}`);
  console.log('README.md operations table updated');
}
