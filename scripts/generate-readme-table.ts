/**
 * Rewrites the table of supported operations in docs/guides/fidelity.md (between the
 * `operations-table` markers) from the operation registry, so the guide cannot drift from the code.
 * `npm run generate`.
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

/** The guide that holds the table, relative to the repository. */
export const TABLE_FILE = 'docs/guides/fidelity.md';

if (require.main === module) {
  const path = join(__dirname, '..', TABLE_FILE);
  const guide = readFileSync(path, 'utf8');
  const start = guide.indexOf(START);
  const end = guide.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${TABLE_FILE} lacks the ${START} ... ${END} markers`);
  writeFileSync(path, `${guide.slice(0, start + START.length)}\n${operationsTable()}\n${guide.slice(end)}`);
  console.log(`${TABLE_FILE} operations table updated`);
}
