import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationsTable } from '../scripts/generate-readme-table';

describe('README', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

  it('lists the supported operations exactly as the operation registry has them (run npm run generate)', () => {
    expect(readme).toContain(operationsTable());
  });

  it('shows the commands a fresh clone needs', () => {
    for (const command of ['npm ci', 'npm test', 'npm run demo']) expect(readme).toContain(command);
  });
});
