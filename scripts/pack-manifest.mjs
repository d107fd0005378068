// The `prepack` and `postpack` lifecycle scripts: the packed package.json carries no `scripts`.
// They are this repository's development commands (build, tests, `prepare`, ...) and name files the
// package does not ship (scripts/, examples/, bench/); npm 11 warns about a dependency's `prepare`
// on install. npm puts package.json into the tarball as it is on disk after `prepack`, so:
//   node scripts/pack-manifest.mjs strip    (prepack)  removes `scripts`, keeping them aside;
//   node scripts/pack-manifest.mjs restore  (postpack) puts them back where they were.
// Only the `scripts` member is touched, so an edit to any other member in between is kept; a strip
// left over by an interrupted pack is restored before the next strip.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd(); // npm runs lifecycle scripts in the package's root
const manifest = join(root, 'package.json');
const aside = join(root, '.pack-scripts.json');

const read = () => JSON.parse(readFileSync(manifest, 'utf8'));
const write = (pkg) => writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);

function restore() {
  if (!existsSync(aside)) return;
  const { scripts, index } = JSON.parse(readFileSync(aside, 'utf8'));
  const entries = Object.entries(read()).filter(([key]) => key !== 'scripts');
  entries.splice(Math.min(index, entries.length), 0, ['scripts', scripts]);
  write(Object.fromEntries(entries));
  rmSync(aside);
}

function strip() {
  restore();
  const pkg = read();
  if (pkg.scripts === undefined) return;
  writeFileSync(aside, JSON.stringify({ scripts: pkg.scripts, index: Object.keys(pkg).indexOf('scripts') }));
  delete pkg.scripts;
  write(pkg);
}

const mode = process.argv[2];
if (mode === 'strip') strip();
else if (mode === 'restore') restore();
else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
