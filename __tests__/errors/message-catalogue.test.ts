import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Issue 9 (one error taxonomy): every KMS error's message comes from src/errors/messages.ts. */
describe('the message catalogue', () => {
  it('no module outside src/errors writes a KMS error message inline', () => {
    const root = join(__dirname, '..', '..', 'src');
    const inline = sources(root)
      .filter((path) => !path.startsWith(join(root, 'errors')))
      .flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${path.slice(root.length + 1)}:${i + 1}`, line }))
          .filter(({ line }) => /kmsError\('\w+', [`'"]/.test(line)),
      );
    expect(inline.map((x) => x.where)).toEqual([]);
  });
});
